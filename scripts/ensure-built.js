// `npm start` right after `npm install`: build once if dist/ is missing or older than source/.
import {existsSync, statSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {execFileSync} from 'node:child_process';

const newest = dir =>
	readdirSync(dir, {withFileTypes: true}).reduce((max, entry) => {
		const path = join(dir, entry.name);
		return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
	}, 0);

const entry = 'dist/cli.js';
if (!existsSync(entry) || statSync(entry).mtimeMs < newest('source')) {
	process.stderr.write('Building openclaw (first run)…\n');
	execFileSync('npm', ['run', '--silent', 'build'], {stdio: 'inherit'});
}
