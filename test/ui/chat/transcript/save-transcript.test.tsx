/**
 * /save in the pane: the file is written through core (never replaced, never
 * half-written), a failure is said in core's words naming the file and the way
 * forward (never the system's raw text), and the markdown comes from the one
 * exporter, with anything key-shaped masked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {fillDisk, tmpfsMounts} from '../../../support/full-disk.js';
import {startChat, type ChatHarness} from '../pane/chat-harness.js';

let dir: string;
let chat: ChatHarness | undefined;
const disks = tmpfsMounts();
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-save-'));
});
afterEach(async () => {
	await chat?.close();
	chat = undefined;
	disks.unmountAll();
	fs.rmSync(dir, {recursive: true, force: true});
});

/** The frame as one line: notices wrap at the pane's width. */
const flat = (harness: ChatHarness) => harness.frame().replaceAll(/\s+/g, ' ');

async function chatted(text = 'hello') {
	const harness = await startChat({cwd: dir});
	await harness.submit(text);
	await harness.waitFor(frame => frame.includes(`Echo: ${text.slice(0, 10)}`) && frame.includes('tokens in'));
	return harness;
}

describe('/save', () => {
	it('onto a file that exists: says so, naming it, and how to save elsewhere; the file keeps its bytes', async () => {
		const notes = path.join(dir, 'notes.md');
		fs.writeFileSync(notes, 'my own notes\n');
		chat = await chatted();
		await chat.submit('/save notes.md');
		await chat.waitFor(() => flat(chat!).includes(`${notes} already exists.`));
		expect(flat(chat)).toContain('Move it aside, or save it under another name: /save <other file>.');
		expect(flat(chat)).not.toContain('EEXIST');
		expect(fs.readFileSync(notes, 'utf8')).toBe('my own notes\n');
	});

	it('into a folder that does not exist: names the folder and how to make it, in words, not the system error', async () => {
		chat = await chatted();
		await chat.submit('/save missing/chat.md');
		const folder = path.join(dir, 'missing');
		await chat.waitFor(() => flat(chat!).includes(`The folder ${folder} does not exist.`));
		expect(flat(chat)).toContain(`Create it (mkdir -p ${folder})`);
		expect(flat(chat)).not.toMatch(/ENOENT: no such file|Saved \d exchange/);
		expect(fs.existsSync(folder)).toBe(false);
	});

	it.runIf(process.getuid?.() === 0)('onto a full disk: the disk is full, nothing half-written is left', async () => {
		const disk = path.join(dir, 'disk');
		disks.mount(disk, '64k');
		fillDisk(disk);
		chat = await chatted('x'.repeat(2000));
		await chat.submit('/save disk/chat.md');
		await chat.waitFor(() => flat(chat!).includes('The disk is full.'));
		expect(flat(chat)).toContain('Nothing was written.');
		expect(flat(chat)).not.toMatch(/no space left on device, write|Saved \d exchange/);
		expect(fs.readdirSync(disk)).toEqual(['filler']);
	});

	it('masks key-shaped strings typed into a prompt (any case, short ones too), not only the key in use', async () => {
		// The exporter's pattern is the one errors and the session store use (core/redact-secrets.ts).
		chat = await chatted('is SK-ABCDEF0123456789XYZ or sk-a1b2c3 a key?');
		await chat.submit('/save chat.md');
		await chat.waitFor(frame => frame.includes('Saved 1 exchange'));
		const saved = fs.readFileSync(path.join(dir, 'chat.md'), 'utf8');
		expect(saved).toContain('## You\n\nis sk-… or sk-… a key?');
		expect(saved).not.toMatch(/ABCDEF0123456789XYZ|a1b2c3/);
		expect(fs.statSync(path.join(dir, 'chat.md')).mode & 0o777).toBe(0o600);
	});
});
