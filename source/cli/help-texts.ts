/**
 * The text commander prints after each command's generated --help: examples
 * first, then the facts a person needs at that moment. Each is a function of
 * the width, built only when help is printed, so starting a command costs
 * nothing for them and every command line names the program as it was started.
 */
import {DETECTED_ENV_VARS, ENV_VARS, KEY_ENV_VARS, NO_SAVE_ENV_VAR} from '../core/env-vars.js';
import {command, ADVICE, COST_ESTIMATE_NOTE, loginCommand, type Advice} from '../core/messages.js';
import {API_KEY_PROFILE_ID} from '../core/auth-profiles.js';
import {findModel, GENERAL_MODEL_ID, PROVIDER_ID, RECOMMENDED_MODEL_ID, VISION_MODEL_ID} from '../core/models.js';
import {
	AGENT_DIR_PARTS,
	AUTH_PROFILES_FILE_NAME,
	CONFIG_FILE_NAME,
	CREDENTIALS_LABEL,
	SESSIONS_LABEL,
	STATE_DB_LABEL,
	STATE_DIR_ENV_VAR,
	STATE_DIR_NAME,
} from '../core/paths.js';
import {programName} from '../core/program-name.js';
import {REGIONS} from '../core/regions.js';
import {blocks, definitions, examples, paragraph, section} from './help-layout.js';

/** Help text after commander's own, for a width. */
export type HelpText = (width: number) => string;

/** The alias of the general model ("qwen"), for examples that show an alias. */
function generalAlias(): string {
	return findModel(GENERAL_MODEL_ID)?.alias ?? GENERAL_MODEL_ID;
}

/** The troubleshooting guide, in messages.ts's own words (so the help cannot drift from the errors). */
function troubleshooting(advice: readonly Advice[], width: number): string[] {
	const indent = '      ';
	return advice.flatMap(entry => [`  ${entry.title}`, ...paragraph(entry.message, width, indent), ...paragraph(`Next step: ${entry.nextStep}`, width, indent)]);
}

/** Every variable the program reads, from core/env-vars.ts. */
function environment(width: number): string[] {
	const rows = ENV_VARS.map(variable => [variable.name, variable.default === undefined ? variable.meaning : `${variable.meaning} (default ${variable.default})`] as const);
	const detected = DETECTED_ENV_VARS.map(group => `${group.names.join(', ')} (${group.purpose})`).join('; ');
	return [...definitions(rows, width), '', ...paragraph(`Also read, to find out where it runs: ${detected}.`, width, '  ')];
}

/** Where the key may go, as the login decides (core/openclaw/login-store.ts). */
function keyStores(): string {
	return `${AUTH_PROFILES_FILE_NAME}, OpenClaw's database, or ${CREDENTIALS_LABEL}`;
}

function files(width: number): string[] {
	const agentFile = [...AGENT_DIR_PARTS, AUTH_PROFILES_FILE_NAME].join('/');
	return [
		...paragraph(`In the state directory (~/${STATE_DIR_NAME} unless ${STATE_DIR_ENV_VAR} moves it):`, width, '  '),
		...definitions(
			[
				[CONFIG_FILE_NAME, `the provider entry (models.providers.${PROVIDER_ID}) and the default model`],
				[
					'the key',
					`where this state's OpenClaw reads keys: ${agentFile}, OpenClaw's database (${STATE_DB_LABEL}), or ${CREDENTIALS_LABEL} (profile ${API_KEY_PROFILE_ID}; the JSON files mode 0600)`,
				],
				[SESSIONS_LABEL, 'saved conversations (mode 0600)'],
			],
			width,
			14,
		),
	];
}

export const ROOT_HELP: HelpText = width =>
	blocks(
		examples(
			width,
			[loginCommand(), 'set up a DashScope key'],
			`${command('chat ')}"Hello, write a quicksort algorithm"`,
			`${command('chat --model qwen3-coder ')}"Implement binary search"`,
			command(`chat --model ${VISION_MODEL_ID} "Analyze this image" --image photo.jpg`),
			`git diff | ${command('chat ')}"Review this change"`,
			command('models list'),
			command('models status --probe'),
			[command('doctor'), 'check config, key, region, permissions'],
		),
		paragraph(`With no arguments on a terminal, ${programName()} opens the setup wizard (no key yet) or the chat pane.`, width),
		section('Environment', environment(width)),
		section('Files', files(width)),
		section('Troubleshooting', troubleshooting([ADVICE.invalidKey(), ADVICE.timeout(), ADVICE.modelNotFound(), ADVICE.envVarNotWorking()], width)),
	);

