import {describe, expect, it} from 'vitest';
import {parseLine} from '../../../../source/ui/chat/slash-commands/parse-line.js';
import {footerHints} from '../../../../source/ui/chat/slash-commands/pane-keys.js';
import {SLASH_COMMANDS} from '../../../../source/ui/chat/slash-commands/registry.js';

describe('the slash-command registry', () => {
	it('every name and alias reads as its command', () => {
		for (const command of SLASH_COMMANDS) {
			for (const name of [command.name, ...command.aliases, ...(command.shorthands ?? [])]) {
				// Every command but /copy takes "on": as a file, a model name, a title, a search, or the /think setting.
				const argument = command.name === 'copy' ? 'code 2' : 'on';
				expect(parseLine(`/${name.toUpperCase()} ${argument}`)).toMatchObject({kind: 'command', command: {name: command.name}});
			}
		}
	});

	it('suggests names and aliases, never a shorthand', () => {
		expect(parseLine('/quitt')).toMatchObject({message: expect.stringContaining('Did you mean /quit?')});
		expect(parseLine('/x')).toMatchObject({kind: 'invalid', message: expect.not.stringContaining('Did you mean')});
	});

	it('the footer points at /help while typing', () => {
		expect(footerHints({mode: 'typing', exitArmed: false, overlay: false}).at(-1)).toEqual({keys: '/help', action: 'commands'});
		expect(footerHints({mode: 'streaming', exitArmed: false, overlay: false}).map(hint => hint.keys)).not.toContain('/help');
	});
});
