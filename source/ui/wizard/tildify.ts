import path from 'node:path';

/** '/home/ana/.openclaw/openclaw.json' → '~/.openclaw/openclaw.json' when under `home`. */
export function tildify(filePath: string, home?: string): string {
	if (!home) return filePath;
	const relative = path.relative(home, filePath);
	if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return filePath;
	return `~${path.sep}${relative}`;
}
