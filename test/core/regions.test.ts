import {describe, expect, it} from 'vitest';
import {effectiveBaseUrl, getRegion, regionForBaseUrl, requestBaseUrl} from '../../source/core/regions.js';

describe('regions', () => {
	it('uses the canonical endpoint unless the region override is set', () => {
		const intl = getRegion('intl');
		expect(effectiveBaseUrl(intl, {})).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
		expect(effectiveBaseUrl(intl, {QWEN_INTL_BASE_URL: 'http://127.0.0.1:9/intl/v1/'})).toBe(
			'http://127.0.0.1:9/intl/v1',
		);
	});

	it('recognises a configured baseUrl by canonical URL or by override', () => {
		const env = {QWEN_CN_BASE_URL: 'http://127.0.0.1:9/cn'};
		expect(regionForBaseUrl('https://dashscope.aliyuncs.com/compatible-mode/v1/', env)?.id).toBe('cn');
		expect(regionForBaseUrl('http://127.0.0.1:9/cn', env)?.id).toBe('cn');
		expect(regionForBaseUrl('https://gateway.example.com/v1', env)).toBeUndefined();
	});

	it('redirects requests for a canonical URL to its override, leaves gateways alone', () => {
		const env = {QWEN_HK_BASE_URL: 'http://127.0.0.1:9/hk'};
		expect(requestBaseUrl('https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1', env)).toBe(
			'http://127.0.0.1:9/hk',
		);
		expect(requestBaseUrl('https://gateway.example.com/v1', env)).toBe('https://gateway.example.com/v1');
	});
});
