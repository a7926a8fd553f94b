import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {ADVICE} from '../../../core/messages.js';
import type {Region} from '../../../core/regions.js';
import {joinRegionLabels} from '../../../core/region-probe.js';
import {fitBlocks} from '../../components/fit-blocks.js';
import {Paragraph, paragraphHeight} from '../../components/paragraph.js';
import {Screen, useScreenLayout} from '../../components/screen.js';
import {listHeight, SelectList, type SelectItem} from '../../components/select-list.js';
import {useTheme} from '../../components/theme.js';
import {useKeys} from '../../components/use-keys.js';
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

const RUNNING_HINTS = [{keys: 'Esc', action: 'cancel'}, QUIT];
const ANSWER_HINTS = [MOVE, CHOOSE, BACK, QUIT];
const ASKING = 'Asking for the list of models this key can use (GET /models). Nothing is saved yet.';

export function CheckScreen({region, maskedKey, check, onChoose, onBack, ...header}: CheckScreenProps) {
	const hints = check.status === 'running' ? RUNNING_HINTS : ANSWER_HINTS;
	const layout = useScreenLayout(hints);
	useKeys(
		(_input, key) => {
			if (key.escape) onBack();
		},
		{isActive: layout.fits},
	);

	if (check.status === 'running') {
		const checking = `Checking ${maskedKey} with ${region.label} (${new URL(region.baseUrl).host})…`;
		return (
			<Screen {...header} hints={hints}>
				<Box flexShrink={0}>
					<Spinner />
					<Text> </Text>
					<Paragraph width={layout.bodyWidth - 2}>{checking}</Paragraph>
				</Box>
				<Box marginTop={1} flexShrink={0}>
					<Paragraph width={layout.bodyWidth}>{ASKING}</Paragraph>
				</Box>
			</Screen>
		);
	}

	return (
		<Screen {...header} hints={hints}>
			<CheckAnswer
				probe={check.probe}
				region={region}
				maskedKey={maskedKey}
				onChoose={onChoose}
				key={check.attempt}
				width={layout.bodyWidth}
				height={layout.bodyHeight}
				isActive={layout.fits}
			/>
		</Screen>
	);
}

type BodySize = {readonly width: number; readonly height: number; readonly isActive: boolean};

type AnswerProps = BodySize & {
	readonly probe: Extract<CheckState, {status: 'answered'}>['probe'];
	readonly region: Region;
	readonly maskedKey: string;
	readonly onChoose: (choice: CheckChoice) => void;
};

function CheckAnswer({probe, region, maskedKey, onChoose, ...size}: AnswerProps) {
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
					{...size}
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
						{...size}
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
					{...size}
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
					{...size}
				/>
			);
		}
	}
}

type AnswerLayoutProps = BodySize & {
	readonly title: string;
	readonly titleColor?: string;
	readonly message: string;
	readonly items: ReadonlyArray<SelectItem<CheckChoice>>;
	readonly onChoose: (choice: CheckChoice) => void;
};

/** The answer's title, what it means, and the choices; on a small terminal the choices come first. */
function Answer({title, titleColor, message, items, onChoose, width, height, isActive}: AnswerLayoutProps) {
	const titles = listHeight(items, false);
	const descriptions = listHeight(items, true) - titles;
	const messageRows = paragraphHeight(message, width);
	const [titlesShown, titleShown, messageFirst, messageRest, messageGap, listGap, descriptionsShown] = fitBlocks(height, [
		{rows: titles, priority: 10},
		{rows: paragraphHeight(title, width), priority: 8},
		{rows: 1, priority: 6},
		{rows: messageRows - 1, priority: 4},
		{rows: 1, priority: 2},
		{rows: 1, priority: 2},
		{rows: descriptions, priority: 3},
	]);

	return (
		<Box flexDirection="column" flexShrink={0}>
			{titleShown ? (
				<Paragraph width={width} bold color={titleColor}>
					{title}
				</Paragraph>
			) : undefined}
			{messageFirst ? (
				<Box marginTop={messageGap && titleShown ? 1 : 0} flexShrink={0}>
					<Paragraph width={width} maxRows={messageRest ? messageRows : 1}>
						{message}
					</Paragraph>
				</Box>
			) : undefined}
			<Box marginTop={listGap && (titleShown || messageFirst) ? 1 : 0} flexShrink={0}>
				<SelectList
					items={items}
					onSelect={onChoose}
					maxRows={titlesShown ? titles + (descriptionsShown ? descriptions : 0) : height}
					isActive={isActive}
				/>
			</Box>
		</Box>
	);
}
