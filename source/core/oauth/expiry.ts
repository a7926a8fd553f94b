/** How `models status` (and the login screen) describe when an OAuth token runs out. */

/** "2026-05-01 12:00 UTC": when a token runs out, to the minute. */
export function formatExpiryTime(expires: number): string {
	return new Date(expires).toISOString().replace('T', ' ').replace(/:\d\d\.\d{3}Z$/, ' UTC');
}

export function formatOAuthExpiry(expires: number, now: number = Date.now()): string {
	const at = formatExpiryTime(expires);
	const left = expires - now;
	if (left <= 0) return `expired ${formatDuration(-left)} ago (${at}); renewed automatically on next use`;
	return `expires in ${formatDuration(left)} (${at}); renewed automatically`;
}

/** "9:05" style countdown for the login screen. */
export function formatCountdown(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const minutes = Math.floor(total / 60);
	const seconds = total % 60;
	return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export function formatDuration(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes < 1) return 'less than a minute';
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours} h ${minutes % 60} min`;
	return `${Math.floor(hours / 24)} days`;
}
