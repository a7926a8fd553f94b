/**
 * The status line at the sizes a person uses: every figure on two rows at 80
 * columns, and at 40 the figures that matter most, never wrapping.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {StatusLine, type StatusLineProps} from '../../../../source/ui/chat/pane/status-line.js';
import {renderTerminal, type Terminal} from '../../../support/ink-terminal.js';

let terminal: Terminal | undefined;
afterEach(() => {
	terminal?.unmount();
	terminal = undefined;
});

const usage = {promptTokens: 860_000, completionTokens: 812, totalTokens: 860_812, cachedTokens: 533_200, reasoningTokens: 0};

function props(width: number, overrides: Partial<StatusLineProps> = {}): StatusLineProps {
	return {
		model: 'qwen3-coder-plus',
		endpointLabel: 'International (Singapore)',
		attachedImages: 0,
		context: {tokens: 861_000, window: 1_048_576},
		conversationUsage: {costs: {USD: 7.5}, unpriced: 0, requests: 12},
		lastAnswer: {request: {model: 'qwen3-coder-plus', region: 'intl', thinking: false, usage}, timeToFirstTokenMs: 420, tokensPerSecond: 45},
		width,
		now: () => 0,
		...overrides,
	};
}

async function rows(width: number, height: number, overrides: Partial<StatusLineProps> = {}): Promise<string[]> {
	terminal = await renderTerminal(<StatusLine {...props(width, overrides)} />, {columns: width, rows: height});
	return terminal.frame().split('\n').map(row => row.trimEnd()).filter(row => row !== '');
}

describe('the status line', () => {
	it('at 80 columns: the setting and the meter, then the last answer\'s tokens, cache, cost, tier and the session', async () => {
		const shown = await rows(80, 24);
		// 860,000 tokens is the top tier: (326,800 + 533,200 × 0.2) × $6 + 812 × $60 per 1M = $2.64936.
		// The speed and the first token's time give way first.
		expect(shown).toEqual([
			'qwen3-coder-plus · International (Singapore) · ctx 82% · 861k/1.05M',
			'tokens in 860000 · out 812 · cache 62% · $2.65 · input >256K · session $7.50',
		]);
	});

	it('at 40 columns keeps the meter, the cost and the session on two rows, dropping the rest first', async () => {
		const shown = await rows(40, 12);
		expect(shown).toHaveLength(2);
		for (const row of shown) expect(row.length).toBeLessThanOrEqual(40);
		expect(shown[0]).toBe('qwen3-coder-plus · ctx 82% · 861k/1.05M');
		expect(shown[1]).toContain('$2.65');
		expect(shown[1]).toContain('session $7.50');
	});

	it('says "no price" where none is known, and a window it does not know leaves the meter without a share', async () => {
		const request = {model: 'qwen-long-latest', region: 'intl' as const, thinking: false, usage: {promptTokens: 1200, completionTokens: 30, totalTokens: 1230}};
		const shown = await rows(80, 24, {model: 'qwen-long-latest', context: {tokens: 1230}, lastAnswer: {request}, conversationUsage: {costs: {}, unpriced: 1, requests: 1}});
		expect(shown.join('\n')).toContain('ctx 1.2k');
		expect(shown.join('\n')).toContain('tokens in 1200 · out 30 · no price');
		expect(shown.join('\n')).not.toMatch(/[$¥]/);
	});

	it('while an answer streams, keeps one row: the activity whole, the setting cut short', async () => {
		const live = {
			exchange: {text: 'q', images: [], model: 'qwen3-coder-plus', answer: 'abc', reasoning: '', outcome: 'done' as const},
			liveAnswer: 'abc',
			reasoningDone: false,
			startedAt: 0,
			firstTokenAt: 0,
			setting: {thinking: false},
			estimatedTokens: 40,
			splitCheckedAt: 0,
		};
		const shown = await rows(60, 12, {live});
		expect(shown).toHaveLength(1);
		expect(shown[0]!.length).toBeLessThanOrEqual(60);
		expect(shown[0]).toMatch(/^qwen3-coder-plus · ctx 82%.* │ streaming 0\.0 s · ~40 tokens$/);
	});
});
