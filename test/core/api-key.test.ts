import {describe, expect, it} from 'vitest';
import {maskKey, validateApiKey, type KeyProblem, type KeyValidation} from '../../source/core/api-key.js';

const KEY = 'sk-test0000intl00000000000000000a';
const WORKSPACE_KEY = 'sk-ws-H.ABCDEFG.ab12.dGVzdDAwMDBmYWtlX3dvcmtzcGFjZS1rZXk';
const ESC = '\u001b';

function accepted(result: KeyValidation) {
	if (!result.ok) throw new Error(`expected ok, got ${result.problem}: ${result.message}`);
	return result;
}

function refused(result: KeyValidation) {
	if (result.ok) throw new Error('expected a refusal, got ok');
	return result;
}

describe('validateApiKey: accepted keys', () => {
	it.each([
		['a plain sk- key', KEY],
		['a 32-hex key', 'sk-0000000000000000000000000000cdef'],
		['a short non-hex key', 'sk-test0000'],
		['a workspace key with dots and base64url', WORKSPACE_KEY],
		['a key with _ and -', 'sk-test0000_fake-key_0000'],
		['exactly 256 characters', `sk-${'0'.repeat(253)}`],
	])('%s', (_name, key) => {
		expect(accepted(validateApiKey(key))).toEqual({ok: true, key, notes: []});
	});
});

describe('validateApiKey: paste junk is cleaned and noted', () => {
	it.each([
		['surrounding spaces', `   ${KEY}  `, /spaces or line breaks/],
		['a trailing newline', `${KEY}\n`, /line breaks/],
		['CRLF at both ends', `\r\n${KEY}\r\n`, /line breaks/],
		['double quotes', `"${KEY}"`, /quotes/],
		['single quotes', `'${KEY}'`, /quotes/],
		['backticks', `\`${KEY}\``, /quotes/],
		['a lone leading quote', `"${KEY}`, /quotes/],
		['bracketed-paste markers', `${ESC}[200~${KEY}${ESC}[201~`, /bracketed-paste/],
		['bare bracketed-paste remnants', `[200~${KEY}[201~`, /bracketed-paste/],
		['export QWEN_API_KEY=', `export QWEN_API_KEY=${KEY}`, /QWEN_API_KEY=/],
		['QWEN_API_KEY= without export', `QWEN_API_KEY=${KEY}`, /QWEN_API_KEY=/],
		['DASHSCOPE_API_KEY=', `DASHSCOPE_API_KEY=${KEY}`, /DASHSCOPE_API_KEY=/],
		['Bearer', `Bearer ${KEY}`, /Bearer/],
		['Authorization: Bearer', `Authorization: Bearer ${KEY}`, /Bearer/],
		['a trailing semicolon', `${KEY};`, /";"/],
	])('%s', (_name, raw, note) => {
		const result = accepted(validateApiKey(raw));
		expect(result.key).toBe(KEY);
		expect(result.notes.join(' ')).toMatch(note);
	});

	it('peels nested junk: a quoted export line inside a bracketed paste with a newline', () => {
		const result = accepted(validateApiKey(`${ESC}[200~export QWEN_API_KEY="${KEY}"\n${ESC}[201~`));
		expect(result.key).toBe(KEY);
		const notes = result.notes.join(' ');
		expect(notes).toMatch(/bracketed-paste/);
		expect(notes).toMatch(/QWEN_API_KEY=/);
		expect(notes).toMatch(/quotes/);
	});

	it('cleans a quoted workspace key without touching its dots', () => {
		expect(accepted(validateApiKey(`'${WORKSPACE_KEY}'\n`)).key).toBe(WORKSPACE_KEY);
	});

	it('notes never contain the key', () => {
		const result = accepted(validateApiKey(`export DASHSCOPE_API_KEY="${KEY}"`));
		for (const note of result.notes) expect(note).not.toContain('test0000');
	});
});

