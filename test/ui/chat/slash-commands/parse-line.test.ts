import {describe, expect, it} from 'vitest';
import {parseLine} from '../../../../source/ui/chat/slash-commands/parse-line.js';

describe('parseLine', () => {
	it('reads commands and their arguments', () => {
		expect(parseLine('/model qwen3-coder')).toEqual({kind: 'command', command: {name: 'model', model: 'qwen3-coder'}});
		expect(parseLine('/model')).toEqual({kind: 'command', command: {name: 'model'}});
		expect(parseLine('/image "my photo.png"')).toEqual({kind: 'command', command: {name: 'image', path: 'my photo.png'}});
		expect(parseLine('/save notes.md')).toEqual({kind: 'command', command: {name: 'save', path: 'notes.md'}});
		expect(parseLine('/think off')).toEqual({kind: 'command', command: {name: 'think', enabled: false}});
		expect(parseLine('/quit')).toEqual({kind: 'command', command: {name: 'exit'}});
	});

	it('says what is missing or wrong', () => {
		expect(parseLine('/image')).toMatchObject({kind: 'invalid', message: expect.stringContaining('/image photo.png')});
		expect(parseLine('/think maybe')).toMatchObject({kind: 'invalid'});
		expect(parseLine('/sav x')).toMatchObject({kind: 'invalid', message: expect.stringContaining('Did you mean /save?')});
	});

	it('sends other text, and // for a message that starts with a slash', () => {
		expect(parseLine('  hello  ')).toEqual({kind: 'message', text: 'hello'});
		expect(parseLine('//etc/hosts is a file')).toEqual({kind: 'message', text: '/etc/hosts is a file'});
	});
});
