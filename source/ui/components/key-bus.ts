/**
 * Keys for a multi-screen app, each delivered to the screen it was typed for.
 * Ink calls every `useInput` handler with every key, and a screen subscribes
 * only once it has drawn: keys that arrive in one chunk with the key that
 * changes the screen ("\r\r" on two lists), or just after a screen changed on
 * its own (an answer from the network), would reach the old screen or no one.
 *
 * The bus asks the app which screen owns the keys now (from its latest state,
 * not the last frame), hands each key to that owner's listeners, and holds
 * keys while the owner has none yet; they follow in order once it subscribes.
 */
import type {KeyPress} from '../keys/each-key.js';

export type KeyEvent = {readonly press: KeyPress} | {readonly paste: string};

export type KeyListener = (event: KeyEvent) => void;

export type KeyBus = {
	deliver(event: KeyEvent): void;
	/** Listens for `owner`'s keys; returns the unsubscribe. */
	subscribe(owner: string, listener: KeyListener): () => void;
};

export function createKeyBus(ownerNow: () => string): KeyBus {
	const listeners = new Set<{owner: string; listener: KeyListener}>();
	const held: KeyEvent[] = [];
	let flushing = false;

	const listenersOf = (owner: string) => [...listeners].filter(entry => entry.owner === owner);

	/** Hands held keys on while their owner listens; a key that changes the owner stops it until the next one subscribes. */
	const flush = () => {
		if (flushing) return;
		flushing = true;
		try {
			while (held.length > 0) {
				const owners = listenersOf(ownerNow());
				if (owners.length === 0) break;
				const event = held.shift()!;
				for (const {listener} of owners) listener(event);
			}
		} finally {
			flushing = false;
		}
	};

	return {
		deliver(event) {
			held.push(event);
			flush();
		},
		subscribe(owner, listener) {
			const entry = {owner, listener};
			listeners.add(entry);
			// After this commit's other subscriptions (siblings subscribe in the same pass).
			if (held.length > 0) queueMicrotask(flush);
			return () => {
				listeners.delete(entry);
			};
		},
	};
}
