/**
 * Which parts of a screen to draw in the rows it has. Each block says how many
 * rows it takes and how much it matters; blocks are kept from the most
 * important down while they fit, and drawn in their own order. A screen that
 * lists its essentials first can never lose them to a note or a description.
 */
export type Block = {
	readonly rows: number;
	/** Higher is kept first; equal priorities go in the order given. */
	readonly priority: number;
};

export function fitBlocks(available: number, blocks: readonly Block[]): boolean[] {
	const order = blocks.map((block, index) => ({block, index})).sort((a, b) => b.block.priority - a.block.priority || a.index - b.index);
	const shown = blocks.map(() => false);
	let left = available;
	for (const {block, index} of order) {
		if (block.rows <= left) {
			shown[index] = true;
			left -= block.rows;
		}
	}

	return shown;
}
