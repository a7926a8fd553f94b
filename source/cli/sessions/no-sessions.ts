import {command} from '../../core/messages.js';
import {failure} from '../failure.js';

/** A command that names a session, with no store yet to look in. */
export function noSessionsYet() {
	return failure('There are no saved conversations yet.', {nextStep: `Start one: ${command('chat')}`});
}
