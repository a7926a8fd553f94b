import {describe, expect, test} from 'vitest';
import {createKeyBus, type KeyEvent} from '../../../source/ui/components/key-bus.js';
import {keyPress} from '../../../source/ui/keys/each-key.js';

const press = (sequence: string): KeyEvent => ({press: keyPress(sequence)});
const inputs = (events: KeyEvent[]) => events.map(event => ('press' in event ? event.press.input : `paste:${event.paste}`));
const settle = async () => new Promise<void>(resolve => queueMicrotask(resolve));

describe('key bus', () => {
	test('hands keys to the listeners of the owner the app names now', () => {
		let owner = 'method';
		const bus = createKeyBus(() => owner);
		const method: KeyEvent[] = [];
		const region: KeyEvent[] = [];
		bus.subscribe('method', event => method.push(event));
		bus.subscribe('region', event => region.push(event));
		bus.deliver(press('a'));
		owner = 'region';
		bus.deliver(press('b'));
		expect(inputs(method)).toEqual(['a']);
		expect(inputs(region)).toEqual(['b']);
	});

	test('holds keys typed ahead of a screen, in order, until that screen listens', async () => {
		let owner = 'method';
		const bus = createKeyBus(() => owner);
		const seen: string[] = [];
		const unsubscribe = bus.subscribe('method', event => {
			seen.push(`method:${inputs([event]).join('')}`);
			// Enter on the first screen moves on to the next, which is not drawn yet.
			owner = 'key';
		});
		bus.deliver(press('\r'));
		bus.deliver(press('x'));
		bus.deliver({paste: 'sk-1'});
		unsubscribe();
		expect(seen).toEqual(['method:']);
		bus.subscribe('key', event => seen.push(`key:${inputs([event]).join('')}`));
		await settle();
		expect(seen).toEqual(['method:', 'key:x', 'key:paste:sk-1']);
		bus.deliver(press('y'));
		expect(seen.at(-1)).toBe('key:y');
	});
});
