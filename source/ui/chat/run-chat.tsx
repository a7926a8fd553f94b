import React from 'react';
import {render} from 'ink';
import type {EffectiveSetup} from '../../core/credentials.js';
import {createDashScopeClient, type ChatMessage} from '../../core/dashscope-client.js';
import {classifyApiError, type ClassifiedError} from '../../core/errors.js';
import type {ImageAttachment} from '../../core/images.js';
import {ADVICE} from '../../core/messages.js';
import {probeKey} from '../../core/region-probe.js';
import {ThemeProvider, themeFor, wantsColor} from '../components/theme.js';
import {ChatApp} from './chat-app.js';
import {createReflowStdout} from './reflow-stdout.js';
import {terminalReflows} from './terminal-reflow.js';

type Env = Record<string, string | undefined>;

export type RunChatPaneOptions = {
	env: Env;
	setup: EffectiveSetup;
	modelId: string;
	images?: ImageAttachment[];
	/** Streams default to the process's; tests and benchmarks hand in their own. */
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
	stderr?: NodeJS.WriteStream;
};

/**
 * The interactive chat. Runs on the normal screen: finished messages go to
 * scrollback once and stay there after exit. Resolves with the exit code.
 */
export async function runChatPane(options: RunChatPaneOptions): Promise<number> {
	const {env, setup, modelId, images} = options;
	const stderr = options.stderr ?? process.stderr;
	const credential = setup.credential;
	if (!credential) {
		stderr.write('No DashScope API key found. Run `openclaw models auth login --provider qwen-portal`, or export QWEN_API_KEY.\n');
		return 1;
	}

	const portal = credential.profileType === 'oauth';
	const apiKey = portal ? await oauthAccessToken(setup, env) : credential.key;
	const regionLabel = setup.region?.label;
	const timeoutMs = Number(env['OPENCLAW_TIMEOUT_MS']);
	const client = createDashScopeClient({
		apiKey,
		baseUrl: setup.requestBaseUrl,
		...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? {timeoutMs} : {}),
		...(regionLabel ? {regionLabel} : {}),
	});
	// The OAuth portal was seen to refuse requests without a leading system message.
	const preamble: ChatMessage[] = portal ? [{role: 'system', content: 'You are a helpful assistant.'}] : [];

	const classify = (error: unknown, model: string) => classifyApiError(error, {...(regionLabel ? {regionLabel} : {}), model});
	// A rejected key may belong to another region (the seed's issue 2): ask the others before calling it invalid.
	const explain = async (error: ClassifiedError): Promise<ClassifiedError> => {
		if (error.kind !== 'invalid_key' || !setup.region || portal) return error;
		const probe = await probeKey(apiKey, setup.region.id, {env});
		if (probe.status !== 'wrong_region') return error;
		return {
			...error,
			kind: 'wrong_region',
			...ADVICE.wrongRegion(probe.belongsTo.label, probe.region.label),
			nextStep: `Run \`openclaw models auth login --provider qwen-portal --region ${probe.belongsTo.id}\`, or set models.providers.qwen-portal.baseUrl to ${probe.belongsTo.baseUrl}.`,
		};
	};

	const screen = createReflowStdout(options.stdout ?? process.stdout, {reflows: terminalReflows(env)});
	const instance = render(
		<ThemeProvider theme={themeFor(env)}>
			<ChatApp
				client={client}
				model={modelId}
				provider={portal ? 'portal' : 'dashscope'}
				{...(regionLabel ? {regionLabel} : {})}
				{...(setup.region ? {regionId: setup.region.id} : {})}
				{...(images ? {images} : {})}
				color={wantsColor(env)}
				classify={classify}
				explain={explain}
				preamble={preamble}
				secrets={[apiKey]}
				{...(env['HOME'] ? {home: env['HOME']} : {})}
			/>
		</ThemeProvider>,
		{
			exitOnCtrlC: false,
			...(options.stdin ? {stdin: options.stdin} : {}),
			stdout: screen.stream,
			stderr,
		},
	);
	screen.attach(instance);
	try {
		await instance.waitUntilExit();
	} finally {
		screen.close();
	}

	return 0;
}

async function oauthAccessToken(setup: EffectiveSetup, env: Env): Promise<string> {
	const {ensureFreshOAuthToken} = await import('../../core/oauth/index.js');
	const token = await ensureFreshOAuthToken(setup.paths, env);
	return token.access;
}
