/**
 * /model with an id outside the registry: the region's own model list says
 * whether it exists, as `openclaw models set` checks before it saves. A typo
 * is refused with the closest listed ids; when the list cannot be had, the
 * switch goes ahead with a note that it was not checked.
 */
import type {DashScopeClient} from '../../../core/dashscope-client.js';
import {closestIds} from '../../../core/resolve-model.js';

export type CatalogueVerdict =
	| {readonly kind: 'listed'}
	| {readonly kind: 'not-listed'; readonly closest: readonly string[]}
	| {readonly kind: 'unchecked'; readonly reason: string};

/** How long /model waits for the list before switching unchecked. */
export const CATALOGUE_CHECK_MS = 5000;

const MAX_CLOSEST = 3;

export async function checkCatalogue(
	client: Pick<DashScopeClient, 'listModels'>,
	id: string,
	timeoutMs = CATALOGUE_CHECK_MS,
): Promise<CatalogueVerdict> {
	const signal = AbortSignal.timeout(timeoutMs);
	try {
		return catalogueVerdict(id, await client.listModels({signal}));
	} catch (error) {
		return {kind: 'unchecked', reason: signal.aborted ? `no answer within ${timeoutMs / 1000} s` : reasonOf(error)};
	}
}

export function catalogueVerdict(id: string, listed: readonly string[]): CatalogueVerdict {
	if (listed.includes(id)) return {kind: 'listed'};
	return {kind: 'not-listed', closest: closestIds(id, [...listed], MAX_CLOSEST, true)};
}

/** What the pane says about the verdict on `id` from `endpointLabel`. */
export function catalogueMessage(id: string, verdict: CatalogueVerdict, endpointLabel: string): string {
	switch (verdict.kind) {
		case 'listed':
			return `${id} is not in openclaw's registry; ${endpointLabel} lists it.`;
		case 'not-listed': {
			const [first] = verdict.closest;
			const closest = first === undefined ? ' /model without a name shows the table.' : ` Closest: ${verdict.closest.join(', ')}. Try /model ${first}.`;
			return `${id} is not in the model list of ${endpointLabel}; the model stays as it was.${closest}`;
		}

		case 'unchecked':
			return `Could not check ${id} against the model list of ${endpointLabel} (${verdict.reason}); it is sent as is.`;
	}
}

/** The classified title the client gives its errors, or the error's own message. */
function reasonOf(error: unknown): string {
	const title = (error as {classified?: {title?: string}}).classified?.title;
	return title ?? (error instanceof Error ? error.message : String(error));
}
