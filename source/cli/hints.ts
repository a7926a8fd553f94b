/** Hints several commands print the same way. */
import {ADVICE, command, loginCommand} from '../core/messages.js';
import {formatTable} from './text-table.js';

export function noCredentialLines(): string[] {
	return [
		'No DashScope API key is set up. Either:',
		...formatTable(
			[
				[loginCommand(), '(saves the key for next time)'],
				[ADVICE.exportKey(), `(this shell only; check with: ${command('restart')})`],
			],
			'  ',
		),
	];
}

/** After "<id> is not a model <endpoint> serves": the closest ids it does list, else where the registry's are. */
export function closestIdsLine(closest: readonly string[]): string {
	return closest.length > 0 ? `Closest ids there: ${closest.join(', ')}` : `See the registry with: ${command('models list')}`;
}
