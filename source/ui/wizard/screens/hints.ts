import type {KeyHint} from '../../components/key-hints.js';

export const MOVE: KeyHint = {keys: '↑↓', action: 'move'};
export const CHOOSE: KeyHint = {keys: 'Enter', action: 'choose'};
export const BACK: KeyHint = {keys: 'Esc', action: 'back'};
export const QUIT: KeyHint = {keys: 'Ctrl+C', action: 'quit'};
