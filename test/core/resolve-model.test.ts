import {describe, expect, it} from 'vitest';
import {resolveModel, type ModelResolution} from '../../source/core/resolve-model.js';

function accepted(result: ModelResolution) {
	if (!result.ok) throw new Error(`expected ok, got refusal: ${result.message}`);
	return result;
}

function refused(result: ModelResolution) {
	if (result.ok) throw new Error(`expected refusal, got ${result.id} via ${result.via}`);
	return result;
}

describe('resolveModel: registry ids and aliases', () => {
	it.each([
		['qwen3-coder-plus', 'qwen3-coder-plus', 'id'],
		['qwen-plus', 'qwen-plus', 'id'],
		['qwen3-max', 'qwen3-max', 'id'],
		['qwen3-vl-plus', 'qwen3-vl-plus', 'id'],
		['  qwen-max  ', 'qwen-max', 'id'],
		['qwen', 'qwen-plus', 'alias'],
		['QWEN', 'qwen-plus', 'alias'],
		['qwen-coder', 'qwen-coder-plus', 'alias'],
		['qwen3-coder', 'qwen3-coder-plus', 'alias'],
		['Qwen3-Coder', 'qwen3-coder-plus', 'alias'],
		['qwen-portal/qwen-plus', 'qwen-plus', 'ref'],
		['qwen-portal/qwen3-coder', 'qwen3-coder-plus', 'ref'],
		['qwen-portal/QWEN', 'qwen-plus', 'ref'],
	])('%j resolves to %s via %s', (input, id, via) => {
		const result = accepted(resolveModel(input));
		expect(result.id).toBe(id);
		expect(result.via).toBe(via);
		expect(result.ref).toBe(`qwen-portal/${id}`);
		expect(result.model?.id).toBe(id);
	});

	it('active models carry no notes', () => {
		expect(accepted(resolveModel('qwen3-coder-plus')).notes).toEqual([]);
	});

	it('ids are case-sensitive: a wrong-case id is refused with the right id suggested', () => {
		const result = refused(resolveModel('Qwen-Plus'));
		expect(result.suggestion).toBe('qwen-plus');
		expect(result.message).toMatch(/case-sensitive/);
		expect(result.message).toContain('qwen-plus');
	});

	it.each([
		['qwen-turbo', '2026-10-10', 'qwen-flash'],
		['qwen-vl-plus', '2026-10-10', 'qwen3-vl-plus'],
	])('retired %s resolves with a note naming the date and %s', (input, date, replacement) => {
		const result = accepted(resolveModel(input));
		expect(result.model?.status.state).toBe('retired');
		expect(result.notes).toHaveLength(1);
		expect(result.notes[0]).toContain(date);
		expect(result.notes[0]).toContain(replacement);
	});

	it('a legacy model resolves with a note saying so', () => {
		const result = accepted(resolveModel('qwen-coder'));
		expect(result.notes.join(' ')).toMatch(/legacy/);
	});
});

describe('resolveModel: unknown ids pass through', () => {
	it('a well-formed unknown id is sent as-is with the closest registry ids named', () => {
		const result = accepted(resolveModel('qwen-plux'));
		expect(result).toMatchObject({id: 'qwen-plux', ref: 'qwen-portal/qwen-plux', via: 'passthrough'});
		expect(result.model).toBeUndefined();
		expect(result.notes).toHaveLength(1);
		const note = result.notes[0] ?? '';
		expect(note).toMatch(/not in .*registry/);
		expect(note).toMatch(/as-is/);
		expect(note).toContain('qwen-plus');
		const named = /Closest registry ids: (.*)\./.exec(note)?.[1]?.split(', ') ?? [];
		expect(named.length).toBeGreaterThan(0);
		expect(named.length).toBeLessThanOrEqual(3);
		expect(named[0]).toBe('qwen-plus');
	});

	it('newer DashScope ids with dots and colons are allowed through', () => {
		expect(accepted(resolveModel('qwen3.6-plus')).via).toBe('passthrough');
		expect(accepted(resolveModel('qwen-plus-2025-07-28')).id).toBe('qwen-plus-2025-07-28');
		expect(accepted(resolveModel('qwen-portal/qwen3.5-plus'))).toMatchObject({
			id: 'qwen3.5-plus',
			ref: 'qwen-portal/qwen3.5-plus',
			via: 'passthrough',
		});
	});

	it('names no far-fetched "closest" ids for something unrelated', () => {
		const note = accepted(resolveModel('llama-3.1-405b-instruct')).notes[0] ?? '';
		expect(note).not.toMatch(/Closest/);
		expect(note).not.toContain('retired');
	});

	it('never suggests retired models as closest', () => {
		const note = accepted(resolveModel('qwen-turbos')).notes[0] ?? '';
		expect(note).not.toContain('qwen-turbo,');
		expect(note).not.toMatch(/qwen-turbo\b(?!s)/);
	});
});

