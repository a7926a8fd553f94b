import {findModel} from '../../../core/models.js';

/** The thinking setting a request carries: only for a model that thinks (or one the registry does not know). */
export function thinkingOption(model: string, thinking: boolean | undefined): {enableThinking?: boolean} {
	const info = findModel(model);
	return thinking !== undefined && (!info || info.thinking) ? {enableThinking: thinking} : {};
}
