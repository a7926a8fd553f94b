import {useState} from 'react';
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {PORTAL_DISCONTINUED} from '../../core/messages.js';
import {formatCountdown} from '../../core/oauth/expiry.js';
import {fitBlocks} from '../components/fit-blocks.js';
import {Link, wholeLinkText} from '../components/link.js';
import {QUIT, type KeyHint} from '../components/key-hints.js';
import {Paragraph, paragraphHeight, type Span} from '../components/paragraph.js';
import {Screen, useScreenLayout} from '../components/screen.js';
import type {HeaderProps} from '../components/header.js';
import {useTheme} from '../components/theme.js';
import {useKeys} from '../components/use-keys.js';
import type {BrowserOpenResult} from './open-browser.js';
import type {QrCode} from './qr-code.js';

/** Everything the login screen shows; the container (OAuthLogin) produces it. */
export type OAuthLoginView =
	| {readonly phase: 'requesting'}
	| {
			readonly phase: 'waiting';
			readonly userCode: string;
			readonly verificationUri: string;
			/** The page with the code filled in: what the link, QR code and browser open. */
			readonly verificationUriComplete: string;
			/** ms epoch */
			readonly expiresAt: number;
			readonly qr?: QrCode;
			readonly browser: BrowserOpenResult | 'opening';
			readonly slowedDown: boolean;
	  }
	| {readonly phase: 'saving'}
	| {readonly phase: 'error'; readonly title: string; readonly message: string; readonly nextStep: string};

export type OAuthLoginScreenProps = HeaderProps & {
	readonly view: OAuthLoginView;
	/** ms epoch, ticking, for the countdown. */
	readonly now: number;
	/** Esc while waiting: stop polling, back to the method screen. */
	readonly onCancel: () => void;
	/** Enter/Esc on an error: back to the method screen. */
	readonly onBack: () => void;
	/** r on an error: start over with a new code. */
	readonly onRetry: () => void;
	/** o while waiting: try the browser again. */
	readonly onOpenBrowser: () => void;
};

const CANCEL: KeyHint = {keys: 'Esc', action: 'cancel'};
const ERROR_HINTS: KeyHint[] = [{keys: 'Enter/Esc', action: 'back to sign-in methods'}, {keys: 'r', action: 'try again'}, QUIT];
/** Room the code, URL and status need beside the QR code. */
const TEXT_COLUMN_MIN = 38;
/** "1. " and "2. " before the link and the code. */
const INDENT = 3;
const WAITING = 'Waiting for approval · expires in ';

const OAUTH_DISCONTINUED_NOTE =
	`${PORTAL_DISCONTINUED} The portal may refuse new sign-ins.`;

export function OAuthLoginScreen({view, now, onCancel, onBack, onRetry, onOpenBrowser, ...header}: OAuthLoginScreenProps) {
	const theme = useTheme();
	// undefined: show the QR code when it fits; the q key decides otherwise.
	const [qrChoice, setQrChoice] = useState<boolean | undefined>(undefined);
	const qr = view.phase === 'waiting' ? view.qr : undefined;
	// "hide QR code" and "show QR code" are as wide: the layout does not depend on which.
	const layout = useScreenLayout(hintsFor(view, qr, true));
	const qrFits = Boolean(qr && qr.width + 2 + TEXT_COLUMN_MIN <= layout.bodyWidth && qr.height <= layout.bodyHeight);
	const showQr = Boolean(qr) && (qrChoice ?? qrFits);
	const hints = hintsFor(view, qr, showQr);

	useKeys(
		(input, key) => {
			if (view.phase === 'error') {
				if (key.escape || key.return) onBack();
				else if (input === 'r') onRetry();
				return;
			}

			// While saving the tokens are already on their way to disk: Esc cannot take that back.
			if (key.escape && view.phase !== 'saving') onCancel();
			else if (view.phase === 'waiting' && input === 'q' && qr) setQrChoice(!showQr);
			else if (view.phase === 'waiting' && input === 'o') onOpenBrowser();
		},
		{isActive: layout.fits},
	);

	if (view.phase === 'error') {
		const next: Span[] = [{text: 'Next: ', bold: true}, {text: view.nextStep}];
		return (
			<Screen {...header} hints={hints}>
				<Paragraph width={layout.bodyWidth} bold color={theme.danger}>
					{`✗ ${view.title}`}
				</Paragraph>
				<Box marginTop={1} flexShrink={0}>
					<Paragraph width={layout.bodyWidth}>{view.message}</Paragraph>
				</Box>
				<Box marginTop={1} flexShrink={0}>
					<Paragraph width={layout.bodyWidth}>{next}</Paragraph>
				</Box>
			</Screen>
		);
	}

	if (view.phase !== 'waiting') {
		return (
			<Screen {...header} hints={hints}>
				<Text wrap="truncate-end">
					<Text color={theme.accent}>
						<Spinner type="dots" />
					</Text>{' '}
					{view.phase === 'requesting' ? 'Asking Qwen for a sign-in code…' : 'Signed in. Saving your login…'}
				</Text>
			</Screen>
		);
	}

	if (showQr && qr && !qrFits) {
		// Asked for on a small terminal: the QR code alone, under a caption with the code, which must stay in view.
		return (
			<Screen {...header} hints={hints}>
				<Text wrap="truncate-end">
					Scan, then check the code <Text bold>{view.userCode}</Text>
				</Text>
				<Text>{qr.text}</Text>
			</Screen>
		);
	}

	const columnWidth = showQr && qr ? layout.bodyWidth - qr.width - 2 : layout.bodyWidth;
	return (
		<Screen {...header} hints={hints}>
			<Box flexDirection="row" gap={2} flexShrink={0}>
				<WaitingDetails view={view} now={now} width={columnWidth} height={layout.bodyHeight} />
				{showQr && qr ? (
					<Box flexDirection="column" flexShrink={0} width={qr.width}>
						<Text>{qr.text}</Text>
						<Text color={theme.muted} wrap="truncate-end">
							Scan to open on a phone
						</Text>
					</Box>
				) : undefined}
			</Box>
		</Screen>
	);
}

