/**
 * Loads an image file for `chat --image` as a base64 data URL. The type comes
 * from the file's magic bytes, not its extension, and every way it can go
 * wrong gets its own message naming the file.
 */
import {open, stat} from 'node:fs/promises';

export type ImageAttachment = {path: string; mime: string; bytes: number; dataUrl: string};

export type ImageLoadResult = {ok: true; image: ImageAttachment} | {ok: false; message: string};

/** DashScope's limit on one base64 data URL (dashscope-wire.md, "Vision input"). */
export const MAX_DATA_URL_BYTES = 10 * 1024 * 1024;
/** About the largest image file under that limit: base64 turns every 3 bytes into 4. */
export const MAX_IMAGE_FILE_BYTES = Math.floor(MAX_DATA_URL_BYTES / 4) * 3;

const HEADER_BYTES = 64;
const FORMATS = 'PNG, JPEG, WEBP, GIF or BMP';

/** Every user-facing string of this module, each with the way forward. */
const MESSAGES = {
	missing: (path: string) => `No file at ${path}. Check the path (relative paths start at ${process.cwd()}).`,
	directory: (path: string) => `${path} is a directory. Give the path of an image file inside it.`,
	notFile: (path: string) => `${path} is not a regular file. Give the path of an image file.`,
	unreadable: (path: string) => `Cannot read ${path}: permission denied. Fix its permissions (chmod u+r) or copy it.`,
	failed: (path: string, code: string) => `Cannot read ${path} (${code}). Check the file and try again.`,
	empty: (path: string) => `${path} is empty (0 bytes). Attach a ${FORMATS} image.`,
	notImage: (path: string, looksLike?: string) =>
		`${path} is not a ${FORMATS} image${looksLike ? ` (it looks like ${looksLike})` : ''}. Convert or export it to PNG or JPEG.`,
	tooLarge: (path: string, fileBytes: number, urlBytes: number) =>
		`${path} is too large: ${formatMiB(fileBytes)} becomes a ${formatMiB(urlBytes)} base64 data URL, over DashScope's ${formatMiB(MAX_DATA_URL_BYTES)} limit. Resize or compress it below about ${formatMiB(MAX_IMAGE_FILE_BYTES)}.`,
};

export async function loadImageAttachment(path: string): Promise<ImageLoadResult> {
	let size: number;
	try {
		const stats = await stat(path);
		if (stats.isDirectory()) return fail(MESSAGES.directory(path));
		if (!stats.isFile()) return fail(MESSAGES.notFile(path));
		size = stats.size;
	} catch (error) {
		return fail(messageForError(path, error));
	}

	if (size === 0) return fail(MESSAGES.empty(path));

	let content: Buffer;
	try {
		const header = await readHeader(path);
		const detected = detectImageType(header);
		if (!detected) return fail(MESSAGES.notImage(path, describeContent(header)));

		// Refuse before reading a huge file into memory.
		const urlBytes = dataUrlLength(detected, size);
		if (urlBytes > MAX_DATA_URL_BYTES) return fail(MESSAGES.tooLarge(path, size, urlBytes));

		const file = await open(path, 'r');
		try {
			content = await file.readFile();
		} finally {
			await file.close();
		}

		// The file may have changed since stat(); check what was actually read.
		const finalUrlBytes = dataUrlLength(detected, content.length);
		if (content.length === 0) return fail(MESSAGES.empty(path));
		if (finalUrlBytes > MAX_DATA_URL_BYTES) return fail(MESSAGES.tooLarge(path, content.length, finalUrlBytes));

		return {
			ok: true,
			image: {
				path,
				mime: detected,
				bytes: content.length,
				dataUrl: `data:${detected};base64,${content.toString('base64')}`,
			},
		};
	} catch (error) {
		return fail(messageForError(path, error));
	}
}

/** The MIME type from magic bytes, or undefined when the bytes are not a supported image. */
export function detectImageType(header: Uint8Array): string | undefined {
	const ascii = (start: number, end: number) => String.fromCharCode(...header.subarray(start, end));
	if (startsWith(header, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(header, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
	// 'BM' alone is too weak (text can start with it): also want the zeroed reserved bytes.
	if (ascii(0, 2) === 'BM' && header.length >= 26 && header.subarray(6, 10).every(byte => byte === 0)) {
		return 'image/bmp';
	}

	return undefined;
}

function dataUrlLength(mime: string, bytes: number): number {
	return `data:${mime};base64,`.length + 4 * Math.ceil(bytes / 3);
}

async function readHeader(path: string): Promise<Uint8Array> {
	const file = await open(path, 'r');
	try {
		const buffer = new Uint8Array(HEADER_BYTES);
		const {bytesRead} = await file.read(buffer, 0, HEADER_BYTES, 0);
		return buffer.subarray(0, bytesRead);
	} finally {
		await file.close();
	}
}

function describeContent(header: Uint8Array): string | undefined {
	const ascii = String.fromCharCode(...header);
	if (ascii.startsWith('%PDF')) return 'a PDF document';
	if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'a TIFF image';
	if (ascii.slice(4, 8) === 'ftyp') {
		const brand = ascii.slice(8, 12);
		if (/^(heic|heix|hevc|mif1|msf1)$/.test(brand)) return 'a HEIC/HEIF photo';
		if (brand === 'avif') return 'an AVIF image';
		return 'a video or MP4-family file';
	}

	if (startsWith(header, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive or Office document';
	if (startsWith(header, [0x1f, 0x8b])) return 'a gzip archive';
	if (startsWith(header, [0x7f, 0x45, 0x4c, 0x46])) return 'an executable';
	if (/<svg|<\?xml/i.test(ascii)) return 'an SVG or XML file';
	// Mostly printable bytes: plain text (a path, a note, base64 already?).
	const printable = [...header].filter(byte => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127));
	if (printable.length === header.length) return 'a text file';
	return undefined;
}

function messageForError(path: string, error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
	if (code === 'ENOENT' || code === 'ENOTDIR') return MESSAGES.missing(path);
	if (code === 'EACCES' || code === 'EPERM') return MESSAGES.unreadable(path);
	if (code === 'EISDIR') return MESSAGES.directory(path);
	return MESSAGES.failed(path, code);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
	return magic.every((byte, index) => bytes[index] === byte);
}

/** Mebibytes to one decimal, without a trailing ".0": "7.5 MiB", "10 MiB". */
export function formatMiB(bytes: number): string {
	return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
}

function fail(message: string): ImageLoadResult {
	return {ok: false, message};
}
