/**
 * Every user-facing troubleshooting text, written once. The guide's four
 * troubleshooting problems (invalid key, wrong region, model not found, a
 * variable that is not picked up) and the service's other errors each get a
 * title, a message and one next step; errors.ts, the probe, the wizard and
 * `doctor` all take their words from here.
 */

import {NO_SAVE_ENV_VAR, SUGGESTED_KEY_ENV_VAR} from './env-vars.js';
import {formatMiB, MAX_DATA_URL_BYTES, MAX_IMAGE_FILE_BYTES} from './images.js';
import {findModel, PROVIDER_ID, thinkingModels, VISION_MODEL_ID} from './models.js';
import {KEY_MASK} from './redact-secrets.js';
import {DEFAULT_REGION_ID, getRegion, type Region, type RegionId} from './regions.js';
import {command} from './program-name.js';
import {MAX_TIMEOUT_MS, MIN_TIMEOUT_MS, TIMEOUT_ENV_VAR} from './request-timeout.js';
import {formatRate, formatTier} from './usage/estimate-cost.js';
import {pricesFor, PRICES_CHECKED} from './usage/model-prices.js';

export {command} from './program-name.js';

export type Advice = {title: string; message: string; nextStep: string};

/**
 * How the reader of a piece of advice does what it suggests: on the command
 * line (the default), or in the chat pane, which has its own commands.
 */
export type AdviceWays = {
	/** "switch models with …" */
	readonly switchModels: string;
	/** "Wait a minute and …" */
	readonly sendAgain: string;
};

function shellWays(): AdviceWays {
	return {switchModels: `\`${command('models set <id>')}\``, sendAgain: 'try again'};
}

/**
 * Which request an error came from. A key check (GET /models) has no partial
 * answer to keep and no message to send again, so its advice says so.
 */
export type RequestActivity = 'chat' | 'models';

/** Why a conversation is not saved when the person turned saving off. */
export const SAVING_OFF_NOTICE = `Not saved: saving is off (--no-save or ${NO_SAVE_ENV_VAR}).`;

/** A key refused where it was sent, while some other region did not answer: it may belong there. */
export function unreachedRegionsNote(unreachedLabels: string): string {
	return `${unreachedLabels} could not be reached, so the key may belong there: try again once it can be.`;
}

/** Said when stdin is a pipe that stays silent: whatever started the program may never close it. */
export function waitingForStdinNotice(withPrompt: boolean): string {
	return withPrompt
		? 'Waiting for stdin, which is added after the prompt. If nothing is coming, run it with </dev/null.'
		: 'Waiting for the prompt on stdin (end it with Ctrl+D), or pass it as an argument.';
}

/** The command that saves a key (the wizard on a terminal); every hint names it through this. */
export function loginCommand(): string {
	return command(`models auth login --provider ${PROVIDER_ID}`);
}

/** A login that changed nothing (the same key and model again), said instead of "saved". */
export const NOTHING_WRITTEN = 'Already set up with this key and model; nothing was written.';

/**
 * Which of a login's two files its save wrote (the key's store, and
 * openclaw.json as `configName`); NOTHING_WRITTEN when neither needed it.
 */
export function writtenFilesNote(written: {readonly keyWritten: boolean; readonly configWritten: boolean}, configName: string): string {
	if (written.keyWritten && written.configWritten) return 'Both files were written.';
	if (written.keyWritten) return `The key was written; ${configName} already had this setup.`;
	if (written.configWritten) return `${configName} was written; the key was already saved.`;
	return NOTHING_WRITTEN;
}

/**
 * After a login: a key variable holding another key is used instead of the
 * one just saved (key-sources.ts's order), so logging in again cannot change it.
 */
export function keyVariableWins(name: string): string {
	return `${name} is set in this environment and takes precedence over the saved key; unset it to use the saved one, or export the new key (${ADVICE.exportKey(name)}).`;
}

/**
 * The real OpenClaw's command that moves its old JSON credential files into
 * its database. It is OpenClaw's, not this program's: always `openclaw`.
 */
export const OPENCLAW_MIGRATE_COMMAND = 'openclaw doctor --fix --non-interactive';

/**
 * The words for the base URL when the request's own setting is not known (a
 * failure classified away from the client, which names the real variable or
 * file through base-url-source.ts): it names no file that may not be the one.
 */
export const UNKNOWN_BASE_URL_SETTING = 'the base URL in use';

/** Where a request goes when nothing else is set up: the example of a right base URL. */
function exampleBaseUrl(): string {
	return getRegion(DEFAULT_REGION_ID).baseUrl;
}

