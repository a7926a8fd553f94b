import {keyVariableWins, loginCommand, NOTHING_WRITTEN} from '../../core/messages.js';
import type {SaveResult} from '../../core/setup.js';
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
		// A failed save took itself back, unless its message says part of it is still on disk (state-change.ts).
		const written = outcome.partlyWritten ? '' : '; nothing was written';
		return `${programName()}: setup failed${written}. ${outcome.message} Run \`${loginCommand()}\` to try again.`;
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
	const keyFile = tildify(save.authProfilesPath, details.home);
	const configFile = tildify(save.configPath, details.home);
	const backup = save.backupPath ? ` The previous config was kept as ${tildify(save.backupPath, details.home)}.` : '';
	const replaced = save.replacedDefault ? ` It replaces ${save.replacedDefault}, another provider's model.` : '';
	const overridden = save.overriddenBy ? ` ${keyVariableWins(save.overriddenBy)}` : '';
	return `${programName()}: ${savedSentence(save, {key, keyFile, configFile, modelId})}${replaced}${backup}${overridden} ${next}`;
}

/** What the save did, naming only the files it wrote. */
function savedSentence(save: SaveResult, words: {key: string; keyFile: string; configFile: string; modelId: string}): string {
	const {key, keyFile, configFile, modelId} = words;
	const savedKey = `the API key${key} for ${save.region.label}`;
	if (save.keyWritten && save.configWritten) {
		return `Qwen is set up. Saved ${savedKey} to ${keyFile} and made ${modelId} the default model in ${configFile}.`;
	}
	if (save.keyWritten) return `Qwen is set up. Saved ${savedKey} to ${keyFile}; ${configFile} already has ${modelId} as the default model.`;
	if (save.configWritten) return `Qwen is set up. Made ${modelId} the default model in ${configFile}; ${savedKey} was already saved in ${keyFile}.`;
	return `${NOTHING_WRITTEN} The API key${key} for ${save.region.label} is in ${keyFile}, and ${modelId} is the default model in ${configFile}.`;
}
