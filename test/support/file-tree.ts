/**
 * Every file under a directory with its bytes and mode, so a test can say
 * "nothing changed" exactly, and find where a secret ended up.
 */
import fs from 'node:fs';
import path from 'node:path';

export type TreeEntry = {mode: string; content: string};

/** Lock files are the writers' business, not content; everything else counts. */
export function snapshotTree(root: string): Record<string, TreeEntry> {
	const entries: Record<string, TreeEntry> = {};
	const walk = (dir: string) => {
		for (const dirent of fs.readdirSync(dir, {withFileTypes: true})) {
			const full = path.join(dir, dirent.name);
			const relative = path.relative(root, full);
			if (dirent.isDirectory()) {
				walk(full);
			} else if (dirent.isSymbolicLink()) {
				entries[relative] = {mode: 'symlink', content: fs.readlinkSync(full)};
			} else if (dirent.isFile()) {
				const mode = (fs.statSync(full).mode & 0o777).toString(8);
				entries[relative] = {mode, content: fs.readFileSync(full).toString('base64')};
			}
		}
	};

	walk(root);
	return entries;
}

/** Relative paths of the files under `root` whose bytes contain `needle`. */
export function filesContaining(root: string, needle: string): string[] {
	const tree = snapshotTree(root);
	return Object.entries(tree)
		.filter(([, entry]) => entry.mode !== 'symlink' && Buffer.from(entry.content, 'base64').includes(needle))
		.map(([relative]) => relative)
		.sort();
}

/** Output a user should never see: stack frames, Node internals, unhandled rejections. */
export function expectNoCrash(text: string): string[] {
	const lines = text.split('\n');
	return lines.filter(line => /^\s+at .+[(:]\d+|node:internal|Unhandled|UnhandledPromiseRejection|TypeError:|ReferenceError:/.test(line));
}

