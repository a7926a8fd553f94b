/** A session's time as lists show it: local date and minute, sortable by eye ('2026-11-26 14:03'). */
export function formatSessionTime(ms: number): string {
	const date = new Date(ms);
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function turnsLabel(turns: number): string {
	return `${turns} turn${turns === 1 ? '' : 's'}`;
}
