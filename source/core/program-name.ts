/**
 * The name this program was started as: `openclaw`, or `openclaw-qwen` where
 * the real OpenClaw owns the first name. Every command line it suggests uses
 * it. Set once by the entry point, before anything else is loaded.
 */
let invokedAs = 'openclaw';

/** The name installed beside the real OpenClaw (package.json's second bin). */
export const NAME_BESIDE_OPENCLAW = 'openclaw-qwen';

export function setProgramName(name: string): void {
	invokedAs = name;
}

export function programName(): string {
	return invokedAs;
}

/** A command line to suggest, with the name this program was started as: command('models list'). */
export function command(args: string): string {
	return `${invokedAs} ${args}`;
}
