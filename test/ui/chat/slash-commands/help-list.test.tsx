import {renderToString} from 'ink';
import {expect, it} from 'vitest';
import {TranscriptEntry} from '../../../../source/ui/chat/transcript/transcript-entry.js';

it('/help wraps a long description under itself, keeping the name column clear', () => {
	const text = renderToString(<TranscriptEntry entry={{id: 1, kind: 'help'}} width={60} />, {columns: 60});
	const rows = text.split('\n');
	const think = rows.findIndex(row => row.startsWith('/think'));
	expect(think).toBeGreaterThan(0);
	const column = rows[think]!.indexOf('ask');
	const next = rows.findIndex((row, index) => index > think && row.startsWith('/'));
	// The rows after /think continue its description, indented to the same column, up to the next command.
	expect(next).toBeGreaterThan(think + 1);
	for (const row of rows.slice(think + 1, next)) {
		expect(row.slice(0, column).trim()).toBe('');
		expect(row.slice(column).trim()).not.toBe('');
	}

	expect(rows[next]).toMatch(/^\/new/);
});

it('entries keep to the pane width inside <Static>, which gives its children no width', async () => {
	// ink-testing-library's terminal is 100 columns wide; the pane is 60.
	const {render} = await import('ink-testing-library');
	const {Static} = await import('ink');
	const entries = [
		{id: 1, kind: 'help' as const},
		{id: 2, kind: 'notice' as const, tone: 'info' as const, text: `Attached ${'/very/long/path/'.repeat(6)}cat.png; it goes with your next message.`},
	];
	const {lastFrame, unmount} = render(
		<Static items={entries}>{entry => <TranscriptEntry key={entry.id} entry={entry} width={60} />}</Static>,
	);
	const rows = (lastFrame() ?? '').split('\n');
	unmount();
	expect(rows.some(row => row.startsWith('/think'))).toBe(true);
	expect(rows.filter(row => row.length > 60)).toEqual([]);
});
