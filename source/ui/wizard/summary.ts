import {loginCommand} from '../../core/messages.js';
import {programName} from '../../core/program-name.js';
import type {WizardOutcome} from './outcome.js';
import {tildify} from './tildify.js';

/**
 * The paragraph left in the normal scrollback once the alternate screen is
 * gone. Plain text: it must read the same with and without colour.
 */
export function wizardSummary(outcome: WizardOutcome, details: {maskedKey?: string; home?: string; chatCommand: string}): string {
	if (outcome.kind === 'cancelled') {
		return `${programName()}: setup cancelled; nothing was written. Run \`${loginCommand()}\` to start again.`;
	}

	if (outcome.kind === 'failed') {
		// A save writes everything or nothing (core/openclaw/state-change.ts): a failed one took itself back.
		return `${programName()}: setup failed; nothing was written. ${outcome.message} Run \`${loginCommand()}\` to try again.`;
	}

	const next = outcome.startChat ? 'Opening the chat now.' : `Start chatting with \`${details.chatCommand}\`.`;
	if (outcome.kind === 'oauth-saved') {
		return (
			`${programName()}: signed in with Qwen OAuth. Saved the login to ${tildify(outcome.save.authProfilesPath, details.home)} ` +
			`and made ${outcome.modelId} the default model in ${tildify(outcome.save.configPath, details.home)}. ${next}`
		);
	}

	const {save, modelId} = outcome;
	const key = details.maskedKey ? ` (${details.maskedKey})` : '';
	const backup = save.backupPath ? ` The previous config was kept as ${tildify(save.backupPath, details.home)}.` : '';
	const replaced = save.replacedDefault ? ` It replaces ${save.replacedDefault}, another provider's model.` : '';
	return (
		`${programName()}: Qwen is set up. Saved the API key${key} for ${save.region.label} to ` +
		`${tildify(save.authProfilesPath, details.home)} and made ${modelId} the default model in ` +
		`${tildify(save.configPath, details.home)}.${replaced}${backup} ${next}`
	);
}
