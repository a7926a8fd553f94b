import {afterEach, describe, expect, test, vi} from 'vitest';
import {SelectList} from '../../../source/ui/components/select-list.js';
import {KEYS, renderTerminal, type Terminal} from '../../support/ink-terminal.js';

const ITEMS = [
	{value: 'a', label: 'Alpha', description: 'The first'},
	{value: 'b', label: 'Beta', description: 'The second'},
	{value: 'c', label: 'Gamma', description: 'The third'},
	{value: 'd', label: 'Delta', description: 'The fourth'},
] as const;

let terminal: Terminal | undefined;
afterEach(() => {
	terminal?.unmount();
	terminal = undefined;
});

const highlighted = (frame: string) => frame.split('\n').find(line => line.includes('❯'))?.trim();

async function list(maxRows?: number) {
	const onSelect = vi.fn();
	terminal = await renderTerminal(<SelectList items={ITEMS} onSelect={onSelect} {...(maxRows === undefined ? {} : {maxRows})} />);
	return {t: terminal, onSelect};
}

describe('SelectList', () => {
	test('two Downs sent in one write move two rows', async () => {
		const {t} = await list();
		await t.press(`${KEYS.down}${KEYS.down}`);
		expect(highlighted(t.frame())).toBe('❯ Gamma');
	});

	test('"jjk" in one chunk moves down, down, up; Enter in the same chunk chooses where they left it', async () => {
		const {t, onSelect} = await list();
		await t.press('jjk\r');
		expect(onSelect).toHaveBeenCalledWith('b');
	});

	test('descriptions go first when the rows run short, then the labels scroll with the highlight in view', async () => {
		const full = await list(8);
		expect(full.t.frame()).toContain('The fourth');
		full.t.unmount();
		const short = await list(5);
		expect(short.t.frame()).not.toContain('The first');
		expect(short.t.frame()).toContain('Delta');
		short.t.unmount();
		const tiny = await list(2);
		expect(tiny.t.frame()).not.toContain('Gamma');
		await tiny.t.press(KEYS.down, KEYS.down, KEYS.down);
		expect(highlighted(tiny.t.frame())).toBe('❯ Delta');
		expect(tiny.t.frame()).not.toContain('Alpha');
		terminal = tiny.t;
	});
});
