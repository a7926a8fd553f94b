import {createContext, useContext, useEffect, useEffectEvent} from 'react';
import {useInput, usePaste, type Key} from 'ink';
import type {KeyBus} from './key-bus.js';

/** The bus and the owner the screens below it listen as; without one, components read Ink's input directly. */
export const KeyBusContext = createContext<{readonly bus: KeyBus; readonly owner: string} | undefined>(undefined);

type Options = {readonly isActive?: boolean};

/** Like Ink's useInput, but through the app's key bus when there is one. */
export function useKeys(handler: (input: string, key: Key) => void, {isActive = true}: Options = {}): void {
	const context = useContext(KeyBusContext);
	useInput(handler, {isActive: isActive && !context});
	const onKey = useEffectEvent(handler);
	useEffect(() => {
		if (!context || !isActive) return;
		return context.bus.subscribe(context.owner, event => {
			if ('press' in event) onKey(event.press.input, event.press.key);
		});
	}, [context, isActive]);
}

/** Like Ink's usePaste, but through the app's key bus when there is one, in order with the keys. */
export function usePasted(handler: (text: string) => void, {isActive = true}: Options = {}): void {
	const context = useContext(KeyBusContext);
	usePaste(handler, {isActive: isActive && !context});
	const onPaste = useEffectEvent(handler);
	useEffect(() => {
		if (!context || !isActive) return;
		return context.bus.subscribe(context.owner, event => {
			if ('paste' in event) onPaste(event.paste);
		});
	}, [context, isActive]);
}
