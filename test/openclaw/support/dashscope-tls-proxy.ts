/**
 * Lets the real OpenClaw talk to the fake DashScope while openclaw.json keeps
 * the real https endpoints: an HTTPS proxy (HTTPS_PROXY) that answers CONNECT
 * for the DashScope hosts with a certificate from a throwaway CA made for this
 * run (trusted by the child through NODE_EXTRA_CA_CERTS), and forwards each
 * request to the fake server's path for that region.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type {Socket} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

const REGION_PATHS: Record<string, string> = {
	'dashscope-intl.aliyuncs.com': '/intl',
	'dashscope.aliyuncs.com': '/cn',
	'dashscope-us.aliyuncs.com': '/us',
	'cn-hongkong.dashscope.aliyuncs.com': '/hk',
};

export type TlsProxy = {
	/** HTTPS_PROXY, NODE_EXTRA_CA_CERTS and NO_PROXY for the real OpenClaw's environment. */
	env: Record<string, string>;
	close(): Promise<void>;
};

export async function startDashScopeTlsProxy(fakeServerUrl: string): Promise<TlsProxy> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-interop-ca-'));
	const {key, cert, ca} = makeCertificates(dir);
	const target = new URL(fakeServerUrl);

	const inner = http.createServer((request, response) => {
		const host = (request.headers.host ?? '').split(':')[0] ?? '';
		const upstream = http.request(
			{
				host: target.hostname,
				port: target.port,
				method: request.method,
				path: `${REGION_PATHS[host] ?? '/intl'}${request.url ?? '/'}`,
				headers: {...request.headers, host: target.host},
			},
			answer => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			},
		);
		upstream.on('error', error => {
			response.writeHead(502);
			response.end(String(error));
		});
		request.pipe(upstream);
	});

	const sockets = new Set<Socket>();
	const proxy = http.createServer((_request, response) => {
		response.writeHead(400);
		response.end();
	});
	proxy.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	proxy.on('connect', (_request, socket: Socket) => {
		socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		inner.emit('connection', new tls.TLSSocket(socket, {isServer: true, key, cert}));
	});
	await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
	const address = proxy.address();
	if (!address || typeof address === 'string') throw new Error('the TLS proxy has no port');

	return {
		env: {
			HTTPS_PROXY: `http://127.0.0.1:${address.port}`,
			https_proxy: `http://127.0.0.1:${address.port}`,
			NODE_EXTRA_CA_CERTS: ca,
			NO_PROXY: '',
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => proxy.close(() => resolve()));
			fs.rmSync(dir, {recursive: true, force: true});
		},
	};
}

/** A CA and a certificate for the DashScope hosts it signs, made with openssl for this run only. */
function makeCertificates(dir: string): {key: Buffer; cert: Buffer; ca: string} {
	const file = (name: string) => path.join(dir, name);
	const openssl = (...args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: 'pipe'});
	openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '1', '-subj', '/CN=openclaw interop test CA');
	openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('host.key'), '-out', file('host.csr'), '-subj', '/CN=dashscope-intl.aliyuncs.com');
	fs.writeFileSync(file('ext.cnf'), `subjectAltName=${Object.keys(REGION_PATHS).map(host => `DNS:${host}`).join(',')}\n`);
	openssl('x509', '-req', '-in', file('host.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('host.pem'), '-days', '1', '-extfile', file('ext.cnf'));
	return {key: fs.readFileSync(file('host.key')), cert: fs.readFileSync(file('host.pem')), ca: file('ca.pem')};
}