export const MODELS_HELP: HelpText = width =>
	blocks(examples(width, command('models list'), command('models status --probe'), command('models set qwen3-coder'), loginCommand()));

export const MODELS_LIST_HELP: HelpText = width =>
	blocks(
		examples(width, command('models list'), `${command('models list --json | jq -r ')}".models[].id"`),
		paragraph("The registry is the curated part of the picture; a key's region may serve more models (any id DashScope accepts works with --model).", width),
	);

export const MODELS_STATUS_HELP: HelpText = width =>
	blocks(
		examples(width, command('models status'), command('models status --probe'), command('models status --json')),
		paragraph(
			`Shows where the key comes from (${KEY_ENV_VARS.join(', ')} or the saved login), the key masked to its last 4 characters, the region and base URL, and the default model.`,
			width,
		),
		paragraph(
			'--probe asks the region for its model list (GET /models, spends no tokens) and reports ok, invalid key, wrong region (naming the right one) or unreachable; it exits 1 unless ok.',
			width,
		),
	);

export const MODELS_SET_HELP: HelpText = width =>
	blocks(
		examples(
			width,
			command(`models set ${RECOMMENDED_MODEL_ID}`),
			[command(`models set ${generalAlias()}`), `alias of ${GENERAL_MODEL_ID}`],
			command('models set qwen3-max'),
			[command('models set qwen3.5-plus'), 'not in the registry: checked with the region'],
		),
		paragraph(
			`Writes agents.defaults.model.primary in ${CONFIG_FILE_NAME} (keeping every other key; a backup ${CONFIG_FILE_NAME}.bak is kept before each change).`,
			width,
		),
		paragraph(
			"Registry ids and aliases are saved at once. Any other id is first looked up in your region's model list (GET /models, no tokens spent): if the region does not serve it, nothing is saved and the closest ids it does serve are named; --force saves it without checking. Without a key, or when the region cannot be reached, the id is saved with a note that it was not checked.",
			width,
		),
	);

export const AUTH_HELP: HelpText = width => blocks(examples(width, loginCommand()));

export const AUTH_LOGIN_HELP: HelpText = width =>
	blocks(
		examples(
			width,
			[loginCommand(), 'interactive wizard'],
			`${loginCommand()} --region cn`,
			{note: 'without a terminal (CI, scripts) the key is read from stdin:'},
			`printf %s "$${KEY_ENV_VARS[1]}" | ${loginCommand()} --region intl`,
			`${loginCommand()} --region intl --model qwen3-max < key.txt`,
		),
		paragraph(
			'There is no --api-key flag on purpose: a key on the command line is visible to every user through ps and lands in your shell history. Paste it into the wizard, or pipe it on stdin.',
			width,
		),
		section('Regions', [
			...paragraph('Keys are bound to the region that issued them.', width, '  '),
			...definitions(REGIONS.map(region => [region.id, `${region.label}\n${region.baseUrl}`] as const), width),
		]),
		paragraph(
			`Saves the key where this state's OpenClaw reads keys (${keyStores()}; the JSON files with mode 0600), as profile ${API_KEY_PROFILE_ID}, and points models.providers.${PROVIDER_ID} in ${CONFIG_FILE_NAME} at it. The login says where it went.`,
			width,
		),
	);

export const CHAT_HELP: HelpText = width =>
	blocks(
		examples(
			width,
			`${command('chat ')}"Hello, write a quicksort algorithm"`,
			`${command('chat --model qwen3-coder ')}"Implement binary search"`,
			`${command('chat --model qwen3-max ')}"Explain quantum computing"`,
			[`${command(`chat --model ${generalAlias()} `)}"General question"`, `alias: ${generalAlias()} -> ${GENERAL_MODEL_ID}`],
			command(`chat --model ${VISION_MODEL_ID} "Analyze this image" --image photo.jpg`),
			`cat error.log | ${command('chat ')}"What went wrong?"`,
			`${command('chat --verbose --think --model qwen3-max ')}"Prove that sqrt(2) is irrational"`,
			[command('chat'), 'chat pane (on a terminal)'],
			[command('chat -c'), 'the last conversation, in the pane'],
			[`${command('chat -c ')}"And in Rust?"`, 'a follow-up question to it'],
			[command('chat --resume'), 'pick a saved conversation'],
			[`${command('chat --session 3f2a9c1e ')}"Shorter, please"`, 'follow up on that one (scripts)'],
			`${command('chat --usage json ')}"Hi" 2>&1 >/dev/null | tail -n1 | jq .estimate`,
		),
		paragraph(
			'The answer streams to stdout; piped stdin is added after the prompt. --verbose prints the reasoning, the token usage with its estimated cost and input tier, and the session id to stderr; --usage json gives every usage field, finish_reason and the estimate to scripts, as the last line on stderr. An answer cut off at the model\'s output limit gets a note on stderr.',
			width,
		),
		paragraph(COST_ESTIMATE_NOTE, width),
		paragraph('Ctrl+C stops the answer (exit code 130).', width),
		paragraph(`Every conversation is saved as it happens (see \`${command('sessions --help')}\`); --no-save or ${NO_SAVE_ENV_VAR}=1 saves nothing.`, width),
	);

