/**
 * What every doctor check returns: plain data, so the command can print it as
 * text or JSON and tests can assert on it without a terminal.
 */
export type CheckStatus = 'ok' | 'warning' | 'problem';

export type DoctorCheck = {
	/** Stable, dotted id such as 'permissions.auth-profiles'; the first part is the group. */
	id: string;
	status: CheckStatus;
	title: string;
	detail: string;
	/** The exact thing to do next; empty when there is nothing to do. */
	nextStep: string;
	/** `openclaw doctor --fix` can repair this one without asking. */
	fixable?: boolean;
};

export function ok(id: string, title: string, detail = ''): DoctorCheck {
	return {id, status: 'ok', title, detail, nextStep: ''};
}

export function warning(id: string, title: string, detail: string, nextStep: string): DoctorCheck {
	return {id, status: 'warning', title, detail, nextStep};
}

export function problem(id: string, title: string, detail: string, nextStep: string): DoctorCheck {
	return {id, status: 'problem', title, detail, nextStep};
}

export function hasProblem(checks: readonly DoctorCheck[]): boolean {
	return checks.some(check => check.status === 'problem');
}
