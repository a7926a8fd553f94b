/**
 * A line of parts that must fit a width: each part has forms from the
 * longest to the shortest ('' drops it), and the lowest rank gives way first,
 * one step at a time, so what matters most keeps its full form longest.
 */
import stringWidth from 'string-width';

export type LinePart = {
	/** Longest first; end with '' for a part that may be left out. */
	readonly forms: readonly string[];
	/** Higher ranks keep their long forms longer. */
	readonly rank: number;
};

/** The chosen form of each part ('' where it was left out), in the parts' order. */
export function fitParts(parts: readonly LinePart[], width: number, separator = ' · '): string[] {
	const chosen = parts.map(() => 0);
	const texts = () => parts.map((part, index) => part.forms[chosen[index]!] ?? '');
	const lineWidth = () => stringWidth(joinParts(texts(), separator));
	while (lineWidth() > width) {
		let give: number | undefined;
		for (const [index, part] of parts.entries()) {
			if (chosen[index]! >= part.forms.length - 1) continue;
			if (give === undefined || part.rank < parts[give]!.rank) give = index;
		}

		// Nothing left to shorten: the caller cuts the line.
		if (give === undefined) break;
		chosen[give]!++;
	}

	return texts();
}

/** The parts that are not left out, joined. */
export function joinParts(texts: readonly string[], separator = ' · '): string {
	return texts.filter(text => text !== '').join(separator);
}
