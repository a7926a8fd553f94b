/** Text cut or padded to a number of terminal cells (CJK and emoji take two), for columns that line up. */
import stringWidth from 'string-width';

export function fitCells(text: string, width: number): string {
	if (width <= 0) return '';
	let kept = text;
	if (stringWidth(text) > width) {
		kept = '';
		for (const character of text) {
			if (stringWidth(kept + character) > width - 1) break;
			kept += character;
		}

		kept += '…';
	}

	return kept + ' '.repeat(Math.max(0, width - stringWidth(kept)));
}
