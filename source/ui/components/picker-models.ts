import type {AuthProfileType} from '../../core/auth-profiles.js';
import {modelsFor, type ModelInfo} from '../../core/models.js';

/**
 * The rows ModelPicker offers for the credential in use: a Qwen OAuth sign-in
 * reaches only the portal's two models; an API key (or none yet) the DashScope registry.
 */
export function pickerModelsFor(profileType: AuthProfileType | undefined): ModelInfo[] {
	return modelsFor(profileType === 'oauth' ? 'portal' : 'dashscope');
}
