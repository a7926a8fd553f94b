/**
 * Text from the model or the service, made safe to write out: escape
 * sequences (colours, cursor moves, screen clears, window titles, OSC 52
 * clipboard writes) and every other control character are removed; tabs and
 * newlines stay. Stateful, because a stream can split one sequence across two
 * deltas and each half alone looks harmless.
 */

const ESC = 0x1b;
const BEL = 0x07;
/** C1 string terminator, and the 8-bit introducers of CSI and of the string sequences (DCS, SOS, OSC, PM, APC). */
const C1_ST = 0x9c;
const C1_CSI = 0x9b;
const C1_STRING_STARTS = new Set([0x90, 0x98, 0x9d, 0x9e, 0x9f]);

/**
 * An OSC or DCS body that never ends would swallow the rest of the answer;
 * past this many characters it is given up on and text shows again (without
 * its introducer, so it drives nothing).
 */
const MAX_STRING_SEQUENCE = 8192;

type State = 'text' | 'escape' | 'escape-intermediate' | 'csi' | 'string' | 'string-escape';

// Anything a terminal could act on: C0 controls but tab and newline, DEL, C1 controls.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export class ControlFilter {
	private state: State = 'text';
	private stringLength = 0;

	/** The printable part of `text`, given everything pushed before it. */
	push(text: string): string {
		// The common case: no control characters and no sequence left open.
		if (this.state === 'text' && !UNSAFE.test(text)) return text;
		let kept = '';
		let runStart = -1;
		for (let index = 0; index < text.length; index++) {
			const code = text.charCodeAt(index);
			if (this.state === 'text' && isPrintable(code)) {
				if (runStart < 0) runStart = index;
				continue;
			}
			if (runStart >= 0) {
				kept += text.slice(runStart, index);
				runStart = -1;
			}
			this.step(code);
		}
		if (runStart >= 0) kept += text.slice(runStart);
		return kept;
	}

	/** Advances the state machine over one character that is not kept. */
	private step(code: number): void {
		switch (this.state) {
			case 'text': {
				if (code === ESC) this.state = 'escape';
				else if (code === C1_CSI) this.state = 'csi';
				else if (C1_STRING_STARTS.has(code)) this.enterString();
				// Any other control character is simply dropped.
				return;
			}
			case 'escape': {
				if (code === 0x5b /* [ */) this.state = 'csi';
				else if (code === 0x5d /* ] */ || code === 0x50 /* P */ || code === 0x5f /* _ */ || code === 0x5e /* ^ */ || code === 0x58 /* X */) {
					this.enterString();
				} else if (code >= 0x20 && code <= 0x2f) this.state = 'escape-intermediate';
				else if (code === ESC) this.state = 'escape';
				else this.state = 'text';
				return;
			}
			case 'escape-intermediate': {
				if (code < 0x20 || code > 0x2f) this.state = 'text';
				return;
			}
			case 'csi': {
				// Parameters and intermediates continue it; a final byte (or anything unexpected) ends it.
				if (code >= 0x20 && code <= 0x3f) return;
				this.state = code === ESC ? 'escape' : 'text';
				return;
			}
			case 'string': {
				if (code === BEL || code === C1_ST) this.state = 'text';
				else if (code === ESC) this.state = 'string-escape';
				else if (++this.stringLength > MAX_STRING_SEQUENCE) this.state = 'text';
				return;
			}
			case 'string-escape': {
				// ESC \ is the terminator; ESC and anything else aborts the string and starts a new sequence.
				if (code === 0x5c /* \ */) this.state = 'text';
				else {
					this.state = 'escape';
					this.step(code);
				}
				return;
			}
		}
	}

	private enterString(): void {
		this.state = 'string';
		this.stringLength = 0;
	}
}

function isPrintable(code: number): boolean {
	return code === 0x09 || code === 0x0a || (code >= 0x20 && code < 0x7f) || code > 0x9f;
}

/** `text` without escape sequences or control characters (tabs and newlines kept). */
export function plainText(text: string): string {
	return new ControlFilter().push(text);
}
