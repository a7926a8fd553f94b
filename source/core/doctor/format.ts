/**
 * Doctor's two outputs: grouped plain text for people (colour only through the
 * given style, so pipes and NO_COLOR get no escape codes) and JSON for scripts.
 */
import type {Style} from '../style.js';
import type {DoctorReport} from './run-checks.js';
import type {CheckStatus, DoctorCheck} from './types.js';
import {command} from '../messages.js';
import {wrapWords} from '../text/wrap.js';

const GROUPS: Array<[string, string]> = [
	['state', 'OpenClaw state'],
	['config', 'Config'],
	['credential', 'Credential'],
	['region', 'Region'],
	['model', 'Default model'],
	['permissions', 'Permissions'],
];

const MARKS: Record<CheckStatus, string> = {ok: '✓', warning: '!', problem: '✗'};

function groupOf(check: DoctorCheck): string {
	return check.id.split('.')[0] ?? check.id;
}

function paint(status: CheckStatus, text: string, style: Style): string {
	if (status === 'ok') return style.green(text);
	return status === 'warning' ? style.yellow(text) : style.red(text);
}

function summarize(checks: readonly DoctorCheck[]): {problems: number; warnings: number} {
	return {
		problems: checks.filter(check => check.status === 'problem').length,
		warnings: checks.filter(check => check.status === 'warning').length,
	};
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The report as a person reads it. `width`: the terminal's (or COLUMNS), to
 * break long lines between words under their indent; undefined (a pipe) keeps
 * each line whole for whatever reads it.
 */
export function formatText(report: DoctorReport, style: Style, width?: number): string[] {
	const wrap = (text: string, indent: string, hanging = indent) => {
		if (width === undefined) return [indent + text];
		return wrapWords(text, Math.max(20, width - hanging.length), {longWords: 'keep'}).map((row, index) => (index === 0 ? indent : hanging) + row);
	};
	const lines: string[] = [style.bold(`${command('doctor')}`)];
	for (const repair of report.repairs) {
		lines.push('error' in repair
			? style.red(`Could not fix ${repair.path}: ${repair.error}`)
			: style.green(`Fixed: ${repair.path} mode ${repair.from} → ${repair.to}`));
	}

	for (const [group, label] of GROUPS) {
		const checks = report.checks.filter(check => groupOf(check) === group);
		if (checks.length === 0) continue;
		lines.push('', style.bold(label));
		for (const check of checks) {
			const [title = '', ...titleRest] = wrap(check.title, '', '    ');
			lines.push(`  ${paint(check.status, MARKS[check.status], style)} ${title}`, ...titleRest);
			if (check.detail) {
				const detail = check.detail.split('\n').flatMap(line => wrap(line, '      '));
				lines.push(...(check.status === 'ok' ? detail.map(line => style.dim(line)) : detail));
			}

			if (check.nextStep) {
				const [first = '', ...rest] = wrap(`Next step: ${check.nextStep}`, '      ');
				lines.push(first.replace('Next step:', style.bold('Next step:')), ...rest);
			}
		}
	}

	const {problems, warnings} = summarize(report.checks);
	lines.push('');
	if (problems > 0) {
		lines.push(...wrap(`${plural(problems, 'problem')}, ${plural(warnings, 'warning')}. Fix the problems above, then run \`${command('doctor')}\` again.`, '').map(style.red));
	} else if (warnings > 0) {
		lines.push(style.yellow(`No problems; ${plural(warnings, 'warning')}.`));
	} else {
		lines.push(style.green('Everything looks good.'));
	}

	const fixable = report.checks.filter(check => check.fixable && check.status !== 'ok');
	if (fixable.length > 0) lines.push(...wrap(`Run \`${command('doctor --fix')}\` to repair ${plural(fixable.length, 'permission')} automatically.`, ''));
	return lines;
}

export function formatJson(report: DoctorReport): string {
	return JSON.stringify({ok: report.ok, summary: summarize(report.checks), checks: report.checks, repairs: report.repairs}, null, 2);
}
