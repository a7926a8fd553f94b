import {Box, Text, useInput} from 'ink';
import Spinner from 'ink-spinner';
import {ADVICE} from '../../../core/messages.js';
import type {Region} from '../../../core/regions.js';
import {joinRegionLabels} from '../../../core/region-probe.js';
import {Screen} from '../../components/screen.js';
import {SelectList, type SelectItem} from '../../components/select-list.js';
import {useTheme} from '../../components/theme.js';
import type {CheckState} from '../machine.js';
import type {StepHeader} from './step-header.js';
import {BACK, CHOOSE, MOVE, QUIT} from './hints.js';

export type CheckChoice = 'switch-region' | 're-enter-key' | 'retry-check' | 'skip-check';

export type CheckScreenProps = StepHeader & {
	readonly region: Region;
	readonly maskedKey: string;
	readonly check: CheckState;
	readonly onChoose: (choice: CheckChoice) => void;
	/** Esc: cancels a running check and goes back to the key. */
	readonly onBack: () => void;
};

export function CheckScreen({region, maskedKey, check, onChoose, onBack, ...header}: CheckScreenProps) {
	useInput((_input, key) => {
		if (key.escape) onBack();
	});

	if (check.status === 'running') {
		return (
			<Screen {...header} hints={[{keys: 'Esc', action: 'cancel'}, QUIT]}>
				<Text>
					<Spinner /> Checking {maskedKey} with {region.label} ({new URL(region.baseUrl).host})…
				</Text>
				<Box marginTop={1}>
					<Text wrap="wrap">Asking for the list of models this key can use (GET /models). Nothing is saved yet.</Text>
				</Box>
			</Screen>
		);
	}

	return (
		<Screen {...header} hints={[MOVE, CHOOSE, BACK, QUIT]}>
			<CheckAnswer probe={check.probe} region={region} maskedKey={maskedKey} onChoose={onChoose} key={check.attempt} />
		</Screen>
	);
}

type AnswerProps = {
	readonly probe: Extract<CheckState, {status: 'answered'}>['probe'];
	readonly region: Region;
	readonly maskedKey: string;
	readonly onChoose: (choice: CheckChoice) => void;
};

function CheckAnswer({probe, region, maskedKey, onChoose}: AnswerProps) {
	const theme = useTheme();

	switch (probe.status) {
		case 'wrong_region': {
			const advice = ADVICE.wrongRegion(probe.belongsTo, region);
			return (
				<Answer
					title={`✗ ${advice.title}: ${region.label} refused ${maskedKey}`}
					titleColor={theme.warning}
					message={advice.message}
					items={[
						{value: 'switch-region', label: `Switch to ${probe.belongsTo.label}`, description: new URL(probe.belongsTo.baseUrl).host},
						{value: 're-enter-key', label: 'Re-enter the key'},
					]}
					onChoose={onChoose}
				/>
			);
		}

		case 'invalid_key': {
			const advice = ADVICE.invalidKey();
			const unreached = probe.unreachableRegions;
			if (unreached.length === 0) {
				return (
					<Answer
						title={`✗ ${advice.title}: no region accepts ${maskedKey}`}
						titleColor={theme.danger}
						message={`${advice.message} Every region answered 401 Unauthorized.`}
						items={[{value: 're-enter-key', label: 'Re-enter the key'}]}
						onChoose={onChoose}
					/>
				);
			}

			// A region that did not answer may be the one the key belongs to: not "invalid" yet.
			const unreachedLabels = joinRegionLabels(unreached.map(entry => entry.region));
			return (
				<Answer
					title={`✗ ${region.label} refused ${maskedKey}; ${unreachedLabels} could not be reached`}
					titleColor={theme.warning}
					message={
						`${joinRegionLabels(probe.refusedBy)} answered 401 Unauthorized, but ${unreachedLabels} did not answer ` +
						`(${unreached[0]!.error.title}), so the key may belong there. Try again once the connection is back; ` +
						'if every region then refuses it, the key is expired, deleted or mistyped.'
					}
					items={[
						{value: 'retry-check', label: 'Try again'},
						{value: 're-enter-key', label: 'Re-enter the key'},
					]}
					onChoose={onChoose}
				/>
			);
		}

		case 'unreachable': {
			return (
				<Answer
					title={`✗ ${probe.error.title}: could not check the key with ${region.label}`}
					titleColor={theme.danger}
					message={`${probe.error.message} ${probe.error.nextStep}`}
					items={[
						{value: 'retry-check', label: 'Try again'},
						{value: 'skip-check', label: 'Save without checking', description: 'Pick a model and save; the key is checked on first use.'},
						{value: 're-enter-key', label: 'Re-enter the key'},
					]}
					onChoose={onChoose}
				/>
			);
		}
	}
}

type AnswerLayoutProps = {
	readonly title: string;
	readonly titleColor?: string;
	readonly message: string;
	readonly items: ReadonlyArray<SelectItem<CheckChoice>>;
	readonly onChoose: (choice: CheckChoice) => void;
};

function Answer({title, titleColor, message, items, onChoose}: AnswerLayoutProps) {
	return (
		<Box flexDirection="column">
			<Text bold color={titleColor} wrap="wrap">
				{title}
			</Text>
			<Box marginTop={1}>
				<Text wrap="wrap">{message}</Text>
			</Box>
			<Box marginTop={1}>
				<SelectList items={items} onSelect={onChoose} />
			</Box>
		</Box>
	);
}
