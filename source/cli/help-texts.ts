/**
 * The text commander prints after each command's generated --help: examples
 * first, then the facts a person needs at that moment.
 */
import {command, ADVICE, COST_ESTIMATE_NOTE, loginCommand, type Advice} from '../core/messages.js';
import {VISION_MODEL_ID} from '../core/models.js';
import {REGIONS} from '../core/regions.js';
import {wrapWords} from '../core/text/wrap.js';
import {formatTable} from './text-table.js';

/** Width the troubleshooting text wraps at. */
const HELP_WIDTH = 92;

/** The troubleshooting guide, in messages.ts's own words (so the help cannot drift from the errors). */
function troubleshooting(advice: readonly Advice[]): string {
	// A `command` stays on one line, so it can be copied whole: no-break spaces hold it together, and it may run past the width.
	const unbroken = (text: string) => text.replace(/`[^`]*`/g, command => command.replaceAll(' ', '\u00A0'));
	const indent = (text: string) =>
		wrapWords(unbroken(text), HELP_WIDTH - 6, {longWords: 'keep'}).map(line => `      ${line.replaceAll('\u00A0', ' ')}`);
	return advice.flatMap(entry => [`  ${entry.title}`, ...indent(entry.message), ...indent(`Next step: ${entry.nextStep}`)]).join('\n');
}

/** QWEN_<REGION>_BASE_URL for every region, explained once. */
function baseUrlEnvLines(): string {
	const notes = ["send a region's requests elsewhere (proxy, gateway);", 'openclaw.json keeps the canonical endpoint'];
	return REGIONS.map((region, index) => `  ${region.baseUrlEnv.padEnd(22)} ${notes[index] ?? ''}`.trimEnd()).join('\n');
}

export function examples(...lines: string[]): string {
	return `\nExamples:\n${lines.map(line => (line.startsWith('#') ? `  ${line}` : `  $ ${line}`)).join('\n')}\n`;
}

export const ROOT_HELP = `${examples(
	`${loginCommand()}     # set up a DashScope key`,
	`${command('chat ')}"Hello, write a quicksort algorithm"`,
	`${command('chat --model qwen3-coder ')}"Implement binary search"`,
	command(`chat --model ${VISION_MODEL_ID} "Analyze this image" --image photo.jpg`),
	`git diff | ${command('chat ')}"Review this change"`,
	`${command('models list')}`,
	`${command('models status --probe')}`,
	`${command('doctor                                        # check config, key, region, permissions')}`,
)}
With no arguments on a terminal, openclaw opens the setup wizard (no key yet) or the chat pane.

Environment:
  QWEN_API_KEY           DashScope key; wins over DASHSCOPE_API_KEY and the saved profile
  DASHSCOPE_API_KEY      DashScope key, used when QWEN_API_KEY is not set
  OPENCLAW_STATE_DIR     state directory (default ~/.openclaw)
  OPENCLAW_CONFIG_PATH   main config file (default <state dir>/openclaw.json)
  OPENCLAW_AGENT_DIR     agent directory holding auth-profiles.json (default <state dir>/agents/main/agent)
  OPENCLAW_HOME          home directory used instead of HOME
  OPENCLAW_TIMEOUT_MS    connect and idle timeout for requests in ms (default 30000)
${baseUrlEnvLines()}
  QWEN_OAUTH_BASE_URL    Qwen OAuth sign-in server (default https://chat.qwen.ai)
  OPENCLAW_NO_BROWSER    1: show the Qwen OAuth link and QR code, do not open a browser
  OPENCLAW_TERMINAL_REFLOW
                         1 or 0: the terminal rewraps lines on a resize, or not (default: guessed)
  OPENCLAW_DEBUG         print stack traces for unexpected errors
  NO_COLOR               plain output without colours

Files:
  ~/.openclaw/openclaw.json                          provider entry (models.providers.qwen-portal) and default model
  ~/.openclaw/agents/main/agent/auth-profiles.json   the saved key (profile qwen-portal:default, mode 0600)

Troubleshooting:
${troubleshooting([ADVICE.invalidKey(), ADVICE.timeout(), ADVICE.modelNotFound(), ADVICE.envVarNotWorking()])}
`;

export const MODELS_HELP = examples(
	`${command('models list')}`,
	`${command('models status --probe')}`,
	`${command('models set qwen3-coder')}`,
	loginCommand(),
);

export const MODELS_LIST_HELP = `${examples(`${command('models list')}`, `${command('models list --json | jq -r ')}".models[].id"`)}
The registry is the curated part of the picture; a key's region may serve more models
(any id DashScope accepts works with --model).
`;

export const MODELS_STATUS_HELP = `${examples(`${command('models status')}`, `${command('models status --probe')}`, `${command('models status --json')}`)}
Shows where the key comes from (QWEN_API_KEY, DASHSCOPE_API_KEY or the saved profile), the key
masked to its last 4 characters, the region and base URL, and the default model.
--probe asks the region for its model list (GET /models, spends no tokens) and reports
ok, invalid key, wrong region (naming the right one) or unreachable; it exits 1 unless ok.
`;

export const MODELS_SET_HELP = `${examples(`${command('models set qwen3-coder-plus')}`, `${command('models set qwen          # alias of qwen-plus')}`, `${command('models set qwen3-max')}`, `${command('models set qwen3.5-plus  # not in the registry: checked with the region')}`)}
Writes agents.defaults.model.primary in openclaw.json (keeping every other key; a backup
openclaw.json.bak is kept before each change).
Registry ids and aliases are saved at once. Any other id is first looked up in your region's
model list (GET /models, no tokens spent): if the region does not serve it, nothing is saved
and the closest ids it does serve are named; --force saves it without checking. Without a key,
or when the region cannot be reached, the id is saved with a note that it was not checked.
`;

export const AUTH_HELP = examples(loginCommand());

export const AUTH_LOGIN_HELP = `${examples(
	`${loginCommand()}                    # interactive wizard`,
	`${loginCommand()} --region cn`,
	'# without a terminal (CI, scripts) the key is read from stdin:',
	`printf %s "$DASHSCOPE_API_KEY" | ${loginCommand()} --region intl`,
	`${loginCommand()} --region intl --model qwen3-max < key.txt`,
)}
There is no --api-key flag on purpose: a key on the command line is visible to every user
through ps and lands in your shell history. Paste it into the wizard, or pipe it on stdin.

Regions (keys are bound to the region that issued them):
${formatTable(REGIONS.map(region => [region.id, region.label, region.baseUrl]), '  ').join('\n')}

Saves the key to auth-profiles.json (profile qwen-portal:default, mode 0600) and points
models.providers.qwen-portal in openclaw.json at it.
`;

export const CHAT_HELP = `${examples(
	`${command('chat ')}"Hello, write a quicksort algorithm"`,
	`${command('chat --model qwen3-coder ')}"Implement binary search"`,
	`${command('chat --model qwen3-max ')}"Explain quantum computing"`,
	`${command('chat --model qwen ')}"General question"            # alias: qwen -> qwen-plus`,
	command(`chat --model ${VISION_MODEL_ID} "Analyze this image" --image photo.jpg`),
	`cat error.log | ${command('chat ')}"What went wrong?"`,
	`${command('chat --verbose --think --model qwen3-max ')}"Prove that sqrt(2) is irrational"`,
	`${command('chat                                             # chat pane (on a terminal')})`,
	`${command('chat -c                                          # the last conversation, in the pane')}`,
	`${command('chat -c ')}"And in Rust?"                          # a follow-up question to it`,
	`${command('chat --resume                                    # pick a saved conversation')}`,
	`${command('chat --session 3f2a9c1e ')}"Shorter, please"        # follow up on that one (scripts)`,
	`${command('chat --usage json ')}"Hi" 2>&1 >/dev/null | tail -n1 | jq .estimate`,
)}
The answer streams to stdout; piped stdin is added after the prompt. --verbose prints the
reasoning, the token usage with its estimated cost and input tier, and the session id to stderr;
--usage json gives every usage field, finish_reason and the estimate to scripts, as the last
line on stderr. An answer cut off at the model's output limit gets a note on stderr.
${wrapWords(COST_ESTIMATE_NOTE, HELP_WIDTH).join('\n')}
Ctrl+C stops the answer (exit code 130).
Every conversation is saved as it happens (see ${command('sessions --help')}); --no-save or
OPENCLAW_NO_SAVE=1 saves nothing.
`;

export const RESTART_HELP = `${examples('export QWEN_API_KEY="sk-..."', `${command('restart')}`)}
openclaw runs no background service, so there is nothing to restart: this command reloads
openclaw.json, auth-profiles.json and the environment and prints the setup now in effect
(the same report as openclaw models status). Run it after exporting QWEN_API_KEY or
DASHSCOPE_API_KEY, or after editing the files, to see which key, region and model will be used.
`;

// Here rather than in doctor.ts so --help does not load the doctor checks (and the HTTP client).
export const DOCTOR_DESCRIPTION =
	'check the config, key, region, default model and file permissions, with the next step for each problem';

export const DOCTOR_HELP = `${examples(`${command('doctor')}`, `${command('doctor --fix')}`, `${command('doctor --json | jq ')}'.checks[] | select(.status != "ok")'`)}
Checks every problem in the guide's Troubleshooting: invalid key (401), wrong region, model not found
(region-prefixed or Bedrock ids), environment variable not working; and that auth-profiles.json
is private (chmod 600). Only GET /models is sent, so no tokens are spent.
Exit status: 0 when there is no problem (warnings allowed), 1 when there is one.
`;

export const USAGE_HELP = `${examples(`${command('usage')}`, `${command('usage --since 7d')}`, `${command('usage --since 2026-10-01 --json | jq ')}'.total'`)}
Adds up the usage saved with each answer (and each /compact) in the session store,
<state dir>/openclaw-qwen/sessions.sqlite, by day (your local time) and by model and region.
Dollars and yuan are never added together.
${wrapWords(COST_ESTIMATE_NOTE, HELP_WIDTH).join('\n')}
Models or regions without a known price show "no price"; their tokens are still counted.
`;

export const SESSIONS_HELP = `${examples(
	`${command('sessions list')}`,
	`${command('sessions search quicksort')}`,
	`${command('sessions show 3f2a9c1e')}`,
	`${command('sessions export 3f2a9c1e > chat.md')}`,
	`${command('sessions export 3f2a9c1e --format json | jq ')}'.turns[].prompt'`,
	`${command('sessions rm 3f2a9c1e')}`,
	`${command('chat -c                      # go on with the last one')}`,
)}
Conversations are saved as they happen in <state dir>/openclaw-qwen/sessions.sqlite (mode 0600):
prompts, answers, the model, and images as a path and checksum, never the key. A session is
named by its id (any unique start of it, as lists show) or by words of its title.
Delete one with sessions rm; delete them all by removing that file.
`;

export const SESSIONS_SEARCH_HELP = `${examples(`${command('sessions search quicksort python')}`, `${command('sessions search 排序 --json')}`)}
Every word must appear in the prompt or the answer; case does not matter, and a word may be
part of a longer one (icksor finds quicksort).
`;

export const SESSIONS_EXPORT_HELP = examples(`${command('sessions export 3f2a9c1e > chat.md')}`, `${command('sessions export "quicksort" --format json')}`);

export const SESSIONS_RM_HELP = `${examples(`${command('sessions rm 3f2a9c1e')}`, `${command('sessions rm 3f2a9c1e --yes    # in a script')}`)}
On a terminal it asks first; without one it needs --yes.
`;
