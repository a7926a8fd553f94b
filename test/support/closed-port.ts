/** Ports on 127.0.0.1 that never answer a request: nothing listening, or a listener that stays silent. Standalone-safe. */
import net from 'node:net';

export async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}

/** A server on 127.0.0.1 that takes connections and never answers: `connected` settles on the first one. */
export async function silentServer(): Promise<{port: number; connected: Promise<void>; close(): void}> {
	let connectedTo = () => {};
	const connected = new Promise<void>(resolve => {
		connectedTo = resolve;
	});
	const server = net.createServer(() => connectedTo());
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {port: (server.address() as net.AddressInfo).port, connected, close: () => server.close()};
}
