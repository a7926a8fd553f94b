import {describe, expect, it} from 'vitest';
import {commandMatches, completeCommand} from '../../../../source/ui/chat/slash-commands/completion.js';
import {SLASH_COMMANDS} from '../../../../source/ui/chat/slash-commands/registry.js';

describe('command completion', () => {
	it('lists every command of the registry for a lone slash, with usage and description', () => {
		const matches = commandMatches('/');
		expect(matches.map(match => match.name)).toEqual(SLASH_COMMANDS.map(command => command.name));
		expect(matches[0]).toEqual({name: 'model', usage: '/model [id|alias]', description: SLASH_COMMANDS[0]!.description});
	});

	it('filters by what is typed, aliases included, whatever the case', () => {
		expect(commandMatches('/m').map(match => match.name)).toEqual(['model']);
		expect(commandMatches('/Cl').map(match => match.name)).toEqual(['clear']);
		expect(commandMatches('/re').map(match => match.name)).toEqual(['resume', 'rename', 'retry']);
		expect(commandMatches('/q')).toEqual([expect.objectContaining({name: 'quit', usage: '/quit'})]);
		expect(commandMatches('/zzz')).toEqual([]);
	});

	it('opens only while a command name is typed', () => {
		for (const text of ['', 'hello', '/model ', '/model qwen', '//etc', ' /m', '/m\nx']) expect(commandMatches(text)).toEqual([]);
	});

	it('Tab completes the only match with a space after it', () => {
		expect(completeCommand('/mo')).toBe('/model ');
		expect(completeCommand('/h')).toBe('/help ');
		expect(completeCommand('/help')).toBe('/help ');
	});

	it('Tab completes several matches as far as they agree, and otherwise adds nothing', () => {
		expect(completeCommand('/')).toBeUndefined();
		expect(completeCommand('/e')).toBeUndefined();
		expect(completeCommand('/ex')).toBe('/exit ');
		expect(completeCommand('/re')).toBeUndefined();
		expect(completeCommand('/x')).toBeUndefined();
	});
});
