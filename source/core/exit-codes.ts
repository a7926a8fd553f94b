/** Exit codes with a meaning shells agree on. */
import {constants as osConstants} from 'node:os';

/** The code a shell reports for a program a signal ended: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function exitCodeForSignal(signal: NodeJS.Signals): number {
	return 128 + (osConstants.signals[signal] ?? 0);
}
