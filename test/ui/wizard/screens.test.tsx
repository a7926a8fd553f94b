import React, {useReducer} from 'react';
import {validateApiKey} from '../../../source/core/api-key.js';
import {emptyField, type FieldEdit, type FieldState} from '../../../source/ui/components/text-field.js';
import {editKeyField, pasteIntoKeyField} from '../../../source/ui/wizard/key-draft.js';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {getRegion} from '../../../source/core/regions.js';
import {AuthMethodScreen} from '../../../source/ui/wizard/screens/auth-method-screen.js';
import {CheckScreen} from '../../../source/ui/wizard/screens/check-screen.js';
import {DoneScreen} from '../../../source/ui/wizard/screens/done-screen.js';
import {KeyEntryScreen} from '../../../source/ui/wizard/screens/key-entry-screen.js';
import {OAuthDoneScreen} from '../../../source/ui/wizard/screens/oauth-done-screen.js';
import {RegionScreen} from '../../../source/ui/wizard/screens/region-screen.js';
import type {EnvKeyOffer} from '../../../source/ui/wizard/env-key.js';
import type {CheckState} from '../../../source/ui/wizard/machine.js';
import {bracketedPaste, KEYS, renderTerminal, type Terminal} from '../../support/ink-terminal.js';

const KEY = 'sk-test0000intl00000000000000000abc';
const header = {app: 'openclaw · Qwen setup', title: 'Test', step: {number: 2, total: 5}};
const intl = getRegion('intl');
const cn = getRegion('cn');

/** Wrapped lines joined back into one line of words. */
const flat = (frame: string) => frame.replaceAll(/\s+/g, ' ');

let terminal: Terminal | undefined;
afterEach(() => {
	terminal?.unmount();
	terminal = undefined;
});

async function show(tree: React.ReactElement, size?: {columns?: number; rows?: number}) {
	terminal = await renderTerminal(tree, size);
	return terminal;
}

