/**
 * An object that stands for whatever `current()` returns when it is used, so a
 * per-test resource can be named once at the top of a file. Standalone-safe.
 */
export function liveHandle<T extends object>(name: string, current: () => T | undefined): T {
	const now = (): T => {
		const value = current();
		if (!value) throw new Error(`no ${name} outside a test`);
		return value;
	};

	return new Proxy({} as T, {
		get: (_target, key) => Reflect.get(now(), key),
		has: (_target, key) => Reflect.has(now(), key),
		ownKeys: () => Reflect.ownKeys(now()),
		getOwnPropertyDescriptor(_target, key) {
			const descriptor = Reflect.getOwnPropertyDescriptor(now(), key);
			// The empty target holds nothing, so the proxy may only report configurable properties.
			return descriptor && {...descriptor, configurable: true};
		},
	});
}
