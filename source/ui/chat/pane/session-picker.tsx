import {useMemo} from 'react';
import {Box, Text} from 'ink';
import {isAppError} from '../../../core/app-error.js';
import {formatSessionTime, turnsLabel} from '../../../core/sessions/session-dates.js';
import type {SessionSummary} from '../../../core/sessions/session-types.js';
import {fitCells} from '../../../core/text/fit-cells.js';
import {useTheme} from '../../components/theme.js';
import {useKeys} from '../../components/use-keys.js';
import {eachKey} from '../../keys/each-key.js';
import {useLatestReducer} from '../../keys/use-latest-reducer.js';
import {sessionChoice, sessionPickerReducer, type SessionPickerState} from './session-picker-state.js';

export type SessionPickerProps = {
	readonly initialQuery: string;
	/** Sessions holding `query` in their title, prompts or answers, newest first; may throw the store's AppError. */
	readonly findSessions: (query: string) => readonly SessionSummary[];
	readonly width: number;
	/** Rows the picker may use. */
	readonly height: number;
	readonly onPick: (sessionId: string) => void;
	readonly onCancel: () => void;
};

/** Rows above and below the list: the title, the search line, the key hints. */
const CHROME_ROWS = 3;

/** Saved conversations, newest first: title, model, when, how many turns. Typing searches them. */
export function SessionPicker({initialQuery, findSessions, width, height, onPick, onCancel}: SessionPickerProps) {
	const theme = useTheme();
	const [state, dispatch, latest] = useLatestReducer(
		(current: SessionPickerState, action: {press: Parameters<typeof sessionPickerReducer>[1]; rows: number}) => sessionPickerReducer(current, action.press, action.rows),
		() => ({query: initialQuery, index: 0}),
	);
	const found = useMemo(() => find(findSessions, state.query), [findSessions, state.query]);
	const sessions = found.sessions;

	useKeys((input, key) => {
		for (const press of eachKey(input, key, {text: 'characters'})) {
			const before = latest();
			const rows = find(findSessions, before.query).sessions;
			const choice = sessionChoice(before, press, rows.length);
			dispatch({press, rows: rows.length});
			if (choice?.type === 'cancel') onCancel();
			else if (choice?.type === 'pick') onPick(rows[choice.index]!.id);
		}
	});

	const listRows = Math.max(1, height - CHROME_ROWS);
	const index = Math.min(state.index, Math.max(0, sessions.length - 1));
	const first = Math.max(0, Math.min(index - listRows + 1, sessions.length - listRows));
	const visible = sessions.slice(Math.max(0, first), Math.max(0, first) + listRows);
	const columns = rowColumns(width);

	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text bold wrap="truncate-end">
				Resume a conversation <Text color={theme.muted}>· newest first</Text>
			</Text>
			<Text wrap="truncate-end">
				<Text color={theme.muted}>Search: </Text>
				{state.query === '' ? <Text color={theme.muted}>type to search titles, prompts and answers</Text> : <Text bold>{state.query}</Text>}
				{found.problem ? <Text color={theme.warning}> · {found.problem}</Text> : undefined}
				{!found.problem && sessions.length === 0 ? (
					<Text color={theme.warning}>{state.query === '' ? ' · no saved conversations yet' : ' · no conversation matches'}</Text>
				) : undefined}
			</Text>
			{visible.map((session, row) => (
				<Text key={session.id} wrap="truncate-end" {...(first + row === index ? {color: theme.accent, bold: true} : {})}>
					{first + row === index ? '❯ ' : '  '}
					{sessionRow(session, columns)}
				</Text>
			))}
			<Text color={theme.muted} wrap="truncate-end">
				↑↓ choose · Enter resume · Esc {state.query === '' ? 'back' : 'clear the search'}
			</Text>
		</Box>
	);
}

type Columns = {title: number; model: number; date: number; turns: number};

/** Title gets what the rest leaves; on narrow terminals the model, then the date, make way. */
function rowColumns(width: number): Columns {
	const usable = width - 3;
	const model = usable >= 70 ? 18 : 0;
	const date = usable >= 50 ? 17 : 0;
	const turns = 10;
	return {title: Math.max(8, usable - model - date - turns), model, date, turns};
}

function sessionRow(session: SessionSummary, columns: Columns): string {
	// One cell short of each column: the gap before the next.
	const cells = [`${fitCells(session.title, columns.title - 1)} `];
	if (columns.model > 0) cells.push(`${fitCells(session.model, columns.model - 1)} `);
	if (columns.date > 0) cells.push(`${fitCells(formatSessionTime(session.updatedAt), columns.date - 1)} `);
	cells.push(turnsLabel(session.turns));
	return cells.join('');
}

function find(findSessions: SessionPickerProps['findSessions'], query: string): {sessions: readonly SessionSummary[]; problem?: string} {
	try {
		return {sessions: findSessions(query)};
	} catch (error) {
		return {sessions: [], problem: isAppError(error) ? error.problem.title : 'the saved conversations could not be read'};
	}
}
