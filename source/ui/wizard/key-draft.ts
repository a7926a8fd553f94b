/**
 * The key field's text. Paste junk (quotes, a trailing newline, paste
 * markers, `export QWEN_API_KEY=`) is cleaned the moment it lands, so the
 * field holds only the key; anything that is not a key yet stays as typed.
 */
import {validateApiKey} from '../../core/api-key.js';
import {applyFieldEdit, type FieldEdit, type FieldState} from '../components/text-field.js';

export function editKeyField(field: FieldState, edit: FieldEdit): FieldState {
	return cleaned(applyFieldEdit(field, edit));
}

/** A whole key replaces what is there; anything else goes in at the cursor. */
export function pasteIntoKeyField(field: FieldState, text: string): FieldState {
	if (validateApiKey(text).ok) return cleaned({text, cursor: text.length});
	return cleaned(applyFieldEdit(field, {type: 'insert', text}));
}

function cleaned(field: FieldState): FieldState {
	const validation = validateApiKey(field.text);
	if (!validation.ok || validation.key === field.text) return field;
	return {text: validation.key, cursor: validation.key.length};
}
