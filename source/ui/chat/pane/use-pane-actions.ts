import {useLayoutEffect, useState} from 'react';
import {createPaneActions, type PaneActions, type PaneContext} from './pane-actions.js';
import type {PaneState} from './pane-state.js';

/**
 * The pane's actions, one object for the pane's life, reading the context as
 * last committed. A layout effect runs as the commit happens, so no key press
 * comes between a commit and the context the actions see. The pane's own
 * state is read as it is now (`latestPane`), so a command and a message that
 * arrive together ("/model qwen\rhello\r") see each other.
 */
export function usePaneActions(context: PaneContext, latestPane: () => PaneState): PaneActions {
	const [committed] = useState(() => latestValue(context));
	useLayoutEffect(() => {
		committed.set(context);
	});
	const [actions] = useState(() => createPaneActions(() => ({...committed.get(), pane: latestPane()})));
	return actions;
}

/** A value read outside rendering (in key handlers, after an await), replaced on each commit. */
function latestValue<T>(initial: T): {readonly get: () => T; readonly set: (value: T) => void} {
	let value = initial;
	return {
		get: () => value,
		set(next) {
			value = next;
		},
	};
}
