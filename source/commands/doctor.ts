/**
 * `openclaw doctor [--fix] [--json]`: the guide's Troubleshooting and Security
 * sections as checks. Exit 0 when nothing is a problem (warnings allowed), 1
 * otherwise. `--fix` repairs file permissions and nothing else.
 */
import {formatJson, formatText} from '../core/doctor/format.js';
import {runDoctorChecks} from '../core/doctor/run-checks.js';
import {requestTimeoutFromEnv} from '../core/request-timeout.js';
import type {CommandContext} from '../cli/context.js';
import {terminalWidth} from '../cli/terminal-width.js';

export async function runDoctor(context: CommandContext, options: {fix?: boolean; json?: boolean}): Promise<number> {
	const timeoutMs = requestTimeoutFromEnv(context.env);
	const report = await runDoctorChecks({env: context.env, fix: options.fix === true, ...(timeoutMs ? {timeoutMs} : {})});
	if (options.json) {
		context.print(formatJson(report));
	} else {
		context.print(formatText(report, context.out, terminalWidth(context.stdout, context.env)).join('\n'));
	}

	return report.ok ? 0 : 1;
}
