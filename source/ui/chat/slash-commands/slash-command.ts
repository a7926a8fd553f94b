/**
 * What a slash command is: its names and help text, how it reads its
 * argument, and what it does to the pane through PaneCommands, the small
 * interface the pane hands to every command.
 */
import type {ImageAttachment, ImageLoadResult} from '../../../core/images.js';
import type {RegionId} from '../../../core/regions.js';
import type {NoticeTone} from '../transcript/transcript-state.js';

/** The pane as a command sees it when it reads it. */
export type PaneSnapshot = {
	readonly model: string;
	/** undefined until /think sets it: the model's own default applies. */
	readonly thinking: boolean | undefined;
	readonly isStreaming: boolean;
	/** Where requests go, for prices; undefined for a custom endpoint or the OAuth portal. */
	readonly region?: RegionId;
};

/** What a command may do to the pane. */
export type PaneCommands = {
	/** The pane as it is now, also after an await. */
	current(): PaneSnapshot;
	notice(text: string, tone?: NoticeTone): void;
	showHelp(): void;
	/** Starts a new conversation (the one before stays saved) without the images attached to the next message. */
	newConversation(): void;
	/** Opens the saved conversations, filtered by `query`. */
	openSessionPicker(query: string): void;
	/** Names this conversation; says itself whether that was saved. */
	renameSession(title: string): void;
	/** Asks the last question again, with `model` (an id or alias) or the current model; the earlier answer is kept. */
	retry(model?: string): void | Promise<void>;
	/** Puts the last message back in the prompt; sending it replaces that turn. */
	editLast(): void;
	/** Summarises the older turns with the current model, keeping `keep` in particular; the summary is sent in their place. */
	compact(keep?: string): void | Promise<void>;
	/** Asks the model to carry on the last answer, which stopped at the output limit. */
	continueAnswer(): void;
	/** Copies the last answer as markdown, or code block n as numbered on screen (the last one shown without n). */
	copy(target: CopyTarget): void;
	openModelPicker(): void;
	/** Switches to an id or alias, or says why it cannot; an id outside the registry is first looked up in the region's list. */
	switchModel(input: string): void | Promise<void>;
	setThinking(enabled: boolean): void;
	/** A typed path from the pane's folder, with `~` for the home folder. */
	resolvePath(path: string): string;
	loadImage(path: string): Promise<ImageLoadResult>;
	/**
	 * Attaches an image to the next message. On a model that reads only text the
	 * pane first asks whether to switch to a vision model ('asking'), and says the rest itself.
	 */
	attachImage(image: ImageAttachment): 'attached' | 'asking';
	/** Writes the conversation to a new markdown file; resolves with the number of exchanges, rejects as the file system did. */
	saveTranscript(path: string): Promise<number>;
	exit(): void;
};

export type CopyTarget = {readonly what: 'answer'} | {readonly what: 'code'; readonly number?: number};

export type SlashCommandSpec<Name extends string, Args extends object> = {
	readonly name: Name;
	/** Other names it answers to; "did you mean" suggests them too. */
	readonly aliases: readonly string[];
	/** Names it also answers to that are never suggested ('?' is one letter away from every typo). */
	readonly shorthands?: readonly string[];
	/** How /help shows it: '/save <file>'. */
	readonly usage: string;
	readonly description: string;
	/** The footer's word for it, when the footer names it while typing. */
	readonly footer?: string;
	/** The arguments in what follows the name (trimmed, outer quotes removed), or what is wrong with it. */
	readonly read: (argument: string) => Args | string;
	readonly run: (pane: PaneCommands, args: Args) => void | Promise<void>;
};

/** Keeps a command's name literal and its arguments' type tied between `read` and `run`. */
export function defineSlashCommand<const Name extends string, Args extends object>(spec: SlashCommandSpec<Name, Args>): SlashCommandSpec<Name, Args> {
	return spec;
}
