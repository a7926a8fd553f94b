/**
 * Renders the chat pane with ink-testing-library against the fake DashScope
 * server, and types into it the way a terminal would.
 */
import {homedir} from 'node:os';
import {render} from 'ink-testing-library';
import {createDashScopeClient} from '../../../../source/core/dashscope-client.js';
import {classifyApiError} from '../../../../source/core/errors.js';
import {loadImageAttachment} from '../../../../source/core/images.js';
import {modelsFor} from '../../../../source/core/models.js';
import {ChatPane, type ChatPaneProps} from '../../../../source/ui/chat/pane/chat-pane.js';
import {saveTranscriptFile} from '../../../../source/ui/chat/transcript/save-transcript-file.js';
import {startFakeDashScope, TEST_KEYS, type FakeDashScope} from '../../../support/fake-dashscope.js';

export const KEYS = {
	enter: '\r',
	escape: '\u001B',
	ctrlC: '\u0003',
	ctrlJ: '\n',
	ctrlO: '\u000F',
	up: '\u001B[A',
	down: '\u001B[B',
	backspace: '\u007F',
} as const;

export const sleep = async (ms: number) =>
	new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});

const ANSI = /\u001B\[[\d;?]*[A-Za-z]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

export type ChatHarness = Awaited<ReturnType<typeof startChat>>;

export async function startChat(props: Partial<ChatPaneProps> = {}, server?: FakeDashScope) {
	const fake = server ?? (await startFakeDashScope());
	const client = createDashScopeClient({apiKey: TEST_KEYS.intl, baseUrl: fake.baseUrls.intl, maxRetries: 0, timeoutMs: 5000, env: fake.env});
	const app = render(
		<ChatPane
			client={client}
			model="qwen3-coder-plus"
			provider="dashscope"
			pickerModels={modelsFor('dashscope')}
			endpointLabel="International (Singapore)"
			regionId="intl"
			color={false}
			classify={(error, model) => classifyApiError(error, {model, regionLabel: 'International (Singapore)'})}
			secrets={[TEST_KEYS.intl]}
			cwd={process.cwd()}
			home={homedir()}
			loadImage={loadImageAttachment}
			saveTranscript={saveTranscriptFile}
			{...props}
		/>,
	);

	const frame = () => (app.lastFrame() ?? '').replace(ANSI, '');

	return {
		fake,
		app,
		frame,
		/** Types text, one render at a time. */
		async type(text: string) {
			app.stdin.write(text);
			await sleep(5);
		},
		/** Presses a key; Esc waits out Ink's escape-sequence timer. */
		async press(key: string) {
			app.stdin.write(key);
			await sleep(key === KEYS.escape ? 60 : 5);
		},
		/** Types a line and presses Enter. */
		async submit(line: string) {
			app.stdin.write(line);
			await sleep(5);
			app.stdin.write(KEYS.enter);
			await sleep(5);
		},
		async waitFor(check: (frame: string) => boolean | void, timeoutMs = 5000) {
			const start = Date.now();
			for (;;) {
				let passed = false;
				let failure: unknown;
				try {
					passed = check(frame()) !== false;
				} catch (error) {
					failure = error;
				}

				if (passed) return;
				if (Date.now() - start > timeoutMs) {
					throw failure instanceof Error ? failure : new Error(`Timed out; last frame:\n${frame()}`);
				}

				await sleep(10);
			}
		},
		async close() {
			app.unmount();
			app.cleanup();
			if (!server) await fake.close();
		},
	};
}
