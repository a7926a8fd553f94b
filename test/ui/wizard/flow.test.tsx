/**
 * The whole wizard against the real core: real HTTP to the fake DashScope
 * server, real files in a temp HOME.
 */
import fs from 'node:fs';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {TEST_KEYS} from '../../support/fake-dashscope.js';
import {coreServices} from '../../../source/ui/wizard/run-wizard.js';
import {WizardApp} from '../../../source/ui/wizard/wizard-app.js';
import type {WizardOutcome} from '../../../source/ui/wizard/outcome.js';
import {bracketedPaste, KEYS, renderTerminal, type Terminal} from '../../support/ink-terminal.js';
import {freshFakeDashScopeHome} from '../../support/fresh-fake-dashscope-home.js';

const BAD_KEY = 'sk-test0000bad00000000000000000000';

const {fake, home} = freshFakeDashScopeHome();
let terminal: Terminal | undefined;

// Runs before the server and home go (after-hooks run last-registered first).
afterEach(() => {
	terminal?.unmount();
	terminal = undefined;
});

async function startWizard(options: {env?: Record<string, string>; probeTimeoutMs?: number} = {}) {
	const onExit = vi.fn<(outcome: WizardOutcome) => void>();
	const env = {...home.env, ...options.env};
	terminal = await renderTerminal(
		<WizardApp
			services={coreServices(env, home.paths, {probeTimeoutMs: options.probeTimeoutMs ?? 2000})}
			home={home.home}
			onExit={onExit}
		/>,
	);
	return {t: terminal, onExit};
}

/** Method (API key) → region (nth in the list) → key pasted → Enter. */
async function enterKey(t: Terminal, key: string, regionDowns = 0) {
	await t.waitFor('Step 1 of 5');
	await t.press(KEYS.enter);
	await t.waitFor('Step 2 of 5 · Region');
	for (let index = 0; index < regionDowns; index++) await t.press(KEYS.down);
	await t.press(KEYS.enter);
	await t.waitFor('Step 3 of 5 · API key');
	await t.press(bracketedPaste(key));
	await t.waitFor('Looks like a key');
	await t.press(KEYS.enter);
}

