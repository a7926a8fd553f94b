import {chmod, mkdir, mkdtemp, rm, symlink, truncate, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {detectImageType, loadImageAttachment, MAX_DATA_URL_BYTES} from '../../source/core/images.js';

// Real magic bytes, padded with a little payload.
const PNG = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	Buffer.from('\u0000\u0000\u0000\rIHDR\u0000\u0000\u0000\u0010\u0000\u0000\u0000\u0010', 'latin1'),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\u0000payload', 'latin1')]);
const GIF = Buffer.from('GIF89a\u0010\u0000\u0010\u0000\u0080\u0000\u0000', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 payload')]);
const BMP = Buffer.concat([
	Buffer.from('BM'),
	Buffer.from([0x46, 0, 0, 0]), // file size
	Buffer.from([0, 0, 0, 0]), // reserved
	Buffer.from([0x36, 0, 0, 0]), // pixel offset
	Buffer.alloc(40, 1),
]);

let dir: string;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'openclaw-images-'));
});

afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

async function file(name: string, content: Buffer | string): Promise<string> {
	const path = join(dir, name);
	await writeFile(path, content);
	return path;
}

async function failure(path: string): Promise<string> {
	const result = await loadImageAttachment(path);
	if (result.ok) throw new Error(`expected a failure for ${path}`);
	return result.message;
}

describe('loadImageAttachment: supported images by magic bytes', () => {
	it.each([
		['png', PNG, 'image/png'],
		['jpeg', JPEG, 'image/jpeg'],
		['gif', GIF, 'image/gif'],
		['webp', WEBP, 'image/webp'],
		['bmp', BMP, 'image/bmp'],
	])('%s becomes a %s data URL with the exact bytes', async (name, bytes, mime) => {
		const path = await file(`picture.${name}`, bytes);
		const result = await loadImageAttachment(path);
		if (!result.ok) throw new Error(result.message);
		expect(result.image).toEqual({
			path,
			mime,
			bytes: bytes.length,
			dataUrl: `data:${mime};base64,${bytes.toString('base64')}`,
		});
	});

	it('trusts the bytes, not the extension', async () => {
		const pngNamedJpg = await file('really-a-png.jpg', PNG);
		const noExtension = await file('screenshot', JPEG);
		const first = await loadImageAttachment(pngNamedJpg);
		const second = await loadImageAttachment(noExtension);
		expect(first.ok && first.image.mime).toBe('image/png');
		expect(second.ok && second.image.mime).toBe('image/jpeg');
	});

	it('follows a symlink to an image', async () => {
		const target = await file('target.png', PNG);
		const link = join(dir, 'link.png');
		await symlink(target, link);
		const result = await loadImageAttachment(link);
		expect(result.ok && result.image.mime).toBe('image/png');
	});
});

describe('loadImageAttachment: one specific message per failure, naming the file', () => {
	it('a missing file', async () => {
		const path = join(dir, 'nope.png');
		const message = await failure(path);
		expect(message).toContain(path);
		expect(message).toMatch(/No file at/);
	});

	it('a path through a file as if it were a directory', async () => {
		const parent = await file('plain.txt', 'hello');
		const message = await failure(join(parent, 'child.png'));
		expect(message).toMatch(/No file at/);
	});

	it('a directory', async () => {
		const path = join(dir, 'photos');
		await mkdir(path);
		const message = await failure(path);
		expect(message).toContain(path);
		expect(message).toMatch(/is a directory/);
	});

	it('an empty file', async () => {
		const path = await file('empty.png', Buffer.alloc(0));
		const message = await failure(path);
		expect(message).toContain(path);
		expect(message).toMatch(/empty \(0 bytes\)/);
	});

	it.each([
		['a PDF', 'doc.png', Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'), 'a PDF document'],
		['a text file', 'notes.png', Buffer.from('just some text, not a picture\n'), 'a text file'],
		['an SVG', 'logo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'an SVG or XML file'],
		['a ZIP', 'archive.png', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]), 'a ZIP archive'],
		['a gzip', 'x.gz.png', Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]), 'a gzip archive'],
		['a TIFF', 'scan.png', Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'a TIFF image'],
		['a HEIC photo', 'IMG_0001.jpg', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\u0000\u0000\u0000\u0000mif1heic')]), 'a HEIC/HEIF photo'],
		['text starting with BM', 'bm.bmp', Buffer.from('BMW owners manual, chapter one\n'), 'a text file'],
		['RIFF that is not WEBP', 'sound.webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WAVEfmt ')]), undefined],
	])('not an image: %s', async (_name, fileName, content, looksLike) => {
		const path = await file(fileName, content);
		const message = await failure(path);
		expect(message).toContain(path);
		expect(message).toMatch(/is not a PNG, JPEG, WEBP, GIF or BMP image/);
		if (looksLike) expect(message).toContain(`looks like ${looksLike}`);
	});

	// The limit is on the base64 data URL: 'data:image/png;base64,' (22 chars) + 4 * ceil(n / 3).
	it('accepts a PNG whose data URL is just under 10 MiB', async () => {
		const size = 7_864_302;
		const path = await file('big-ok.png', PNG);
		await truncate(path, size);
		const result = await loadImageAttachment(path);
		if (!result.ok) throw new Error(result.message);
		expect(result.image.bytes).toBe(size);
		expect(result.image.dataUrl.length).toBeLessThanOrEqual(MAX_DATA_URL_BYTES);
		expect(result.image.dataUrl.length).toBe(MAX_DATA_URL_BYTES - 2);
	});

	it('refuses a PNG one byte larger, whose data URL goes over 10 MiB', async () => {
		const path = await file('big.png', PNG);
		await truncate(path, 7_864_303);
		const message = await failure(path);
		expect(message).toContain(path);
		expect(message).toMatch(/too large.*10 MiB limit/);
		expect(message).toMatch(/7\.5 MiB/);
	});

	it('refuses a large file that is not an image as not an image, not as too large', async () => {
		const path = await file('huge.bin', Buffer.from('plain text header'));
		await truncate(path, 12 * 1024 * 1024);
		expect(await failure(path)).toMatch(/is not a PNG/);
	});

	// Root ignores file permissions, so EACCES cannot happen when tests run as root.
	it.skipIf(process.getuid?.() === 0)('an unreadable file (chmod 000)', async () => {
		const path = await file('locked.png', PNG);
		await chmod(path, 0o000);
		try {
			const message = await failure(path);
			expect(message).toContain(path);
			expect(message).toMatch(/permission denied/);
		} finally {
			await chmod(path, 0o600);
		}
	});
});

describe('detectImageType', () => {
	it.each([
		[PNG.subarray(0, 8), 'image/png'],
		[PNG.subarray(0, 7), undefined],
		[JPEG.subarray(0, 3), 'image/jpeg'],
		[Buffer.from('GIF87a'), 'image/gif'],
		[Buffer.from('GIF90a'), undefined],
		[WEBP, 'image/webp'],
		[BMP, 'image/bmp'],
		[Buffer.from('BM'), undefined],
		[Buffer.alloc(0), undefined],
	])('%#: %s', (bytes, mime) => {
		expect(detectImageType(bytes)).toBe(mime);
	});
});