export const RESTART_HELP: HelpText = width =>
	blocks(
		examples(width, ADVICE.exportKey(), command('restart')),
		paragraph(
			`${programName()} runs no background service, so there is nothing to restart: this command reloads ${CONFIG_FILE_NAME}, the key stores and the environment and prints the setup now in effect (the same report as \`${command('models status')}\`). Run it after exporting ${KEY_ENV_VARS.join(' or ')}, or after editing the files, to see which key, region and model will be used.`,
			width,
		),
	);

// Here rather than in doctor.ts so --help does not load the doctor checks (and the HTTP client).
export const DOCTOR_DESCRIPTION =
	'check the config, key, region, default model and file permissions, with the next step for each problem';

export const DOCTOR_HELP: HelpText = width =>
	blocks(
		examples(width, command('doctor'), command('doctor --fix'), `${command('doctor --json | jq ')}'.checks[] | select(.status != "ok")'`),
		paragraph(
			"Checks every problem in the guide's Troubleshooting: invalid key (401), wrong region, model not found (region-prefixed or Bedrock ids), environment variable not working; and that the key files and saved conversations are private (files 0600, their folders 0700). Only GET /models is sent, so no tokens are spent.",
			width,
		),
		paragraph('Exit status: 0 when there is no problem (warnings allowed), 1 when there is one.', width),
	);

export const USAGE_HELP: HelpText = width =>
	blocks(
		examples(width, command('usage'), command('usage --since 7d'), `${command('usage --since 2026-10-01 --json | jq ')}'.total'`),
		paragraph(
			`Adds up the usage saved with each answer (and each /compact) in the session store, <state dir>/${SESSIONS_LABEL}, by day (your local time) and by model and region. Dollars and yuan are never added together.`,
			width,
		),
		paragraph(COST_ESTIMATE_NOTE, width),
		paragraph('Models or regions without a known price show "no price"; their tokens are still counted.', width),
	);

export const SESSIONS_HELP: HelpText = width =>
	blocks(
		examples(
			width,
			command('sessions list'),
			command('sessions search quicksort'),
			command('sessions show 3f2a9c1e'),
			command('sessions export 3f2a9c1e > chat.md'),
			`${command('sessions export 3f2a9c1e --format json | jq ')}'.turns[].prompt'`,
			command('sessions rm 3f2a9c1e'),
			[command('chat -c'), 'go on with the last one'],
		),
		paragraph(
			`Conversations are saved as they happen in <state dir>/${SESSIONS_LABEL} (mode 0600): prompts, answers, the model, and images as a path and checksum, never the key. A session is named by its id (any unique start of it, as lists show) or by words of its title.`,
			width,
		),
		paragraph(`Delete one with \`${command('sessions rm')}\`; delete them all by removing that file.`, width),
	);

export const SESSIONS_LIST_HELP: HelpText = width => blocks(examples(width, command('sessions list'), command('sessions list -n 5 --json')));

export const SESSIONS_SHOW_HELP: HelpText = width =>
	blocks(examples(width, command('sessions show 3f2a9c1e'), [command('sessions show quicksort --json'), 'by words of its title']));

export const SESSIONS_SEARCH_HELP: HelpText = width =>
	blocks(
		examples(width, command('sessions search quicksort python'), command('sessions search 排序 --json')),
		paragraph('Every word must appear in the prompt or the answer; case does not matter, and a word may be part of a longer one (icksor finds quicksort).', width),
	);

export const SESSIONS_EXPORT_HELP: HelpText = width =>
	blocks(examples(width, command('sessions export 3f2a9c1e > chat.md'), command('sessions export "quicksort" --format json')));

export const SESSIONS_RM_HELP: HelpText = width =>
	blocks(examples(width, command('sessions rm 3f2a9c1e'), [command('sessions rm 3f2a9c1e --yes'), 'in a script']), paragraph('On a terminal it asks first; without one it needs --yes.', width));
