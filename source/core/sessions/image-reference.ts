/** What the store keeps of an image: its path, size and checksum, never its bytes. */
import {createHash} from 'node:crypto';
import type {ImageAttachment} from '../images.js';
import type {ImageReference} from './session-types.js';

export function imageReference(image: ImageAttachment | ImageReference): ImageReference {
	if ('sha256' in image) return {path: image.path, mime: image.mime, bytes: image.bytes, sha256: image.sha256};
	const base64 = image.dataUrl.slice(image.dataUrl.indexOf(',') + 1);
	const sha256 = createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
	return {path: image.path, mime: image.mime, bytes: image.bytes, sha256};
}
