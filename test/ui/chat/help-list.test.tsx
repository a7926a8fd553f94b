import React from 'react';
import {renderToString} from 'ink';
import {expect, it} from 'vitest';
import {TranscriptEntry} from '../../../source/ui/chat/transcript-entry.js';

it('/help wraps a long description under itself, keeping the name column clear', () => {
	const text = renderToString(<TranscriptEntry entry={{id: 1, kind: 'help'}} width={60} color={false} />, {columns: 60});
	const rows = text.split('\n');
	const think = rows.findIndex(row => row.startsWith('/think'));
	expect(think).toBeGreaterThan(0);
	const column = rows[think]!.indexOf('ask');
	// The row after /think continues its description, indented to the same column.
	expect(rows[think + 1]!.slice(0, column).trim()).toBe('');
	expect(rows[think + 1]!.slice(column).trim()).not.toBe('');
	expect(rows[think + 2]).toMatch(/^\/clear/);
});
