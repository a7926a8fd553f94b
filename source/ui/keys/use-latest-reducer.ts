import {useCallback, useRef, useState} from 'react';

/**
 * A reducer whose state a key handler can read at once. Several keys can
 * arrive before React renders again; each must see what the key before it
 * did, not the state of the last render. `dispatch` applies the action to the
 * latest state right away and `latest()` returns it; the returned state is
 * what was last rendered, for drawing.
 */
export function useLatestReducer<State, Action>(
	reducer: (state: State, action: Action) => State,
	initial: () => State,
): [state: State, dispatch: (action: Action) => void, latest: () => State] {
	const [state, setState] = useState(initial);
	const current = useRef(state);
	const dispatch = useCallback(
		(action: Action) => {
			const next = reducer(current.current, action);
			if (next === current.current) return;
			current.current = next;
			setState(next);
		},
		[reducer],
	);
	const latest = useCallback(() => current.current, []);
	return [state, dispatch, latest];
}
