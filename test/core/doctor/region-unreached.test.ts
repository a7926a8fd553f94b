import {describe, expect, it} from 'vitest';
import {runDoctorChecks} from '../../../source/core/doctor/run-checks.js';
import {saveApiKeySetup} from '../../../source/core/setup.js';
import {closedPort} from '../../support/closed-port.js';
import {freshFakeDashScopeHome} from '../../support/fresh-fake-dashscope-home.js';

const {home} = freshFakeDashScopeHome();

describe('doctor: a key refused by its region while another region is unreachable', () => {
	it('does not call it "not a region mix-up": it names the region that could not be asked', async () => {
		await saveApiKeySetup(home.paths, {regionId: 'intl', key: 'sk-test0000gone00000000000000000000', modelId: 'qwen3-coder-plus'}, {env: home.env});
		const port = await closedPort();
		const report = await runDoctorChecks({env: {...home.env, QWEN_CN_BASE_URL: `http://127.0.0.1:${port}/compatible-mode/v1`}});
		const region = report.checks.find(check => check.id === 'region.key');
		expect(region?.status).toBe('problem');
		expect(region?.title).toBe('The key is rejected by International (Singapore); China (Beijing) could not be reached to tell whether it belongs there');
		expect(region?.detail).not.toContain('not a region mix-up');
		expect(region?.detail).toContain('International (Singapore), US (Virginia) and China (Hong Kong) answered 401 Unauthorized');
		expect(region?.detail).toContain('Connection refused');
		expect(region?.nextStep).toContain('once China (Beijing) can be reached');
	});
});
