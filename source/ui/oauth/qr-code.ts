/**
 * The verification URL as a QR code drawn with text, by the `qrcode` library.
 * In colour, the 'terminal' renderer paints its own black-on-white, so it scans
 * on dark and light themes alike; under NO_COLOR, plain half blocks assume the
 * usual light-on-dark terminal.
 */
import QRCode from 'qrcode';

export type QrCode = {text: string; width: number; height: number};

export async function renderQrCode(url: string, options: {color: boolean}): Promise<QrCode> {
	const text = options.color
		? await QRCode.toString(url, {type: 'terminal', small: true, errorCorrectionLevel: 'L'})
		: await QRCode.toString(url, {
				type: 'utf8',
				margin: 2,
				errorCorrectionLevel: 'L',
				// Light modules as blocks: the terminal's dark background forms the dark ones.
				color: {dark: '#ffffff', light: '#000000'},
			});
	const lines = text.replace(/\n+$/, '').split('\n');
	return {
		text: lines.join('\n'),
		width: Math.max(...lines.map(line => stripAnsi(line).length)),
		height: lines.length,
	};
}

function stripAnsi(text: string): string {
	return text.replace(/\u001B\[[\d;]*m/g, '');
}