/** The day Qwen ended the free OAuth tier (ADVICE.portalDiscontinued); every notice dates it from here. */
export const PORTAL_DISCONTINUED_ON = '2026-04-15';
/** The one sentence every screen and command uses to say so. */
export const PORTAL_DISCONTINUED = `Qwen discontinued the free OAuth tier on ${PORTAL_DISCONTINUED_ON}.`;


/** How every figure of cost is qualified where it is explained: what it rests on, and when that was checked. */
export const COST_ESTIMATE_NOTE = `Costs are estimates from DashScope's list prices as checked ${PRICES_CHECKED} (input tier, cache discounts, thinking rates); the bill may differ (free quota, promotions, price changes).`;

/** The mark on an answer cut off by the output limit (finish_reason "length"), in the pane and on the one-shot's stderr. */
export function outputLimitNote(tokens: number | undefined): string {
	return `stopped at the output limit${tokens === undefined ? '' : ` (${tokens} token${tokens === 1 ? '' : 's'})`}`;
}

/** What /continue sends, and the follow-up the one-shot chat suggests, after an answer was cut off. */
export const CONTINUE_PROMPT = 'Continue exactly where your last answer stopped, without repeating what you already wrote.';

/**
 * What thinking costs on a model, for /think and --think: its thinking
 * output rate at the first input tier, against the answer's; or that it has
 * no thinking mode; or that no price is known where it runs.
 */
export function thinkingCostNote(modelId: string, region: RegionId | undefined): string {
	const model = findModel(modelId);
	if (model && !model.thinking) {
		return `${modelId} has no thinking mode; it applies to ${thinkingModels().map(entry => entry.id).join(', ')}.`;
	}

	const prices = region ? pricesFor(modelId, region) : undefined;
	const first = prices?.tiers[0];
	if (!prices || !first || first.thinkingOutput === undefined) {
		const where = region ? ` in ${getRegion(region).label}` : ' on this endpoint';
		return `No price is known for thinking on ${modelId}${where}; the reasoning counts as output tokens.`;
	}

	const tier = formatTier({tierUpTo: first.upTo});
	const at = `${tier ? ` (${tier})` : ''}, prices as of ${PRICES_CHECKED}`;
	const thinking = formatRate(first.thinkingOutput, prices.currency);
	if (first.thinkingOutput === first.output) {
		return `Thinking on ${modelId} is billed as output, ${thinking} per 1M tokens${at}: the reasoning adds output tokens.`;
	}

	return `Thinking on ${modelId} bills all output, reasoning included, at ${thinking} per 1M tokens instead of ${formatRate(first.output, prices.currency)}${at}.`;
}

