/** The key hints the wizard's screens share; Ctrl+C's is every screen's (components/key-hints.tsx). */
import type {KeyHint} from '../../components/key-hints.js';

export const MOVE: KeyHint = {keys: '↑↓', action: 'move'};
export const CHOOSE: KeyHint = {keys: 'Enter', action: 'choose'};
export const BACK: KeyHint = {keys: 'Esc', action: 'back'};
export {QUIT} from '../../components/key-hints.js';
