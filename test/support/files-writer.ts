/**
 * A separate process that writes OpenClaw's files through source/core, for the
 * concurrency tests. Paths come from the env (HOME / OPENCLAW_*); the key from
 * WRITER_KEY, never argv.
 *   mark <name> <count>       set writers.<name>.<i> = true, one locked update per i
 *   login <region> <model>    saveApiKeySetup with WRITER_KEY
 *   model <id>                setDefaultModel
 *   profile <id> <count>      write api_key profiles <id>-<i>
 */
import {AppError} from '../../source/core/app-error.ts';
import {updateOpenClawConfig, writeGuideProfile} from './change-config.ts';
import {resolvePaths} from '../../source/core/paths.ts';
import {saveApiKeySetup, setDefaultModel} from '../../source/core/setup.ts';
import type {RegionId} from '../../source/core/regions.ts';

const [command, first = '', second = ''] = process.argv.slice(2);
const paths = resolvePaths(process.env);
const key = process.env.WRITER_KEY ?? '';

try {
	await main();
} catch (error) {
	// What a user of the CLI would see: the message and the next step, never a stack.
	console.error(error instanceof AppError ? `${error.message}\n${error.problem.nextStep}` : error instanceof Error ? error.message : String(error));
	process.exit(1);
}

async function main(): Promise<void> {
if (command === 'mark') {
	for (let index = 0; index < Number(second); index++) {
		await updateOpenClawConfig(paths, (data: Record<string, unknown>) => {
			const writers = (data.writers ??= {}) as Record<string, Record<string, boolean>>;
			(writers[first] ??= {})[String(index)] = true;
		});
	}
} else if (command === 'login') {
	await saveApiKeySetup(paths, {regionId: first as RegionId, key, modelId: second}, {env: process.env});
} else if (command === 'model') {
	await setDefaultModel(paths, first, {env: process.env});
} else if (command === 'profile') {
	for (let index = 0; index < Number(second); index++) {
		await writeGuideProfile(paths, `${first}-${index}`, {type: 'api_key', provider: 'other', key});
	}
} else {
	console.error(`unknown command ${command}`);
	process.exit(2);
}
}
