import {useState} from 'react';
import {Box, Text, useInput} from 'ink';
import Spinner from 'ink-spinner';
import {PORTAL_DISCONTINUED} from '../../core/messages.js';
import {formatCountdown} from '../../core/oauth/expiry.js';
import {Link} from '../components/link.js';
import type {KeyHint} from '../components/key-hints.js';
import {Screen, useBodyHeight, useBodyWidth} from '../components/screen.js';
import type {HeaderProps} from '../components/header.js';
import {useTheme} from '../components/theme.js';
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

const QUIT: KeyHint = {keys: 'Ctrl+C', action: 'quit'};
/** Room the code, URL and status need beside the QR code. */
const TEXT_COLUMN_MIN = 38;

export const OAUTH_DISCONTINUED_NOTE =
	`${PORTAL_DISCONTINUED} The portal may refuse new sign-ins.`;

export function OAuthLoginScreen({view, now, onCancel, onBack, onRetry, onOpenBrowser, ...header}: OAuthLoginScreenProps) {
	const theme = useTheme();
	const bodyWidth = useBodyWidth();
	const bodyHeight = useBodyHeight();
	// undefined: show the QR code when it fits; the q key decides otherwise.
	const [qrChoice, setQrChoice] = useState<boolean | undefined>(undefined);

	const qr = view.phase === 'waiting' ? view.qr : undefined;
	const qrFits = Boolean(qr && qr.width + 2 + TEXT_COLUMN_MIN <= bodyWidth && qr.height + 1 <= bodyHeight);
	const showQr = Boolean(qr) && (qrChoice ?? qrFits);

	useInput((input, key) => {
		if (view.phase === 'error') {
			if (key.escape || key.return) onBack();
			else if (input === 'r') onRetry();
			return;
		}

		// While saving the tokens are already on their way to disk: Esc cannot take that back.
		if (key.escape && view.phase !== 'saving') onCancel();
		else if (view.phase === 'waiting' && input === 'q' && qr) setQrChoice(!showQr);
		else if (view.phase === 'waiting' && input === 'o') onOpenBrowser();
	});

	if (view.phase === 'error') {
		return (
			<Screen {...header} hints={[{keys: 'Enter/Esc', action: 'back to sign-in methods'}, {keys: 'r', action: 'try again'}, QUIT]}>
				<Text bold color={theme.danger}>
					✗ {view.title}
				</Text>
				<Box marginTop={1}>
					<Text>{view.message}</Text>
				</Box>
				<Box marginTop={1}>
					<Text>
						<Text bold>Next: </Text>
						{view.nextStep}
					</Text>
				</Box>
			</Screen>
		);
	}

	const cancelHint: KeyHint = {keys: 'Esc', action: 'cancel'};
	if (view.phase !== 'waiting') {
		return (
			<Screen {...header} hints={view.phase === 'saving' ? [QUIT] : [cancelHint, QUIT]}>
				<Text>
					<Text color={theme.accent}>
						<Spinner type="dots" />
					</Text>{' '}
					{view.phase === 'requesting' ? 'Asking Qwen for a sign-in code…' : 'Signed in. Saving your login…'}
				</Text>
			</Screen>
		);
	}

	const hints: KeyHint[] = [cancelHint, {keys: 'o', action: 'open browser'}];
	if (qr) hints.push({keys: 'q', action: showQr ? 'hide QR code' : 'show QR code'});
	hints.push(QUIT);

	const details = (
		<Box flexDirection="column" flexGrow={1} flexShrink={1} minWidth={TEXT_COLUMN_MIN}>
			<Text bold>Sign in to Qwen in your browser</Text>
			<Box marginTop={1} flexDirection="column">
				<Text>1. Open this page:</Text>
				<Box paddingLeft={3}>
					<Link url={view.verificationUriComplete} label={view.verificationUriComplete} />
				</Box>
			</Box>
			<Box marginTop={1} flexDirection="column">
				<Text>2. Check that it shows this code:</Text>
				<Box paddingLeft={3}>
					<Text bold color={theme.accent}>
						{view.userCode}
					</Text>
				</Box>
			</Box>
			<Box marginTop={1} flexDirection="column">
				<Text>
					<Text color={theme.accent}>
						<Spinner type="dots" />
					</Text>{' '}
					Waiting for approval · expires in <Text bold>{formatCountdown(view.expiresAt - now)}</Text>
				</Text>
				<Text color={theme.muted}>{browserLine(view.browser, view.verificationUri)}</Text>
				{view.slowedDown ? <Text color={theme.muted}>Qwen asked us to check less often.</Text> : undefined}
			</Box>
			<Box marginTop={1}>
				<Text color={theme.warning}>{OAUTH_DISCONTINUED_NOTE}</Text>
			</Box>
		</Box>
	);

	if (showQr && qr && !qrFits) {
		// Asked for on a small terminal: the QR code alone, the code beside the caption.
		return (
			<Screen {...header} hints={hints}>
				<Text>{qr.text}</Text>
				<Text>
					Scan, then check the code <Text bold>{view.userCode}</Text>
				</Text>
			</Screen>
		);
	}

	return (
		<Screen {...header} hints={hints}>
			<Box flexDirection="row" gap={2}>
				{details}
				{showQr && qr ? (
					<Box flexDirection="column" flexShrink={0} width={qr.width}>
						<Text>{qr.text}</Text>
						<Text color={theme.muted}>Scan to open on a phone</Text>
					</Box>
				) : undefined}
			</Box>
		</Screen>
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