describe('AuthMethodScreen', () => {
	test('API key is first and default; the comparison table and the 2026-04-15 notice show at 80x24', async () => {
		const onChoose = vi.fn();
		const t = await show(<AuthMethodScreen {...header} initialMethod="api-key" onChoose={onChoose} />);
		const frame = t.frame();
		expect(frame).toContain('Step 2 of 5 · Test');
		expect(frame).toMatch(/❯ Qwen API Key — DashScope, paid/);
		expect(frame).toContain('Qwen OAuth — portal.qwen.ai, free tier');
		expect(frame).toMatch(/Endpoint\s+portal\.qwen\.ai\s+dashscope-intl\.aliyuncs\.com and 3 more/);
		expect(frame).toMatch(/Best for\s+Personal\/testing\s+Production\/commercial/);
		expect(flat(frame)).toContain('Note: Qwen discontinued the free OAuth tier on 2026-04-15.');
		// Said once: not again in the OAuth option's description.
		expect(flat(frame).split('discontinued')).toHaveLength(2);
		expect(flat(frame).split('2026-04-15')).toHaveLength(2);
		await t.press(KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('api-key');
		await t.press(KEYS.down, KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('oauth');
	});

	test('on a short terminal the table is one key (t) away', async () => {
		const t = await show(<AuthMethodScreen {...header} initialMethod="api-key" onChoose={() => {}} />, {rows: 16});
		expect(t.frame()).not.toContain('Rate limits');
		expect(t.frame()).toContain('t compare');
		await t.press('t');
		expect(t.frame()).toContain('Rate limits');
	});
});

describe('RegionScreen', () => {
	test('lists the four regions with hosts and hints, warns that keys are region-bound, Esc goes back', async () => {
		const onChoose = vi.fn();
		const onBack = vi.fn();
		const t = await show(<RegionScreen {...header} initialRegion="intl" onChoose={onChoose} onBack={onBack} />);
		const frame = t.frame();
		const order = ['International (Singapore)', 'China (Beijing)', 'US (Virginia)', 'China (Hong Kong)'].map(label => frame.indexOf(label));
		expect(order.every((at, index) => at > 0 && (index === 0 || at > (order[index - 1] ?? 0)))).toBe(true);
		for (const host of ['dashscope-intl.aliyuncs.com', 'dashscope.aliyuncs.com', 'dashscope-us.aliyuncs.com', 'cn-hongkong.dashscope.aliyuncs.com']) {
			expect(frame).toContain(host);
		}

		expect(frame).toContain('Keys only work in the region that issued them');
		await t.press(KEYS.down, KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('cn');
		await t.press('j', 'j', KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('hk');
		await t.press(KEYS.escape);
		expect(onBack).toHaveBeenCalledOnce();
	});
});

type FieldAction = {type: 'edit'; edit: FieldEdit} | {type: 'paste'; text: string} | {type: 'set'; text: string};

function fieldReducer(field: FieldState, action: FieldAction): FieldState {
	if (action.type === 'edit') return editKeyField(field, action.edit);
	if (action.type === 'paste') return pasteIntoKeyField(field, action.text);
	return {text: action.text, cursor: action.text.length};
}

/** The key screen with its field held the way the machine holds it: every key an edit of the latest text. */
function KeyEntryHarness({onSubmit, envKey}: {onSubmit: (key: string) => void; envKey?: EnvKeyOffer}) {
	const [field, dispatch] = useReducer(fieldReducer, emptyField);
	return (
		<KeyEntryScreen
			{...header}
			region={intl}
			field={field}
			onEdit={edit => dispatch({type: 'edit', edit})}
			onPaste={text => dispatch({type: 'paste', text})}
			onUseEnvKey={text => dispatch({type: 'set', text})}
			onSubmit={() => {
				const validation = validateApiKey(field.text);
				if (validation.ok) onSubmit(validation.key);
			}}
			onBack={() => {}}
			envKey={envKey}
		/>
	);
}

describe('KeyEntryScreen', () => {
	test('typing is masked, validated as you go, and Enter does nothing until the key is valid', async () => {
		const onSubmit = vi.fn();
		const t = await show(<KeyEntryHarness onSubmit={onSubmit} />);
		// Never split over two rows (it could not be copied): too long with its https://, it is shown whole without it.
		expect(t.frame().split('\n').map(line => line.trim())).toContain('www.alibabacloud.com/help/en/model-studio/developer-reference/get-api-key');
		await t.type('ak-12');
		expect(t.frame()).toContain('API key: •••••');
		expect(t.frame()).toContain('DashScope API keys start with "sk-"');
		await t.press(KEYS.enter);
		expect(onSubmit).not.toHaveBeenCalled();
		for (let index = 0; index < 5; index++) await t.press(KEYS.backspace);
		await t.type(KEY);
		expect(t.frame()).toContain('✓ Looks like a key: sk-…0abc');
		expect(t.history()).not.toContain(KEY.slice(3, 12));
		await t.press(KEYS.enter);
		expect(onSubmit).toHaveBeenCalledWith(KEY);
	});

	test('a bracketed paste with quotes and a trailing newline lands as just the key', async () => {
		const onSubmit = vi.fn();
		const t = await show(<KeyEntryHarness onSubmit={onSubmit} />);
		await t.press(bracketedPaste(`"${KEY}"\n`));
		expect(t.frame()).toContain('✓ Looks like a key: sk-…0abc');
		expect(t.frame()).toContain(`API key: ${'•'.repeat(KEY.length)}`);
		await t.press(KEYS.enter);
		expect(onSubmit).toHaveBeenCalledWith(KEY);
		expect(t.history()).not.toContain(KEY);
	});

	test('an unbracketed paste (one chunk with a trailing newline) lands clean too', async () => {
		const onSubmit = vi.fn();
		const t = await show(<KeyEntryHarness onSubmit={onSubmit} />);
		await t.press(`'${KEY}'\r`);
		expect(t.frame()).toContain(`API key: ${'•'.repeat(KEY.length)}`);
		await t.press(KEYS.enter);
		expect(onSubmit).toHaveBeenCalledWith(KEY);
	});

	test('offers a key from the environment, masked, on Tab', async () => {
		const onSubmit = vi.fn();
		const t = await show(<KeyEntryHarness onSubmit={onSubmit} envKey={{name: 'DASHSCOPE_API_KEY', key: KEY}} />);
		expect(t.frame()).toContain('$DASHSCOPE_API_KEY is set (sk-…0abc). Press Tab to use it.');
		await t.press(KEYS.tab, KEYS.enter);
		expect(onSubmit).toHaveBeenCalledWith(KEY);
	});
});

describe('CheckScreen', () => {
	const answered = (probe: Extract<CheckState, {status: 'answered'}>['probe']): CheckState => ({status: 'answered', attempt: 1, probe});
	const error = {kind: 'timeout' as const, title: 'Connection timed out', message: 'No answer after 8s.', nextStep: 'Try again.'};

	test('shows a spinner while checking, and Esc cancels', async () => {
		const onBack = vi.fn();
		const t = await show(
			<CheckScreen {...header} region={intl} maskedKey="sk-…0abc" check={{status: 'running', attempt: 1}} onChoose={() => {}} onBack={onBack} />,
		);
		expect(t.frame()).toContain('Checking sk-…0abc with International (Singapore)');
		expect(t.frame()).toContain('Esc cancel');
		await t.press(KEYS.escape);
		expect(onBack).toHaveBeenCalledOnce();
	});

	test('wrong region: names the region the key belongs to and offers to switch or re-enter', async () => {
		const onChoose = vi.fn();
		const t = await show(
			<CheckScreen
				{...header}
				region={intl}
				maskedKey="sk-…0abc"
				check={answered({status: 'wrong_region', region: intl, belongsTo: cn, modelIds: [], error: {...error, kind: 'wrong_region'}})}
				onChoose={onChoose}
				onBack={() => {}}
			/>,
		);
		expect(t.frame()).toContain('This key belongs to China (Beijing)');
		expect(flat(t.frame())).toContain('Keys are NOT interchangeable between regions');
		await t.press(KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('switch-region');
		await t.press(KEYS.down, KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('re-enter-key');
	});

	test('invalid everywhere: the guide’s Invalid API Key advice and a way back to the key', async () => {
		const onChoose = vi.fn();
		const t = await show(
			<CheckScreen
				{...header}
				region={intl}
				maskedKey="sk-…0abc"
				check={answered({status: 'invalid_key', region: intl, error: {...error, kind: 'invalid_key'}, refusedBy: [intl, cn, getRegion('us'), getRegion('hk')], unreachableRegions: []})}
				onChoose={onChoose}
				onBack={() => {}}
			/>,
		);
		expect(t.frame()).toContain('Invalid API key');
		expect(flat(t.frame())).toContain('starts with sk-');
		expect(flat(t.frame())).toContain('has not expired');
		expect(flat(t.frame())).toContain('Every region answered 401');
		await t.press(KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('re-enter-key');
	});

	test('refused here but another region unreachable: says so, never "every region", and offers to try again', async () => {
		const onChoose = vi.fn();
		const t = await show(
			<CheckScreen
				{...header}
				region={intl}
				maskedKey="sk-…0abc"
				check={answered({
					status: 'invalid_key',
					region: intl,
					error: {...error, kind: 'invalid_key', title: 'Invalid API key'},
					refusedBy: [intl, getRegion('us'), getRegion('hk')],
					unreachableRegions: [{region: cn, error}],
				})}
				onChoose={onChoose}
				onBack={() => {}}
			/>,
			{columns: 100},
		);
		const text = flat(t.frame());
		expect(text).toContain('International (Singapore) refused sk-…0abc; China (Beijing) could not be reached');
		expect(text).toContain('International (Singapore), US (Virginia) and China (Hong Kong) answered 401 Unauthorized');
		expect(text).toContain('Connection timed out');
		expect(text).not.toContain('Every region');
		await t.press(KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('retry-check');
	});

	test('unreachable: try again or save without checking', async () => {
		const onChoose = vi.fn();
		const t = await show(
			<CheckScreen {...header} region={intl} maskedKey="sk-…0abc" check={answered({status: 'unreachable', region: intl, error})} onChoose={onChoose} onBack={() => {}} />,
		);
		expect(t.frame()).toContain('Connection timed out');
		expect(t.frame()).toContain('Save without checking');
		await t.press(KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('retry-check');
		await t.press(KEYS.down, KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('skip-check');
	});
});

describe('DoneScreen', () => {
	const result = {
		configPath: '/home/ana/.openclaw/openclaw.json',
		authProfilesPath: '/home/ana/.openclaw/agents/main/agent/auth-profiles.json',
		modelRef: 'qwen-portal/qwen-plus',
		region: cn,
		keyWritten: true,
		configWritten: true,
	};

	test('shows what was written and offers chat or exit', async () => {
		const onChoose = vi.fn();
		const t = await show(
			<DoneScreen
				{...header}
				save={{status: 'saved', attempt: 1, result}}
				maskedKey="sk-…0abc"
				modelId="qwen-plus"
				home="/home/ana"
				chatCommand="openclaw chat"
				onChoose={onChoose}
				onRetry={() => {}}
			/>,
		);
		const frame = t.frame();
		expect(frame).toContain('~/.openclaw/openclaw.json');
		expect(frame).toContain('~/.openclaw/agents/main/agent/auth-profiles.json');
		expect(frame).toContain('sk-…0abc');
		expect(frame).toMatch(/Region\s+China \(Beijing\) · dashscope\.aliyuncs\.com/);
		expect(frame).toContain('qwen-plus (qwen-portal/qwen-plus)');
		expect(frame).toContain('openclaw chat');
		await t.press(KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('chat');
		await t.press(KEYS.down, KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('exit');
	});

	const savedFrame = async (written: {keyWritten: boolean; configWritten: boolean}) => {
		const t = await show(
			<DoneScreen
				{...header}
				save={{status: 'saved', attempt: 1, result: {...result, ...written}}}
				maskedKey="sk-…0abc"
				modelId="qwen-plus"
				home="/home/ana"
				chatCommand="openclaw chat"
				onChoose={() => {}}
				onRetry={() => {}}
			/>,
		);
		return t.frame();
	};

	test('says both files were written only when both were', async () => {
		expect(await savedFrame({keyWritten: true, configWritten: true})).toContain('✓ Qwen is set up. Both files were written.');
		const keyOnly = await savedFrame({keyWritten: true, configWritten: false});
		expect(keyOnly).toContain('The key was written; openclaw.json already had this setup.');
		expect(keyOnly).toMatch(/Config\s+~\/\.openclaw\/openclaw\.json \(unchanged\)/);
		expect(keyOnly).not.toContain('Both files');
		expect(await savedFrame({keyWritten: false, configWritten: true})).toContain('openclaw.json was written; the key was already saved.');
	});

	test('warns that an exported key variable holding another key wins over the one just saved', async () => {
		const t = await show(
			<DoneScreen
				{...header}
				save={{status: 'saved', attempt: 1, result: {...result, overriddenBy: 'QWEN_API_KEY'}}}
				maskedKey="sk-…0abc"
				modelId="qwen-plus"
				home="/home/ana"
				chatCommand="openclaw chat"
				onChoose={() => {}}
				onRetry={() => {}}
			/>,
		);
		expect(t.frame().replaceAll(/\s+/g, ' ')).toContain(
			'QWEN_API_KEY is set in this environment and takes precedence over the saved key; unset it to use the saved one, or export the new key (export QWEN_API_KEY="sk-…").',
		);
	});

	test('the same key and model again: nothing was written, and it says so', async () => {
		const frame = await savedFrame({keyWritten: false, configWritten: false});
		expect(frame).toContain('✓ Already set up with this key and model; nothing was written.');
		expect(frame).not.toContain('Qwen is set up');
		expect(frame).toMatch(/Key saved in\s+~\/\.openclaw\/agents\/main\/agent\/auth-profiles\.json \(unchanged\)/);
	});

	test('a failed save says why and Enter tries again', async () => {
		const onRetry = vi.fn();
		const t = await show(
			<DoneScreen
				{...header}
				save={{status: 'failed', attempt: 1, message: 'openclaw.json line 3, column 5: unexpected "}"'}}
				maskedKey="sk-…0abc"
				modelId="qwen-plus"
				chatCommand="openclaw chat"
				onChoose={() => {}}
				onRetry={onRetry}
			/>,
		);
		expect(t.frame()).toContain('Could not save the setup');
		expect(t.frame()).toContain('line 3, column 5');
		await t.press(KEYS.enter);
		expect(onRetry).toHaveBeenCalledOnce();
	});
});

describe('KeyEntryScreen editing after a paste', () => {
	test('Backspace works on pasted text, and pasting a whole key replaces a wrong one', async () => {
		const onSubmit = vi.fn();
		const t = await show(<KeyEntryHarness onSubmit={onSubmit} />);
		await t.press(bracketedPaste('ak-123'));
		expect(t.frame()).toContain('API key: ••••••');
		await t.press(KEYS.backspace, KEYS.backspace);
		expect(t.frame()).toMatch(/API key: ••••(?!•)/);
		await t.press(bracketedPaste(`${KEY}\n`));
		expect(t.frame()).toContain('✓ Looks like a key: sk-…0abc');
		await t.press(KEYS.enter);
		expect(onSubmit).toHaveBeenCalledWith(KEY);
	});
});

describe('OAuthDoneScreen', () => {
	const save = {
		configPath: '/home/ana/.openclaw/openclaw.json',
		authProfilesPath: '/home/ana/.openclaw/agents/main/agent/auth-profiles.json',
		backupPath: '/home/ana/.openclaw/openclaw.json.bak',
		modelRef: 'qwen-portal/coder-model',
		modelId: 'coder-model',
		baseUrl: 'https://portal.qwen.ai/v1',
		profileId: 'qwen-portal:oauth',
		expires: Date.UTC(2026, 4, 1, 12, 0),
	};
	const now = Date.UTC(2026, 4, 1, 11, 0);

	test('shows the files, the OAuth profile, the portal, coder-model and the token expiry; offers chat or exit', async () => {
		const onChoose = vi.fn();
		const t = await show(
			<OAuthDoneScreen {...header} save={save} now={now} home="/home/ana" chatCommand="openclaw chat" onChoose={onChoose} />,
		);
		const frame = t.frame();
		expect(frame).toContain('Signed in with Qwen OAuth');
		expect(frame).toMatch(/Config\s+~\/\.openclaw\/openclaw\.json/);
		expect(frame).toMatch(/Auth profile\s+~\/\.openclaw\/agents\/main\/agent\/auth-profiles\.json/);
		expect(frame).toMatch(/Sign-in\s+Qwen OAuth \(profile qwen-portal:oauth\)/);
		expect(frame).toMatch(/Portal\s+https:\/\/portal\.qwen\.ai\/v1/);
		expect(frame).toMatch(/Default model\s+coder-model \(qwen-portal\/coder-model\)/);
		expect(frame).toMatch(/Token expires\s+2026-05-01 12:00 UTC \(in 1 h 0 min\), auto-renewed/);
		expect(frame).toMatch(/Backup\s+~\/\.openclaw\/openclaw\.json\.bak/);
		expect(frame).toMatch(/❯ Start chatting now/);
		for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
		await t.press(KEYS.enter);
		expect(onChoose).toHaveBeenLastCalledWith('chat');
		await t.press(KEYS.escape);
		expect(onChoose).toHaveBeenLastCalledWith('exit');
	});
});
