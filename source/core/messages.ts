/**
 * Every user-facing troubleshooting text, written once. The seed's four
 * troubleshooting issues and the service's other errors each get a title, a
 * message and one next step; errors.ts, the probe, the wizard and `doctor`
 * all take their words from here.
 */

import {PROVIDER_ID, VISION_MODEL_ID} from './models.js';
import type {Region} from './regions.js';
import {command} from './program-name.js';

export {command, programName, setProgramName} from './program-name.js';

export type Advice = {title: string; message: string; nextStep: string};


/** The command that saves a key (the wizard on a terminal); every hint names it through this. */
export function loginCommand(): string {
	return command(`models auth login --provider ${PROVIDER_ID}`);
}


/** The day Qwen ended the free OAuth tier (ADVICE.portalDiscontinued); every notice dates it from here. */
export const PORTAL_DISCONTINUED_ON = '2026-04-15';
/** The one sentence every screen and command uses to say so. */
export const PORTAL_DISCONTINUED = `Qwen discontinued the free OAuth tier on ${PORTAL_DISCONTINUED_ON}.`;


export const ADVICE = {
	/** Seed Issue 1: 401 Unauthorized. */
	invalidKey(regionLabel?: string): Advice {
		const where = regionLabel ? ` by the ${regionLabel} endpoint` : '';
		return {
			title: 'Invalid API key',
			message:
				`The API key was rejected${where} (401 Unauthorized). ` +
				'Verify the key format (it starts with sk-), check that the key has not expired or been deleted, ' +
				'and make sure you use the endpoint of the region that issued it.',
			nextStep: `Check the key in the Model Studio console, then run \`${loginCommand()}\` to enter it again with the right region.`,
		};
	},

	/**
	 * Seed Issue 2, when we know which region the key belongs to: log in again
	 * with that region, or point the provider at its endpoint. `asked`: the
	 * region (or its label) the request went to. `keyFromEnv` puts the baseUrl
	 * first (a saved login would not replace an exported key); `configPath`
	 * names the file.
	 */
	wrongRegion(keyRegion: Region, asked?: {readonly label: string} | string, options: {configPath?: string; keyFromEnv?: boolean} = {}): Advice {
		const askedLabel = typeof asked === 'string' ? asked : asked?.label;
		const where = askedLabel ? `the ${askedLabel} endpoint` : 'this endpoint';
		const login = `\`${loginCommand()} --region ${keyRegion.id}\``;
		const baseUrl = `models.providers.${PROVIDER_ID}.baseUrl to ${keyRegion.baseUrl}${options.configPath ? ` in ${options.configPath}` : ''}`;
		return {
			title: 'Wrong region',
			message:
				`This key belongs to ${keyRegion.label}, but it was sent to ${where}. ` +
				'Keys are NOT interchangeable between regions: International keys need the International endpoint, ' +
				'China keys the China endpoint.',
			nextStep: options.keyFromEnv ? `Set ${baseUrl}, or run ${login}.` : `Run ${login}, or set ${baseUrl}.`,
		};
	},

	/** Seed Issue 2: a timeout usually means the wrong endpoint or no route to it. */
	timeout(regionLabel?: string, seconds?: number): Advice {
		const after = seconds ? ` after ${seconds}s` : '';
		const where = regionLabel ? ` from the ${regionLabel} endpoint` : '';
		return {
			title: 'Connection timed out',
			message:
				`No answer${where}${after}. This is often a region mismatch: International keys need the International ` +
				'endpoint, China keys the China endpoint, and the keys are not interchangeable. ' +
				'It can also be a firewall, proxy or slow network.',
			nextStep: `Run \`${command('models status --probe')}\` to check which region accepts your key, then try again.`,
		};
	},

	/** Seed Issue 3: 404 model_not_found. */
	modelNotFound(model?: string, regionLabel?: string): Advice {
		const name = model ? `The model "${model}"` : 'The model';
		const where = regionLabel ? ` in ${regionLabel}` : '';
		return {
			title: 'Model not found',
			message:
				`${name} does not exist${where} or your key has no access to it (names are case-sensitive). ` +
				'Use model ids without a region prefix (qwen-plus, not qwen.qwen-plus) and not AWS Bedrock names ' +
				'(qwen.qwen3-coder-30b-a3b-v1:0).',
			nextStep: `Run \`${command('models list')}\` to see valid ids, then \`${command('models set <id>')}\`.`,
		};
	},

	/** Seed Issue 4: the env var is not picked up. */
	envVarNotWorking(name = 'QWEN_API_KEY'): Advice {
		return {
			title: 'Environment variable not working',
			message:
				`${name} is not set in this shell, is empty, or has stray whitespace. ` +
				'It must be exported in the shell that runs openclaw.',
			nextStep: `Run \`echo $${name}\` to verify it is set, then \`${command('restart')}\` to reload the setup.`,
		};
	},

	rateLimited(): Advice {
		return {
			title: 'Rate limited',
			message: 'You have exceeded the request limit for this model (429). The service asks you to slow down.',
			nextStep: `Wait a minute and try again, or switch to another model with \`${command('models set <id>')}\`.`,
		};
	},

	quotaExceeded(): Advice {
		return {
			title: 'Quota exceeded',
			message: 'You exceeded your current token quota (429 insufficient_quota). Please check your plan and billing details.',
			nextStep: `Check your plan and quota in the Model Studio console, or switch models with \`${command('models set <id>')}\`.`,
		};
	},

	arrears(): Advice {
		return {
			title: 'Account in arrears',
			message: 'Access denied: the Alibaba Cloud account is overdue (Arrearage). Requests fail until it is in good standing.',
			nextStep: 'Top up or settle the overdue payment in the Alibaba Cloud billing console, then try again.',
		};
	},

	freeTierExhausted(model?: string): Advice {
		const which = model ? ` for ${model}` : '';
		return {
			title: 'Free tier exhausted',
			message: `The free quota${which} has been used up and the "use free tier only" mode is on (AllocationQuota.FreeTierOnly).`,
			nextStep: 'Turn off "use free tier only" in the Model Studio console to continue on a paid basis, or pick another model.',
		};
	},

	moderation(): Advice {
		return {
			title: 'Blocked by content moderation',
			message: 'The service says the input or output may contain inappropriate content (data_inspection_failed).',
			nextStep: 'Rephrase the message and try again.',
		};
	},

	contextTooLong(): Advice {
		return {
			title: 'Conversation too long',
			message: "The conversation is longer than the model's context window.",
			nextStep: 'Start a new conversation or send a shorter message, or pick a model with a larger context.',
		};
	},

	imageTooLarge(): Advice {
		return {
			title: 'Image too large',
			message: 'An attached image exceeds 10 MiB once base64-encoded (the limit per data URI is 10485760 bytes).',
			nextStep: 'Use a smaller image (original file under 7 MB) or resize it.',
		};
	},

	textOnlyModel(model?: string): Advice {
		const which = model ? `"${model}"` : 'This model';
		return {
			title: 'Model does not accept images',
			message: `${which} only accepts text; the service rejected the image attachment.`,
			nextStep: `Use a vision model such as ${VISION_MODEL_ID}: \`${command(`chat --model ${VISION_MODEL_ID} --image <file> "…"`)}\`.`,
		};
	},

	badRequest(serviceMessage: string): Advice {
		return {
			title: 'Request rejected',
			message: `The service rejected the request: ${serviceMessage}`,
			nextStep: `Check the model id and message, then try again; \`${command('doctor')}\` checks the whole setup.`,
		};
	},

	serverError(status?: number, serviceMessage?: string): Advice {
		const code = status ? ` (${status})` : '';
		return {
			title: 'Service error',
			message: `DashScope had an internal problem${code}${serviceMessage ? `: ${serviceMessage}` : '.'}`,
			nextStep: 'Try again in a moment; if it keeps failing, check the Alibaba Cloud status page.',
		};
	},

	hostNotFound(host?: string): Advice {
		return {
			title: 'Host not found',
			message: `Could not resolve ${host ?? 'the DashScope host'} (DNS lookup failed). You may be offline, or the base URL is wrong.`,
			nextStep:
				'Check your internet connection and proxy settings, and the baseUrl in ~/.openclaw/openclaw.json ' +
				'(or QWEN_*_BASE_URL if set).',
		};
	},

	connectionRefused(address?: string): Advice {
		return {
			title: 'Connection refused',
			message: `Nothing is accepting connections at ${address ?? 'the endpoint'}.`,
			nextStep:
				'Check the baseUrl in ~/.openclaw/openclaw.json and any QWEN_*_BASE_URL or proxy settings, then try again.',
		};
	},

	connectionLost(): Advice {
		return {
			title: 'Connection lost',
			message: 'The connection to DashScope was interrupted before the answer was complete.',
			nextStep: 'Check your network and try again; the part of the answer already received is kept.',
		};
	},

	unsendableKey(): Advice {
		return {
			title: 'The key cannot be sent',
			message: 'The API key holds a character that HTTP headers cannot carry (a line break, a control character or a non-ASCII look-alike), so no request was made.',
			nextStep: `Copy the key again from the API Keys page and save it with: ${loginCommand()} (check with: ${command('doctor')})`,
		};
	},

	networkError(detail?: string): Advice {
		return {
			title: 'Network error',
			message: `Could not reach DashScope${detail ? ` (${detail})` : ''}.`,
			nextStep: 'Check your internet connection, proxy and the configured region endpoint, then try again.',
		};
	},

	aborted(): Advice {
		return {
			title: 'Stopped',
			message: 'The request was cancelled.',
			nextStep: 'Send the message again when you are ready.',
		};
	},

	portalDiscontinued(): Advice {
		return {
			title: 'Qwen OAuth free tier discontinued',
			message:
				`${PORTAL_DISCONTINUED} portal.qwen.ai now rejects its tokens ` +
				'("invalid access token or token expired" / "Free allocated quota exceeded").',
			nextStep: `Use a DashScope API key instead: run \`${loginCommand()} --method api-key\`.`,
		};
	},

	unknown(serviceMessage?: string): Advice {
		return {
			title: 'Unexpected error',
			message: serviceMessage ? `Something went wrong: ${serviceMessage}` : 'Something went wrong talking to DashScope.',
			nextStep: `Try again; \`${command('doctor')}\` checks the whole setup.`,
		};
	},
};
