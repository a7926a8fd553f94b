import React from 'react';
import {Box, Text, useInput} from 'ink';
import {Screen} from '../../components/screen.js';
import {useTheme} from '../../components/theme.js';
import {OAUTH_DISCONTINUED} from './auth-method-screen.js';
import type {StepHeader} from './step-header.js';
import {QUIT} from './hints.js';

export type OAuthUnavailableScreenProps = StepHeader & {readonly onBack: () => void};

/** Shown for "Qwen OAuth" until the OAuth sign-in screen exists. */
export function OAuthUnavailableScreen({onBack, ...header}: OAuthUnavailableScreenProps) {
	const theme = useTheme();
	useInput((_input, key) => {
		if (key.escape || key.return) onBack();
	});

	return (
		<Screen {...header} hints={[{keys: 'Enter/Esc', action: 'back to sign-in methods'}, QUIT]}>
			<Text bold>Qwen OAuth sign-in is not available in this version of openclaw.</Text>
			<Box marginTop={1} flexDirection="column">
				<Text color={theme.warning}>{OAUTH_DISCONTINUED}</Text>
				<Text>Existing OAuth sign-ins keep working; new setups should use a DashScope API key.</Text>
			</Box>
			<Box marginTop={1}>
				<Text>Press Enter to go back and choose “Qwen API Key”.</Text>
			</Box>
		</Screen>
	);
}