const nothingWritten = () => {
	expect(fs.existsSync(home.paths.configPath)).toBe(false);
	expect(fs.existsSync(home.credentialsPath)).toBe(false);
};

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('wizard flow against the fake server', () => {
	test('a right key: picks a model, writes both files at the end, and can go on to chat', async () => {
		const {t, onExit} = await startWizard();
		await enterKey(t, TEST_KEYS.intl);
		await t.waitFor('Step 5 of 5 · Default model');
		expect(t.frame()).toMatch(/Your key sees \d+ models in International \(Singapore\)/);
		// Not yet: nothing is written before the last step.
		nothingWritten();
		await t.type('qwen-plus');
		await t.press(KEYS.enter);
		await t.waitFor('Qwen is set up');
		expect(t.frame()).toContain('Default model  qwen-plus (qwen-portal/qwen-plus)');

		const config = home.readConfig() as any;
		expect(config.models.providers['qwen-portal']).toMatchObject({
			baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
			apiKey: {source: 'file', provider: 'openclaw-qwen', id: '/profiles/qwen-portal:default/key'},
			api: 'openai-completions',
		});
		expect(config.agents.defaults.model.primary).toBe('qwen-portal/qwen-plus');
		expect((home.readCredentials() as any).profiles['qwen-portal:default']).toEqual({
			type: 'api_key',
			provider: 'qwen-portal',
			key: TEST_KEYS.intl,
		});
		expect(mode(home.credentialsPath)).toBe(0o600);
		expect(mode(home.paths.configPath)).toBe(0o600);

		await t.press(KEYS.enter);
		expect(onExit).toHaveBeenCalledWith(expect.objectContaining({kind: 'saved', modelId: 'qwen-plus', startChat: true}), expect.anything());
		expect(t.history()).not.toContain(TEST_KEYS.intl);
	});

	test('a wrong-region key: names its region, switches to it and saves that region', async () => {
		const {t, onExit} = await startWizard();
		await enterKey(t, TEST_KEYS.cn);
		await t.waitFor('This key belongs to China (Beijing)');
		await t.press(KEYS.enter);
		await t.waitFor('models in China (Beijing)');
		await t.press(KEYS.enter);
		await t.waitFor('Qwen is set up');
		await t.press(KEYS.down, KEYS.enter);
		expect(onExit).toHaveBeenCalledWith(expect.objectContaining({kind: 'saved', startChat: false}), expect.anything());
		expect((home.readConfig() as any).models.providers['qwen-portal'].baseUrl).toBe(
			'https://dashscope.aliyuncs.com/compatible-mode/v1',
		);
	});

	test('a bad key: the Invalid API Key advice, back to key entry, nothing written', async () => {
		const {t, onExit} = await startWizard();
		await enterKey(t, BAD_KEY);
		await t.waitFor('Invalid API key');
		nothingWritten();
		await t.press(KEYS.enter);
		await t.waitFor('Step 3 of 5 · API key');
		// "Re-enter" starts from an empty field: a masked key cannot be corrected by eye.
		expect(t.frame()).not.toContain('•');
		await t.press(KEYS.ctrlC);
		expect(onExit).toHaveBeenCalledWith({kind: 'cancelled'}, {});
		nothingWritten();
	});

	test('a timeout: the connection advice; try again reaches the server', async () => {
		fake.enqueueModels({kind: 'hang'});
		const {t} = await startWizard({probeTimeoutMs: 300});
		await enterKey(t, TEST_KEYS.intl);
		await t.waitFor('Save without checking', 10_000);
		expect(t.frame()).toContain('timed out');
		await t.press(KEYS.enter);
		await t.waitFor('Step 5 of 5 · Default model', 10_000);
	});

	test('no network: save without checking still writes a working setup', async () => {
		const {t, onExit} = await startWizard({env: {QWEN_INTL_BASE_URL: 'http://127.0.0.1:9/compatible-mode/v1'}});
		await enterKey(t, TEST_KEYS.intl);
		await t.waitFor('Save without checking');
		await t.press(KEYS.down, KEYS.enter);
		await t.waitFor('Not checked');
		await t.press(KEYS.enter);
		await t.waitFor('Qwen is set up');
		await t.press(KEYS.escape);
		expect(onExit).toHaveBeenCalledWith(expect.objectContaining({kind: 'saved', modelId: 'qwen3-coder-plus'}), expect.anything());
		// The canonical endpoint is written, never the override.
		expect((home.readConfig() as any).models.providers['qwen-portal'].baseUrl).toBe(
			'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
		);
	});

	test('Esc cancels a running check and goes back to the key', async () => {
		fake.enqueueModels({kind: 'hang'});
		const {t} = await startWizard({probeTimeoutMs: 20_000});
		await enterKey(t, TEST_KEYS.intl);
		await t.waitFor('Checking sk-…0000');
		await t.press(KEYS.escape);
		await t.waitFor('Step 3 of 5 · API key', 1000);
		nothingWritten();
	});

	test('Esc walks back through the steps with the answers kept', async () => {
		const {t} = await startWizard();
		await enterKey(t, TEST_KEYS.hk, 3);
		await t.waitFor('models in China (Hong Kong)');
		await t.press(KEYS.escape);
		await t.waitFor('Step 3 of 5 · API key');
		expect(t.frame()).toContain('✓ Looks like a key: sk-…0000');
		await t.press(KEYS.escape);
		await t.waitFor('Step 2 of 5 · Region');
		expect(t.frame()).toContain('❯ China (Hong Kong)');
	});

	describe('Ctrl+C leaves the files exactly as they were', () => {
		const before = '// hand-written\n{agents: {defaults: {model: {primary: "qwen-portal/qwen-max"}}}}\n';
		const steps: Array<[string, (t: Terminal) => Promise<void>]> = [
			['method', async t => t.waitFor('Step 1 of 5').then(() => {})],
			['region', async t => t.press(KEYS.enter)],
			['key', async t => {
				await t.press(KEYS.enter);
				await t.waitFor('Region');
				await t.press(KEYS.enter);
				await t.press(bracketedPaste(TEST_KEYS.intl));
			}],
			['check', async t => {
				fake.enqueueModels({kind: 'hang'});
				await enterKey(t, TEST_KEYS.intl);
				await t.waitFor('Checking');
			}],
			['model', async t => {
				await enterKey(t, TEST_KEYS.intl);
				await t.waitFor('Default model');
			}],
		];

		for (const [step, reach] of steps) {
			test(`at the ${step} step`, async () => {
				home.writeConfig(before);
				const {t, onExit} = await startWizard();
				await reach(t);
				await t.press(KEYS.ctrlC);
				expect(onExit).toHaveBeenCalledWith({kind: 'cancelled'}, {});
				expect(fs.readFileSync(home.paths.configPath, 'utf8')).toBe(before);
				expect(fs.existsSync(home.credentialsPath)).toBe(false);
				expect(fs.readdirSync(home.paths.stateDir)).toEqual(['openclaw.json']);
			});
		}
	});
});