describe('validateApiKey: refusals', () => {
	const cases: Array<[string, string, KeyProblem, RegExp]> = [
		['empty input', '', 'empty', /No API key/],
		['only whitespace', ' \n\t ', 'empty', /No API key/],
		['only quotes', '""', 'empty', /No API key/],
		['only paste markers', `${ESC}[200~${ESC}[201~`, 'empty', /No API key/],
		['an assignment with nothing after it', 'export QWEN_API_KEY=', 'empty', /No API key/],
		['no sk- prefix', 'test0000intl00000000000000000a', 'missing_prefix', /start with "sk-".*Model Studio/],
		['an uppercase SK- prefix', 'SK-test0000intl00000000000000000a', 'missing_prefix', /"sk-"/],
		['an OpenAI-style project key look', 'pk-test0000', 'missing_prefix', /"sk-"/],
		['a space inside', 'sk-test0000 intl0000', 'inner_whitespace', /space or line break.*character 12/],
		['a line break inside', 'sk-test0000\nintl0000', 'inner_whitespace', /line break/],
		['a tab inside', 'sk-test0000\tintl0000', 'inner_whitespace', /space or line break/],
		['a no-break space inside', 'sk-test0000\u00a0intl0000', 'inner_whitespace', /space/],
		['an ESC inside', `sk-test0000${ESC}[Aintl`, 'control_chars', /control character at character 12/],
		['a NUL inside', 'sk-test0000\u0000intl', 'control_chars', /control character/],
		['a DEL inside', 'sk-test0000\u007fintl', 'control_chars', /control character/],
		['a Cyrillic s look-alike', '\u0455k-test0000intl0000', 'non_ascii', /Cyrillic.*U\+0455.*character 1\b|character 1\b.*Cyrillic/],
		['a Cyrillic o look-alike inside', 'sk-test\u043e000intl', 'non_ascii', /Cyrillic/],
		['fullwidth letters', '\uff53\uff4b-test0000', 'non_ascii', /fullwidth/],
		['a zero-width space at the end', `${KEY}\u200b`, 'non_ascii', /zero-width.*U\+200B/],
		['a zero-width joiner inside', 'sk-test\u200d0000', 'non_ascii', /zero-width/],
		['a BOM-like zero-width no-break space inside', 'sk-test\ufeff0000', 'inner_whitespace', /space/],
		['an en dash instead of -', 'sk\u2013test0000', 'non_ascii', /dash/],
		['a shortened key with an ellipsis', 'sk-…a1b2', 'non_ascii', /ellipsis/],
		['257 characters', `sk-${'0'.repeat(254)}`, 'too_long', /257 characters/],
		['a 10 KB paste of a log', `sk-test0000 ${'log line with words\n'.repeat(512)}`, 'too_long', /10251 characters.*Paste only the key/],
		['a 10 KB run of key characters', `sk-${'a0'.repeat(5120)}`, 'too_long', /10243 characters/],
		['a Coding Plan key', 'sk-sp-test0000codingplan00000000', 'coding_plan_key', /Coding Plan/],
	];

	it.each(cases)('%s', (_name, raw, problem, message) => {
		const result = refused(validateApiKey(raw));
		expect(result.problem).toBe(problem);
		expect(result.message).toMatch(message);
	});

	it('the Coding Plan message names its own host and the way forward', () => {
		const result = refused(validateApiKey('  "sk-sp-test0000codingplan00000000"  '));
		expect(result.message).toContain('https://coding-intl.dashscope.aliyuncs.com/v1');
		expect(result.message).toMatch(/pay-as-you-go/);
		expect(result.message).toMatch(/Model Studio API key/);
	});

	it.each(cases)('the message for %s never contains the key', (_name, raw) => {
		const {message} = refused(validateApiKey(raw));
		expect(message).not.toContain('test0000');
		expect(message).not.toContain('codingplan');
		expect(message).not.toContain('intl0000');
	});
});

describe('maskKey', () => {
	it.each([
		[KEY, 'sk-…000a'],
		['sk-0000000000000000000000000000cdef', 'sk-…cdef'],
		[WORKSPACE_KEY, 'sk-…ZXk'.replace('ZXk', WORKSPACE_KEY.slice(-4))],
		[`  ${KEY}\n`, 'sk-…000a'],
		['sk-short', 'sk-…'],
		['sk-', 'sk-…'],
		['', '…'],
		['no-prefix-but-long-enough-value', '…alue'],
	])('%j -> %j', (key, masked) => {
		expect(maskKey(key)).toBe(masked);
	});

	it('never shows more than the last four characters', () => {
		const masked = maskKey(KEY);
		expect(masked.replace('sk-…', '')).toHaveLength(4);
		expect(masked).not.toContain('test');
	});
});
