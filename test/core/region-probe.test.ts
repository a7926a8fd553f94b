import net from 'node:net';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {getRegion} from '../../source/core/regions.js';
import {probeKey, probeSetup} from '../../source/core/region-probe.js';
import {TEST_KEYS, startFakeDashScope} from '../support/fake-dashscope.ts';
import type {FakeDashScope} from '../support/fake-dashscope.ts';
import {closedPort} from '../support/closed-port.ts';

let server: FakeDashScope;

beforeEach(async () => {
	server = await startFakeDashScope();
});

afterEach(async () => {
	await server.close();
});

describe('probeKey', () => {
	it('accepts a key in its own region and returns the region ids', async () => {
		const probe = await probeKey(TEST_KEYS.cn, 'cn', {env: server.env});
		expect(probe.status).toBe('ok');
		if (probe.status !== 'ok') return;
		expect(probe.region.id).toBe('cn');
		expect(probe.modelIds).toContain('qwen-coder-plus');
		expect(server.requests).toHaveLength(1);
	});

	it('names the region that accepts a key sent to the wrong one', async () => {
		const probe = await probeKey(TEST_KEYS.intl, 'cn', {env: server.env});
		expect(probe.status).toBe('wrong_region');
		if (probe.status !== 'wrong_region') return;
		expect(probe.region.id).toBe('cn');
		expect(probe.belongsTo.id).toBe('intl');
		expect(probe.modelIds).toContain('qwen3-coder-plus');
		expect(probe.error.kind).toBe('wrong_region');
		expect(probe.error.message).toContain('International (Singapore)');
		expect(server.requests.filter(request => request.authorized).map(request => request.region)).toEqual(['intl']);
	});

	it('reports invalid_key with its advice when no region accepts the key', async () => {
		const probe = await probeKey('sk-test0000nowhere0000000000000000', 'intl', {env: server.env});
		expect(probe.status).toBe('invalid_key');
		if (probe.status !== 'invalid_key') return;
		expect(probe.error.kind).toBe('invalid_key');
		expect(probe.error.message).toContain('sk-');
		expect(probe.refusedBy.map(region => region.id)).toEqual(['intl', 'cn', 'us', 'hk']);
		expect(probe.unreachableRegions).toEqual([]);
		expect(server.requests).toHaveLength(4);
	});

	it('tells the regions that refused the key from those that could not be reached', async () => {
		const port = await closedPort();
		const env = {...server.env, QWEN_HK_BASE_URL: `http://127.0.0.1:${port}/compatible-mode/v1`};
		const probe = await probeKey('sk-test0000nowhere0000000000000000', 'intl', {env});
		expect(probe.status).toBe('invalid_key');
		if (probe.status !== 'invalid_key') return;
		expect(probe.refusedBy.map(region => region.id)).toEqual(['intl', 'cn', 'us']);
		expect(probe.unreachableRegions.map(entry => [entry.region.id, entry.error.kind])).toEqual([['hk', 'network']]);
	});

	it('counts a region that times out as unreached, not as refusing', async () => {
		// Accepts connections and never answers.
		const sockets = new Set<net.Socket>();
		const slow = net.createServer(socket => sockets.add(socket));
		await new Promise<void>(resolve => slow.listen(0, '127.0.0.1', resolve));
		try {
			const {port} = slow.address() as net.AddressInfo;
			const env = {...server.env, QWEN_CN_BASE_URL: `http://127.0.0.1:${port}/compatible-mode/v1`};
			const probe = await probeKey('sk-test0000nowhere0000000000000000', 'intl', {env, timeoutMs: 300});
			expect(probe.status).toBe('invalid_key');
			if (probe.status !== 'invalid_key') return;
			expect(probe.refusedBy.map(region => region.id)).toEqual(['intl', 'us', 'hk']);
			expect(probe.unreachableRegions.map(entry => [entry.region.id, entry.error.kind])).toEqual([['cn', 'timeout']]);
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => slow.close(resolve));
		}
	});

	it('reports an unreachable region (closed port) without asking the others', async () => {
		const env = server.env;
		await server.close();
		const probe = await probeKey(TEST_KEYS.intl, 'intl', {env});
		expect(probe.status).toBe('unreachable');
		if (probe.status !== 'unreachable') return;
		expect(probe.error.kind).toBe('network');
		expect(probe.error.title).toBe('Connection refused');
	});

	it('reports a region that does not answer in time as unreachable with timeout advice', async () => {
		server.enqueueModels({kind: 'hang'});
		const probe = await probeKey(TEST_KEYS.intl, 'intl', {env: server.env, timeoutMs: 200});
		expect(probe.status).toBe('unreachable');
		if (probe.status !== 'unreachable') return;
		expect(probe.error.kind).toBe('timeout');
		expect(probe.error.nextStep).toContain('--probe');
	});

	it('throws an aborted DashScopeError when the signal aborts', async () => {
		server.enqueueModels({kind: 'hang'});
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 50);
		await expect(probeKey(TEST_KEYS.intl, 'intl', {env: server.env, signal: controller.signal})).rejects.toMatchObject({
			classified: {kind: 'aborted'},
		});
	});

	it('never records the key', async () => {
		await probeKey(TEST_KEYS.hk, 'us', {env: server.env});
		expect(JSON.stringify(server.requests)).not.toContain(TEST_KEYS.hk);
	});
});

describe('probeSetup', () => {
	it('asks a region as probeKey does, naming the region a key belongs to', async () => {
		const probe = await probeSetup({key: TEST_KEYS.intl, region: getRegion('cn'), requestBaseUrl: server.env['QWEN_CN_BASE_URL']!}, {env: server.env});
		expect(probe).toMatchObject({endpoint: 'region', status: 'wrong_region', belongsTo: {id: 'intl'}});
	});

	it('asks a custom endpoint alone: its list when it takes the key, its refusal without asking any region', async () => {
		const gateway = server.env['QWEN_INTL_BASE_URL']!;
		const accepted = await probeSetup({key: TEST_KEYS.intl, requestBaseUrl: gateway}, {env: server.env});
		expect(accepted).toMatchObject({endpoint: 'custom', host: new URL(gateway).host, status: 'ok'});
		expect(accepted.status === 'ok' && accepted.modelIds).toContain('qwen3-coder-plus');

		const refused = await probeSetup({key: TEST_KEYS.cn, requestBaseUrl: gateway}, {env: server.env});
		expect(refused).toMatchObject({endpoint: 'custom', status: 'invalid_key', error: {kind: 'invalid_key'}});
		expect(server.requests).toHaveLength(2);
	});

	it('says a custom endpoint that cannot be reached is unreachable', async () => {
		const port = await closedPort();
		const probe = await probeSetup({key: TEST_KEYS.intl, requestBaseUrl: `http://127.0.0.1:${port}/v1`}, {env: server.env});
		expect(probe).toMatchObject({endpoint: 'custom', status: 'unreachable', error: {kind: 'network'}});
	});
});