function hintsFor(view: OAuthLoginView, qr: QrCode | undefined, showQr: boolean): KeyHint[] {
	if (view.phase === 'error') return ERROR_HINTS;
	if (view.phase === 'saving') return [QUIT];
	if (view.phase === 'requesting') return [CANCEL, QUIT];
	const hints: KeyHint[] = [CANCEL, {keys: 'o', action: 'open browser'}];
	if (qr) hints.push({keys: 'q', action: showQr ? 'hide QR code' : 'show QR code'});
	hints.push(QUIT);
	return hints;
}

type WaitingView = Extract<OAuthLoginView, {phase: 'waiting'}>;

/**
 * The link, the code and the countdown, in the rows the column has. The page
 * with the code filled in is shown whole when it fits; otherwise the shorter
 * page where the code is typed (a URL split over two rows cannot be copied).
 */
function WaitingDetails({view, now, width, height}: {readonly view: WaitingView; readonly now: number; readonly width: number; readonly height: number}) {
	const theme = useTheme();
	const complete = wholeLinkText(view.verificationUriComplete, width - INDENT);
	const linkText = complete ?? view.verificationUri;
	const codeLine = complete ? '2. Check that it shows this code:' : '2. Enter this code there:';
	const countdown = formatCountdown(view.expiresAt - now);
	const waitingText = WAITING.length + countdown.length + 2 <= width ? WAITING : 'Waiting · expires in ';
	const browser = browserLine(view.browser, view.verificationUri);
	const [title, titleGap, openLine, link, codeGap, codeText, code, waitGap, waiting, browserShown, slowed, note] = fitBlocks(height, [
		{rows: 1, priority: 3},
		{rows: 1, priority: 1},
		{rows: 1, priority: 6},
		{rows: 1, priority: 9},
		{rows: 1, priority: 1},
		{rows: 1, priority: 6},
		{rows: 1, priority: 9},
		{rows: 1, priority: 1},
		{rows: 1, priority: 8},
		{rows: paragraphHeight(browser, width), priority: 4},
		{rows: view.slowedDown ? 1 : 0, priority: 2},
		{rows: 1 + paragraphHeight(OAUTH_DISCONTINUED_NOTE, width), priority: 3},
	]);

	return (
		<Box flexDirection="column" flexGrow={1} flexShrink={1} width={width}>
			{title ? <Text bold>Sign in to Qwen in your browser</Text> : undefined}
			{title && titleGap ? <Text> </Text> : undefined}
			{openLine ? <Text>1. Open this page:</Text> : undefined}
			{link ? (
				<Box paddingLeft={INDENT}>
					<Link url={view.verificationUriComplete} text={linkText} width={width - INDENT} />
				</Box>
			) : undefined}
			{codeGap ? <Text> </Text> : undefined}
			{codeText ? <Text wrap="truncate-end">{codeLine}</Text> : undefined}
			{code ? (
				<Box paddingLeft={INDENT}>
					<Text bold color={theme.accent}>
						{view.userCode}
					</Text>
				</Box>
			) : undefined}
			{waitGap ? <Text> </Text> : undefined}
			{waiting ? (
				<Text wrap="truncate-end">
					<Text color={theme.accent}>
						<Spinner type="dots" />
					</Text>{' '}
					{waitingText}
					<Text bold>{countdown}</Text>
				</Text>
			) : undefined}
			{browserShown ? (
				<Paragraph width={width} color={theme.muted}>
					{browser}
				</Paragraph>
			) : undefined}
			{view.slowedDown && slowed ? <Text color={theme.muted}>Qwen asked us to check less often.</Text> : undefined}
			{note ? (
				<Box marginTop={1} flexShrink={0}>
					<Paragraph width={width} color={theme.warning}>
						{OAUTH_DISCONTINUED_NOTE}
					</Paragraph>
				</Box>
			) : undefined}
		</Box>
	);
}

function browserLine(browser: BrowserOpenResult | 'opening', verificationUri: string): string {
	switch (browser) {
		case 'opening': {
			return 'Opening your browser…';
		}

		case 'opened': {
			return 'Opened in your browser.';
		}

		case 'failed': {
			return `Could not open a browser; open the page yourself (or ${verificationUri} and type the code).`;
		}

		case 'skipped': {
			return `Open the page on any device (or ${verificationUri} and type the code).`;
		}
	}
}
