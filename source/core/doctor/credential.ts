/**
 * Which key is in effect and whether it can work: the source that wins
 * (credentials.ts decides; doctor only explains), env vars that are set but
 * empty or padded, the key's format, and Coding Plan keys aimed at a
 * pay-as-you-go endpoint.
 */
import {maskKey, validateApiKey} from '../api-key.js';
import type {ConfigRead} from '../config-file.js';
import type {EffectiveSetup} from '../credentials.js';
import {KEY_ENV_VARS, SUGGESTED_KEY_ENV_VAR} from '../env-vars.js';
import {credentialFromConfig} from '../key-sources.js';
import {ADVICE, loginCommand} from '../messages.js';
import {PROVIDER_ID} from '../models.js';
import {ok, problem, warning, type DoctorCheck} from './types.js';
import type {Env} from '../env.js';
import {programName} from '../program-name.js';

/** QWEN_API_KEY / DASHSCOPE_API_KEY set but empty, or with whitespace or quotes around the key. */
export function checkKeyEnvVars(env: Env, setup: Pick<EffectiveSetup, 'credential'>): DoctorCheck[] {
	const checks: DoctorCheck[] = [];
	const winner = setup.credential ? `the key comes from ${setup.credential.sourceLabel} instead` : 'no other key was found';
	for (const name of KEY_ENV_VARS) {
		const raw = env[name];
		if (raw === undefined) continue;
		const advice = ADVICE.envVarNotWorking(name);
		const id = `credential.env.${name}`;
		if (raw.trim() === '') {
			checks.push(
				warning(
					id,
					`${name} is set but empty`,
					`${name} holds ${raw.length > 0 ? 'only whitespace' : 'an empty string'}, so openclaw skips it and ${winner}. ${advice.message}`,
					`${ADVICE.exportKey(name)} (your key) in the shell that runs openclaw, or \`unset ${name}\`; ${lowerFirst(advice.nextStep)}`,
				),
			);
			continue;
		}

		const cleaned = validateApiKey(raw);
		if (cleaned.ok && cleaned.key !== raw) {
			checks.push(
				warning(
					id,
					`${name} has stray whitespace or quotes around the key`,
					`${programName()} cleans it (${cleaned.notes.join(' ')}), but curl and other tools send it as is and get 401 Unauthorized.`,
					`${ADVICE.exportKey(name)} again with just the key (no spaces, no extra quotes); ${lowerFirst(advice.nextStep)}`,
				),
			);
			continue;
		}

		// The winning variable is named by the source check; a losing one is worth a line.
		const wins = setup.credential?.source.kind === 'env' && setup.credential.source.name === name;
		if (cleaned.ok && !wins) checks.push(ok(id, `${name} is set (${maskKey(cleaned.key)})`));
		// A malformed value is reported once, by the key format check of the key in effect.
	}

	return checks;
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

function describeSource(setup: EffectiveSetup): string {
	const credential = setup.credential;
	if (!credential) return '';
	if (credential.source.kind === 'profile') return `${credential.sourceLabel}: ${credential.source.store.file}`;
	if (credential.source.kind === 'literal') return `${credential.sourceLabel}: ${setup.paths.configPath}`;
	return credential.sourceLabel;
}

/** Which source wins, what it shadows, and nothing-found with the reasons credentials.ts gave. */
export function checkCredentialSource(env: Env, setup: EffectiveSetup, config: ConfigRead): DoctorCheck {
	const id = 'credential.source';
	const credential = setup.credential;
	if (!credential) {
		// The key variables have their own check (checkKeyEnvVars).
		const reasons = setup.warnings.filter(entry => !entry.code.startsWith('env-')).map(entry => entry.text);
		const envAdvice = ADVICE.envVarNotWorking(SUGGESTED_KEY_ENV_VAR);
		const unset = KEY_ENV_VARS.every(name => env[name] === undefined);
		return problem(
			id,
			'No API key found',
			[
				`Looked at ${KEY_ENV_VARS.join(', ')}, then the ${PROVIDER_ID} apiKey in openclaw.json and the key stores it leads to.`,
				...reasons,
				...(unset ? [`If you exported ${SUGGESTED_KEY_ENV_VAR}, this shell does not see it: ${envAdvice.message}`] : []),
			].join('\n'),
			`Run \`${loginCommand()}\`, or ${ADVICE.exportKey()} in the shell that runs openclaw.`,
		);
	}

	const shadowed = shadowedSources(env, setup, config);
	const detail = [
		`Using ${describeSource(setup)}.`,
		...shadowed.map(entry => `Also found ${entry.label} (${maskKey(entry.key)}${entry.key === credential.key ? ', the same key' : ', a different key'}), not used: ${credential.sourceLabel} comes first.`),
	].join('\n');
	if (credential.profileType === 'oauth' || credential.profileType === 'token') {
		const advice = ADVICE.portalDiscontinued();
		return warning(id, `Using a Qwen OAuth token from ${credential.sourceLabel}`, `${detail}\n${advice.message}`, advice.nextStep);
	}

	return ok(id, `API key ${maskKey(credential.key)} from ${credential.sourceLabel}`, detail);
}

/** The keys that lower-priority sources would have given, for "also found, not used". */
function shadowedSources(env: Env, setup: EffectiveSetup, config: ConfigRead): Array<{label: string; key: string}> {
	const credential = setup.credential;
	if (!credential || credential.source.kind !== 'env') return [];
	const found: Array<{label: string; key: string}> = [];
	const winner = credential.source.name;
	for (const name of KEY_ENV_VARS.slice(KEY_ENV_VARS.indexOf(winner) + 1)) {
		const value = env[name]?.trim();
		if (!value) continue;
		const validation = validateApiKey(value);
		found.push({label: `env ${name}`, key: validation.ok ? validation.key : value});
	}

	try {
		const withoutEnv: Record<string, string | undefined> = {...env};
		for (const name of KEY_ENV_VARS) delete withoutEnv[name];
		const fromFiles = credentialFromConfig(config, withoutEnv);
		if (fromFiles) found.push({label: fromFiles.sourceLabel, key: fromFiles.key});
	} catch {
		// Unreadable files are reported by the config checks.
	}

	return found;
}

function fixStep(setup: EffectiveSetup): string {
	const source = setup.credential?.source;
	if (source?.kind === 'env') {
		return `Export a Model Studio API key for your region: ${ADVICE.exportKey(source.name)} (or unset ${source.name} to use the saved login).`;
	}

	return `Run \`${loginCommand()}\` and paste a Model Studio API key for your region.`;
}

/** The key in effect, checked the same way a paste is (sk-sp- Coding Plan keys included). */
export function checkKeyFormat(setup: EffectiveSetup): DoctorCheck | undefined {
	const credential = setup.credential;
	if (!credential || (credential.profileType !== undefined && credential.profileType !== 'api_key')) return undefined;
	const id = 'credential.format';
	const validation = validateApiKey(credential.key);
	if (validation.ok) {
		return ok(id, 'Key format looks right', `Starts with sk-, no spaces or hidden characters (${maskKey(validation.key)}).`);
	}

	if (validation.problem === 'coding_plan_key') {
		// A Coding Plan host configured by hand is the one place such a key works.
		const codingHost = /^https?:\/\/coding(?:-intl)?\.dashscope\.aliyuncs\.com\//.test(`${setup.baseUrl}/`);
		const title = 'Coding Plan key (sk-sp-) on a pay-as-you-go endpoint';
		if (codingHost) {
			return warning(id, 'Coding Plan key (sk-sp-) on its Coding Plan host', `${validation.message}\nFrom ${credential.sourceLabel}; baseUrl is ${setup.baseUrl}.`, fixStep(setup));
		}

		return problem(id, title, `${validation.message}\nFrom ${credential.sourceLabel}; baseUrl is ${setup.baseUrl}.`, fixStep(setup));
	}

	return problem(
		id,
		'The API key is malformed',
		`${validation.message}\nFrom ${credential.sourceLabel}.`,
		fixStep(setup),
	);
}

/** Security practice 1: a key written into openclaw.json travels with dotfiles and commits. */
export function checkLiteralKey(setup: EffectiveSetup): DoctorCheck | undefined {
	const credential = setup.credential;
	if (credential?.source.kind !== 'literal' || credential.sourceLabel.startsWith('env ')) return undefined;
	return warning(
		'credential.literal',
		'The API key is written in openclaw.json in plain text',
		`${setup.paths.configPath} holds the key (${maskKey(credential.key)}) in models.providers.${PROVIDER_ID}.apiKey; config files get shared and committed (Security practice 1).`,
		`Run \`${loginCommand()}\` to move it where this state's OpenClaw reads keys, or use ${SUGGESTED_KEY_ENV_VAR}.`,
	);
}