export const ADVICE = {
	/**
	 * 401 Unauthorized. `keyVariable`: the variable the key came from
	 * (QWEN_API_KEY, DASHSCOPE_API_KEY), which a new login would not replace.
	 */
	invalidKey(regionLabel?: string, keyVariable?: string): Advice {
		const where = regionLabel ? ` by the ${regionLabel} endpoint` : '';
		return {
			title: 'Invalid API key',
			message:
				`The API key was rejected${where} (401 Unauthorized). ` +
				'Verify the key format (it starts with sk-), check that the key has not expired or been deleted, ' +
				'and make sure you use the endpoint of the region that issued it.',
			nextStep: keyVariable
				? `The key comes from $${keyVariable}, which wins over a saved key: check it in the Model Studio console, then export the right key (${ADVICE.exportKey(keyVariable)}) or unset it.`
				: `Check the key in the Model Studio console, then run \`${loginCommand()}\` to enter it again with the right region.`,
		};
	},

	/**
	 * A region mismatch, when we know which region the key belongs to: log in again
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

	/** A timeout usually means the wrong endpoint or no route to it. */
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

	/**
	 * The stream went silent after text had arrived: the key and region work,
	 * so this is no region mismatch.
	 */
	stalled(seconds?: number): Advice {
		const after = seconds ? ` after ${seconds} s` : '';
		return {
			title: 'Answer stalled',
			message: `The answer stopped arriving${after} without a word from the service; what arrived is kept.`,
			nextStep: `Send it again. On a slow link, raise ${TIMEOUT_ENV_VAR} (${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS} ms).`,
		};
	},

	/** 404 model_not_found. */
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

	/** A key variable that is not picked up. */
	envVarNotWorking(name: string = SUGGESTED_KEY_ENV_VAR): Advice {
		return {
			title: 'Environment variable not working',
			message:
				`${name} is not set in this shell, is empty, or has stray whitespace. ` +
				'It must be exported in the shell that runs openclaw.',
			nextStep: `Run \`echo $${name}\` to verify it is set, then \`${command('restart')}\` to reload the setup.`,
		};
	},

	rateLimited(ways: AdviceWays = shellWays()): Advice {
		return {
			title: 'Rate limited',
			message: 'You have exceeded the request limit for this model (429). The service asks you to slow down.',
			nextStep: `Wait a minute and ${ways.sendAgain}, or switch to another model with ${ways.switchModels}.`,
		};
	},

	quotaExceeded(ways: AdviceWays = shellWays()): Advice {
		return {
			title: 'Quota exceeded',
			message: 'You exceeded your current token quota (429 insufficient_quota). Please check your plan and billing details.',
			nextStep: `Check your plan and quota in the Model Studio console, or switch models with ${ways.switchModels}.`,
		};
	},

	arrears(): Advice {
		return {
			title: 'Account in arrears',
			message: 'Access denied: the Alibaba Cloud account is overdue (Arrearage). Requests fail until it is in good standing.',
			nextStep: 'Top up or settle the overdue payment in the Alibaba Cloud billing console, then try again.',
		};
	},

	freeTierExhausted(model?: string, ways: AdviceWays = shellWays()): Advice {
		const which = model ? ` for ${model}` : '';
		return {
			title: 'Free tier exhausted',
			message: `The free quota${which} has been used up and the "use free tier only" mode is on (AllocationQuota.FreeTierOnly).`,
			nextStep: `Turn off "use free tier only" in the Model Studio console to continue on a paid basis, or switch models with ${ways.switchModels}.`,
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
			message: `An attached image exceeds ${formatMiB(MAX_DATA_URL_BYTES)} once base64-encoded (the limit per data URI is ${MAX_DATA_URL_BYTES} bytes).`,
			nextStep: `Use a smaller image (an original file under about ${formatMiB(MAX_IMAGE_FILE_BYTES)}) or resize it.`,
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

	/** `setting`: where the base URL in use was set (base-url-source.ts), so the advice names the real file or variable. */
	hostNotFound(host: string | undefined, setting: string): Advice {
		return {
			title: 'Host not found',
			message: `Could not resolve ${host ?? 'the DashScope host'} (DNS lookup failed). You may be offline, or the base URL is wrong.`,
			nextStep: `Check your internet connection and proxy settings, and ${setting}.`,
		};
	},

	connectionRefused(address: string | undefined, setting: string): Advice {
		return {
			title: 'Connection refused',
			message: `Nothing is accepting connections at ${address ?? 'the endpoint'}.`,
			nextStep: `Check ${setting} and any proxy settings, then try again.`,
		};
	},

	connectionLost(activity: RequestActivity = 'chat', url?: string): Advice {
		const to = url ? ` (${url})` : '';
		if (activity === 'models') {
			return {
				title: 'Connection lost',
				message: `The connection to DashScope${to} was interrupted before the model list arrived.`,
				nextStep: 'Check your network and proxy, then run the check again.',
			};
		}
		return {
			title: 'Connection lost',
			message: `The connection to DashScope${to} was interrupted before the answer was complete.`,
			nextStep: 'Check your network and try again; the part of the answer already received is kept.',
		};
	},

	/** The stream ended (cleanly) before any finish_reason said the answer was complete. */
	unfinishedAnswer(url: string): Advice {
		return {
			title: 'Answer not finished',
			message: `The stream from ${url} ended without saying the answer was finished (no finish_reason); what arrived is kept, but it may be cut short.`,
			nextStep: 'Send it again. If it keeps happening, something between you and DashScope (a proxy, a gateway) is cutting the stream: check the proxy settings and the baseUrl.',
		};
	},

	/**
	 * A reply that is not what DashScope sends: an HTML page from a captive
	 * portal or a proxy sign-in, an empty body, JSON of another shape.
	 * `what` says what it looked like; `setting` names where the URL comes from.
	 */
	unexpectedReply(url: string, what: string, setting: string): Advice {
		return {
			title: 'Unexpected reply',
			message: `Unexpected reply from ${url} (${what}).`,
			nextStep:
				'Sign in to the Wi-Fi or proxy page if there is one (open the URL in a browser), then try again; otherwise point ' +
				`${setting} at DashScope's compatible-mode endpoint, such as ${exampleBaseUrl()}.`,
		};
	},

	/** HTTP 404 for a path that DashScope serves: the base URL leads elsewhere. */
	endpointNotFound(url: string, setting: string): Advice {
		return {
			title: 'Endpoint not found',
			message: `${url} does not exist (HTTP 404): the base URL does not lead to DashScope's compatible-mode API.`,
			nextStep: `Check ${setting}: it should end in /compatible-mode/v1, such as ${exampleBaseUrl()}.`,
		};
	},

	/** A proxy or gateway answered with a page instead of DashScope's JSON: its title, never its markup. */
	htmlErrorPage(status: number, pageTitle: string | undefined, url: string): Advice {
		return {
			title: status >= 500 ? 'Service error' : 'Unexpected reply',
			message: `The server answered with an HTML page, HTTP ${status}${pageTitle ? `: ${pageTitle}` : ''} (from ${url}).`,
			nextStep:
				status >= 500
					? 'Try again in a moment; if it keeps failing, check your proxy or gateway, and the Alibaba Cloud status page.'
					: 'A proxy or captive portal may be in the way: sign in to it or check the proxy settings, and check the baseUrl.',
		};
	},

	/** https:// to a port that speaks plain HTTP (a local gateway, a proxy). */
	tlsNotSpoken(target: string, setting: string): Advice {
		return {
			title: 'TLS handshake failed',
			message: `The TLS handshake with ${target} failed: the server there does not speak TLS. Is it http://?`,
			nextStep: `If that server is a plain-HTTP gateway or proxy, use http:// in ${setting}; DashScope itself needs https://.`,
		};
	},

	tlsCertificate(target: string, code: string): Advice {
		return {
			title: 'TLS certificate refused',
			message: `The certificate of ${target} was not trusted (${code}). A proxy that inspects HTTPS may be in between.`,
			nextStep: 'Point NODE_EXTRA_CA_CERTS at your proxy\'s CA certificate file, or check the baseUrl, then try again.',
		};
	},

	/** The base URL cannot be parsed, or is no http(s) URL: nothing was sent. */
	badBaseUrl(setting: string, value: string, fromEnv: boolean): Advice {
		const example = exampleBaseUrl();
		return {
			title: 'Invalid base URL',
			message: `${setting} is not a valid http(s) URL: "${value}". Nothing was sent.`,
			nextStep: fromEnv
				? `Set it to a full URL such as ${example}, or unset it to use the region's own endpoint.`
				: `Set it to a full URL such as ${example}, or run \`${loginCommand()}\` to write it for you.`,
		};
	},

	unsendableKey(): Advice {
		return {
			title: 'The key cannot be sent',
			message: 'The API key holds a character that HTTP headers cannot carry (a line break, a control character or a non-ASCII look-alike), so no request was made.',
			nextStep: `Copy the key again from the API Keys page and save it with: ${loginCommand()} (check with: ${command('doctor')})`,
		};
	},

	networkError(detail?: string, url?: string): Advice {
		return {
			title: 'Network error',
			message: `Could not reach ${url ?? 'DashScope'}${detail ? ` (${detail})` : ''}.`,
			nextStep: 'Check your internet connection, proxy and the configured region endpoint, then try again.',
		};
	},

	aborted(activity: RequestActivity = 'chat'): Advice {
		return {
			title: 'Stopped',
			message: 'The request was cancelled.',
			nextStep: activity === 'models' ? 'Run the check again when you are ready.' : 'Send the message again when you are ready.',
		};
	},

	/**
	 * OpenClaw 2026.9 refuses to start while its old JSON credential files are
	 * there; its own doctor moves them into its database. `version`: the
	 * OpenClaw that wrote the state, when known.
	 */
	legacyFilesNeedMigration(files: readonly string[], version = '2026.9'): Advice {
		const one = files.length === 1;
		return {
			title: 'OpenClaw needs to migrate old credential files before it runs again',
			message: `OpenClaw ${version} will not run while ${files.join(', ')} ${one ? 'is' : 'are'} there (AUTH_PROFILE_MIGRATION_REQUIRED); this program still reads ${one ? 'it' : 'them'}.`,
			nextStep: `Run \`${OPENCLAW_MIGRATE_COMMAND}\` with OpenClaw itself: it moves the keys into its database and archives the files, and this program reads them there too.`,
		};
	},

	/** The shell line that exports a key, for advice to quote: `export QWEN_API_KEY="sk-…"`. */
	exportKey(name: string = SUGGESTED_KEY_ENV_VAR): string {
		return `export ${name}="${KEY_MASK}"`;
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
