/** The pane's keys, named once for the footer and /help. */
export type PaneKey = {readonly keys: string; readonly action: string};

export const PANE_KEYS: readonly PaneKey[] = [
	{keys: 'Enter', action: 'send'},
	{keys: 'Ctrl+J / Alt+Enter', action: 'new line'},
	{keys: '↑ ↓', action: 'earlier prompts'},
	{keys: 'Esc', action: 'stop the answer'},
	{keys: 'Ctrl+C', action: 'stop the answer, or clear the prompt; twice within a second to exit'},
	{keys: 'Ctrl+O', action: 'show or hide thinking'},
];
