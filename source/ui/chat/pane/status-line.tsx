import {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {formatMeter, formatTokenCount, WARN_SHARE} from '../../../core/conversation/context-meter.js';
import {fitParts, joinParts, type LinePart} from '../../../core/text/fit-parts.js';
import {cacheShare, formatCost, formatTier, formatTotals} from '../../../core/usage/estimate-cost.js';
import {costOf, type UsageTotals} from '../../../core/usage/metered-request.js';
import {useTheme} from '../../components/theme.js';
import {compactionActivity, turnActivity} from '../stream/turn-activity.js';
import type {AnswerStats, Compacting, LiveTurn} from '../transcript/transcript-state.js';

export type StatusLineProps = {
	readonly model: string;
	/** The region, the OAuth portal, or a custom endpoint. */
	readonly endpointLabel: string;
	readonly thinking?: boolean;
	readonly attachedImages: number;
	/** The context window: what the next request would take (the message being typed included), and the model's window. */
	readonly context: {readonly tokens: number; readonly window?: number};
	readonly lastAnswer?: AnswerStats;
	/** Every request of the conversation so far. */
	readonly conversationUsage: UsageTotals;
	/** The answer on its way: the line counts its time and tokens. */
	readonly live?: LiveTurn;
	/** A compaction's summary on its way. */
	readonly compacting?: Compacting;
	/** Said instead of the last answer's figures (what Ctrl+O changed). */
	readonly note?: string;
	readonly width: number;
	readonly now: () => number;
};

/** How often the time on the status line moves while an answer is on its way. */
const TICK_MS = 100;
/** From this width the line stays one row while an answer streams: the setting gives way. */
const ONE_ROW_WIDTH = 60;
const SEPARATOR = ' · ';
const DIVIDER = ' │ ';

/**
 * Model, region and how full the context window is; then the answer on its
 * way, or the last answer's tokens, its estimated cost and the conversation's,
 * the cache share and speed. At most two rows: parts shorten and drop, the
 * least needed first, to fit the width.
 */
export function StatusLine(props: StatusLineProps) {
	const {live, compacting, width, now} = props;
	const theme = useTheme();
	useTicks(live !== undefined || compacting !== undefined);
	const setting = settingParts(props);
	const activity = live ? turnActivity(live, now()) : compacting ? compactionActivity(compacting, now()) : undefined;
	const figures: LinePart[] = activity === undefined ? figureParts(props) : [{forms: [activity], rank: 10}];
	const full = (parts: readonly LinePart[]) => joinParts(parts.map(part => part.forms[0] ?? ''));
	const figuresText = full(figures);
	const figuresWidth = stringWidth(figuresText);
	// Side by side when they fit; while an answer streams its figures keep the row and the setting gives way.
	const oneRow = stringWidth(full(setting)) + DIVIDER.length + figuresWidth <= width || (activity !== undefined && width >= ONE_ROW_WIDTH);
	const settingTexts = fitParts(setting, oneRow && figuresText !== '' ? Math.max(1, width - DIVIDER.length - figuresWidth) : width);
	const figureTexts = oneRow ? figures.map(part => part.forms[0] ?? '') : fitParts(figures, width);
	// The meter, last of the setting, turns to the warning colour as the window fills.
	const near = props.context.window !== undefined && props.context.tokens >= props.context.window * WARN_SHARE;
	const colors = setting.map((_part, index) => (index === setting.length - 1 && near ? theme.warning : theme.accent));
	const settingRow = <Text wrap="truncate-end">{interleave(settingTexts.map((text, index) => ({text, color: colors[index]})), theme.accent)}</Text>;
	const figuresLine = joinParts(figureTexts);

	return (
		<Box flexDirection={oneRow ? 'row' : 'column'}>
			{oneRow ? <Box flexShrink={1}>{settingRow}</Box> : settingRow}
			{figuresLine === '' ? undefined : (
				<Box flexShrink={0}>
					<Text wrap="truncate-end" color={theme.muted}>
						{oneRow ? DIVIDER : ''}
						{figuresLine}
					</Text>
				</Box>
			)}
		</Box>
	);
}

type Segment = {readonly text: string; readonly color: string | undefined};

/** The parts that are left, with the separator between them. */
function interleave(segments: readonly Segment[], separatorColor: string | undefined) {
	const shown = segments.filter(segment => segment.text !== '');
	return shown.map((segment, index) => (
		<Text key={index}>
			{index > 0 ? <Text color={separatorColor}>{SEPARATOR}</Text> : undefined}
			<Text color={segment.color}>{segment.text}</Text>
		</Text>
	));
}

/** Model · endpoint · thinking · images · ctx (always last): the model stays whole, the endpoint goes first. */
function settingParts({model, endpointLabel, thinking, attachedImages, context}: StatusLineProps): LinePart[] {
	const parts: LinePart[] = [
		{forms: [model], rank: 100},
		{forms: [endpointLabel, shortEndpoint(endpointLabel), ''], rank: 4},
	];
	if (thinking !== undefined) parts.push({forms: [`thinking ${thinking ? 'on' : 'off'}`, `think ${thinking ? 'on' : 'off'}`], rank: 6});
	if (attachedImages > 0) {
		const images = `${attachedImages} image${attachedImages === 1 ? '' : 's'}`;
		parts.push({forms: [`${images} attached`, images], rank: 5});
	}

	parts.push({forms: [formatMeter(context.tokens, context.window), formatMeter(context.tokens, context.window, true)], rank: 7});
	return parts;
}

/** "International (Singapore)" → "International"; "Qwen OAuth · portal.qwen.ai" → "Qwen OAuth". */
function shortEndpoint(label: string): string {
	return label.split(/ \(| · /)[0] ?? label;
}

/**
 * The last answer: tokens (reasoning counted apart), the cache share, its
 * estimated cost and input tier, the conversation's cost, then the speed.
 */
function figureParts({lastAnswer, conversationUsage, note}: StatusLineProps): LinePart[] {
	if (note !== undefined) return [{forms: [note], rank: 10}];
	if (!lastAnswer) return [];
	const {request, timeToFirstTokenMs, tokensPerSecond} = lastAnswer;
	const parts: LinePart[] = [];
	const {usage} = request;
	if (usage) {
		const reasoning = usage.reasoningTokens ? ` (${usage.reasoningTokens} reasoning)` : '';
		parts.push({
			forms: [
				`tokens in ${usage.promptTokens} · out ${usage.completionTokens}${reasoning}`,
				`in ${usage.promptTokens} · out ${usage.completionTokens}${reasoning}`,
				`in ${formatTokenCount(usage.promptTokens)} · out ${formatTokenCount(usage.completionTokens)}`,
				'',
			],
			rank: 8,
		});
		const share = cacheShare(usage);
		if (share !== undefined) parts.push({forms: [`cache ${Math.round(share * 100)}%`, ''], rank: 5});
		const cost = costOf(request);
		parts.push({forms: [cost ? formatCost(cost.amount, cost.currency) : 'no price'], rank: 10});
		const tier = cost ? formatTier(cost) : undefined;
		if (tier) parts.push({forms: [tier, ''], rank: 6});
		// The conversation's total, once there is more than this answer in it.
		const total = formatTotals(conversationUsage.costs);
		if (total && conversationUsage.requests > 1) parts.push({forms: [`session ${total}`, ''], rank: 9});
	}

	if (timeToFirstTokenMs !== undefined) parts.push({forms: [`first token ${(timeToFirstTokenMs / 1000).toFixed(2)} s`, ''], rank: 2});
	if (tokensPerSecond !== undefined) parts.push({forms: [`${Math.round(tokensPerSecond)} tok/s`, ''], rank: 3});
	return parts;
}

/** Draws again every TICK_MS while `active`, so the elapsed time moves between stream updates. */
function useTicks(active: boolean): void {
	const [, setTick] = useState(0);
	useEffect(() => {
		if (!active) return;
		const timer = setInterval(() => {
			setTick(tick => tick + 1);
		}, TICK_MS);
		return () => {
			clearInterval(timer);
		};
	}, [active]);
}
