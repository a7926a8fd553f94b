/**
 * /model with an id outside the registry: the endpoint's own model list says
 * whether it exists, as `openclaw models set` checks before it saves (the
 * verdict and its words are core/catalogue.ts's). A typo is refused with the
 * closest listed ids; when the list cannot be had, the switch goes ahead with
 * a note that it was not checked.
 */
import {catalogueVerdict, listedOutsideRegistry, type CatalogueVerdict} from '../../../core/catalogue.js';
import {CATALOGUE_TIMEOUT_MS} from '../../../core/request-timeout.js';
import type {DashScopeClient} from '../../../core/dashscope-client.js';

/**
 * Asks through the pane's own client (its key and endpoint). That client
 * retries and waits the chat's timeout on each try, which is far longer than
 * a switch the user is waiting on should take; so the list gets the same
 * wait as every other model-list check, and without an answer the switch
 * goes ahead unchecked.
 */
export async function checkCatalogue(client: Pick<DashScopeClient, 'listModels'>, id: string, timeoutMs = CATALOGUE_TIMEOUT_MS): Promise<CatalogueVerdict> {
	const signal = AbortSignal.timeout(timeoutMs);
	try {
		return catalogueVerdict(id, await client.listModels({signal}));
	} catch (error) {
		return {kind: 'unchecked', reason: signal.aborted ? `no answer within ${timeoutMs / 1000} s` : reasonOf(error)};
	}
}

/** What the pane says about the verdict on `id` from `endpointLabel`. */
export function catalogueMessage(id: string, verdict: CatalogueVerdict, endpointLabel: string): string {
	switch (verdict.kind) {
		case 'listed':
			return listedOutsideRegistry(id, endpointLabel);
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