describe('resolveModel: refusals', () => {
	it.each([
		['', /No model given/],
		['   ', /No model given/],
		['qwen-portal/', /No model given/],
		['q'.repeat(129), /129 characters.*at most 128/],
		['qwen plus', /letters, digits.*a space/],
		['qwen-plus!', /"!"/],
		['qwen–plus', /U\+2013/],
		['qwen-portal/a/b', /one provider prefix/],
	])('%j is refused: %s', (input, message) => {
		const result = refused(resolveModel(input));
		expect(result.message).toMatch(message);
	});

	it('accepts exactly 128 characters', () => {
		expect(accepted(resolveModel('q'.repeat(128))).via).toBe('passthrough');
	});

	it.each([
		['qwen.qwen-plus', 'qwen-plus'],
		['qwen.qwen3-max', 'qwen3-max'],
		['QWEN.qwen3-coder', 'qwen3-coder-plus'],
		['intl.qwen-plus', 'qwen-plus'],
		['qwen-portal/qwen.qwen-plus', 'qwen-plus'],
	])('region-prefixed %s is refused, suggesting %s', (input, suggestion) => {
		const result = refused(resolveModel(input));
		expect(result.suggestion).toBe(suggestion);
		expect(result.message).toContain(suggestion);
		expect(result.message).toMatch(/prefix/);
	});

	it.each([
		['qwen.qwen3-coder-30b-a3b-v1:0', 'coding'],
		['qwen.qwen3-coder-480b-a35b-v1:0', 'coding'],
		['qwen.qwen3-32b-v1:0', 'general'],
		['qwen.qwen3-235b-a22b-2507-v1:0', 'general'],
		['some-model-v2:1', 'general'],
	])('Bedrock id %s is refused with a %s suggestion', (input, category) => {
		const result = refused(resolveModel(input));
		expect(result.message).toMatch(/not a DashScope id/);
		expect(result.message).toMatch(/Bedrock/);
		const coding = ['qwen3-coder-plus', 'qwen3-coder-flash'];
		const general = ['qwen3-max', 'qwen-max', 'qwen-plus'];
		expect(category === 'coding' ? coding : general).toContain(result.suggestion);
		expect(result.message).toContain(result.suggestion);
	});

	it('another provider prefix is refused by name', () => {
		const result = refused(resolveModel('openai/gpt-4o'));
		expect(result.message).toMatch(/"openai\/" is another provider/);
		expect(result.message).toContain('qwen-portal');
		expect(result.suggestion).toBeUndefined();
	});

	it('another provider prefix before a known Qwen model suggests that model', () => {
		const result = refused(resolveModel('qwen/qwen3-coder'));
		expect(result.suggestion).toBe('qwen3-coder-plus');
		expect(result.message).toContain('qwen3-coder-plus');
	});
});

describe('resolveModel: DashScope vs OAuth portal', () => {
	it.each(['coder-model', 'vision-model', 'qwen-portal/coder-model'])(
		'portal model %s needs OAuth under the default provider',
		input => {
			const result = refused(resolveModel(input));
			expect(result.message).toMatch(/OAuth/);
			expect(result.message).toMatch(/models auth login/);
		},
	);

	it.each([
		['coder-model', 'id'],
		['vision-model', 'id'],
		['qwen-portal/vision-model', 'ref'],
	])('portal provider resolves %s', (input, via) => {
		const result = accepted(resolveModel(input, {provider: 'portal'}));
		expect(result.via).toBe(via);
		expect(result.model?.provider).toBe('portal');
	});

	it.each([
		['qwen-plus', 'coder-model'],
		['qwen', 'coder-model'],
		['qwen3-vl-plus', 'vision-model'],
		['qwen3.6-plus', 'coder-model'],
		['qwen-portal/qwen3-coder-plus', 'coder-model'],
	])('portal provider refuses %s, naming the two portal models', (input, suggestion) => {
		const result = refused(resolveModel(input, {provider: 'portal'}));
		expect(result.message).toMatch(/OAuth portal serves only coder-model and vision-model/);
		expect(result.suggestion).toBe(suggestion);
	});

	it('portal provider still refuses malformed input with the shape message', () => {
		expect(refused(resolveModel('', {provider: 'portal'})).message).toMatch(/No model given/);
	});
});
