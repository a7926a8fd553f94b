const pad = (value: number) => String(value).padStart(2, '0');

/** A session's time as lists show it: local date and minute, sortable by eye ('2026-11-26 14:03'). */
export function formatSessionTime(ms: number): string {
	const date = new Date(ms);
	return `${formatDay(ms)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The local day of a moment: '2026-11-26'. */
export function formatDay(ms: number): string {
	const date = new Date(ms);
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The start (local midnight, in ms) of the day a `--since` value names: a
 * date '2026-10-01', or a number of days back with today counted, '7d'.
 * Undefined when it names none.
 */
export function sinceDay(value: string, now: number): number | undefined {
	const text = value.trim();
	const days = /^(\d{1,5})d$/i.exec(text);
	if (days) {
		const count = Number(days[1]);
		if (count < 1) return undefined;
		const today = new Date(now);
		return new Date(today.getFullYear(), today.getMonth(), today.getDate() - (count - 1)).getTime();
	}

	const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!date) return undefined;
	const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
	const start = new Date(year, month - 1, day);
	// 2026-02-31 is no day: Date would roll it over into March.
	return start.getFullYear() === year && start.getMonth() === month - 1 && start.getDate() === day ? start.getTime() : undefined;
}

export function turnsLabel(turns: number): string {
	return `${turns} turn${turns === 1 ? '' : 's'}`;
}
