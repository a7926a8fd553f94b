/**
 * Saves one conversation as it happens: a prompt when it is sent, its answer
 * while it streams and when it ends. The stream only hands over the latest
 * text (two assignments); a timer writes it at most once a second, so saving
 * costs the stream nothing and a kill -9 loses at most the last second.
 *
 * A failed write (a full disk, a lock held too long, a damaged file) stops
 * saving for this conversation and is reported once; the chat goes on.
 */
import type {AppError} from '../app-error.js';
import type {ImageAttachment} from '../images.js';
import type {MeteredRequest} from '../usage/metered-request.js';
import {imageReference} from './image-reference.js';
import {redactSecrets} from '../redact-secrets.js';
import type {SessionStore} from './session-store.js';
import type {ImageReference, StoredError} from './session-types.js';
import {titleFromPrompt} from './session-title.js';
import {storeError} from './store-errors.js';

const SAVE_INTERVAL_MS = 1000;

export type RecordedQuestion = {
	readonly text: string;
	readonly images: readonly (ImageAttachment | ImageReference)[];
	readonly model: string;
};

/** 'retry' keeps the last turn's answer as an alternative; 'edit' marks the last turn replaced. */
export type Replacing = 'retry' | 'edit';

export type TurnRecord = {
	/** The whole answer and reasoning so far. Cheap: kept in memory until the timer writes it. */
	progress(answer: string, reasoning: string): void;
	/** The request as billed (usage, finish_reason, region, thinking), saved with the turn when it ends. */
	measured(request: Omit<MeteredRequest, 'model'>): void;
	finish(outcome: 'done' | 'interrupted' | 'failed', error?: StoredError): void;
};

/** A summary that now stands in for the first `turns` turns of the conversation being saved. */
export type RecordedCompaction = {
	readonly turns: number;
	readonly summary: string;
	readonly tokensBefore: number;
	readonly tokensAfter: number;
	readonly metered: MeteredRequest;
};

export type SessionRecorder = {
	/** undefined until the first turn of a new conversation is saved. */
	readonly sessionId: string | undefined;
	/** False once a write failed (or there is no store): turns are no longer saved. */
	readonly saving: boolean;
	/** The failed write that stopped saving; undefined while saving, or when there was no store to begin with. */
	readonly stoppedBecause: AppError | undefined;
	readonly file: string | undefined;
	startTurn(question: RecordedQuestion, replacing?: Replacing): TurnRecord;
	/** Names the session; before its first turn the name waits for it. False when it could not be saved. */
	rename(title: string): boolean;
	/** The next turn starts a new session. */
	startNew(): void;
	/** The next turns go on `sessionId`, after its turn `lastTurnId`. */
	continueSession(sessionId: string, lastTurnId: number | undefined): void;
	/** Saves a compaction of this session's conversation (nothing before its first turn is saved). */
	compacted(compaction: RecordedCompaction): void;
	/** Writes what is pending and stops the timers; the store stays open (its owner closes it). */
	close(): void;
};

export type RecorderOptions = {
	readonly store: SessionStore | undefined;
	readonly sessionId?: string;
	readonly lastTurnId?: number;
	/** Masked before anything is written (the key in use). */
	readonly secrets: readonly string[];
	/** Told once, when saving stops. */
	readonly onFailure: (error: AppError) => void;
	readonly now?: () => number;
	readonly saveIntervalMs?: number;
};

const notSaved: TurnRecord = {progress() {}, measured() {}, finish() {}};

export function createSessionRecorder(options: RecorderOptions): SessionRecorder {
	const {store, secrets, onFailure, now = Date.now, saveIntervalMs = SAVE_INTERVAL_MS} = options;
	let sessionId = options.sessionId;
	let lastTurnId = options.lastTurnId;
	let pendingTitle: string | undefined;
	let failed = store === undefined || store.readOnly;
	let stoppedBecause: AppError | undefined;
	const open = new Set<() => void>();
	const redact = (text: string) => redactSecrets(text, secrets);

	const fail = (error: unknown) => {
		if (failed) return;
		failed = true;
		for (const stop of [...open]) stop();
		stoppedBecause = storeError(store?.file ?? '', error);
		onFailure(stoppedBecause);
	};

	// The process may end mid-answer (a second Ctrl+C calls exit): what arrived is saved, marked interrupted.
	const onExit = () => {
		for (const stop of [...open]) stop();
	};

	if (!failed) process.on('exit', onExit);

	return {
		get sessionId() {
			return sessionId;
		},
		get saving() {
			return !failed;
		},
		get stoppedBecause() {
			return stoppedBecause;
		},
		file: store?.file,
		startTurn(question, replacing) {
			if (failed || !store) return notSaved;
			let turnId: number;
			try {
				const at = now();
				sessionId ??= store.createSession({
					title: pendingTitle ?? titleFromPrompt(redact(question.text)),
					titled: pendingTitle !== undefined,
					model: question.model,
					now: at,
				});
				const replaced = replacing && lastTurnId !== undefined ? {turnId: lastTurnId, status: replacing === 'retry' ? ('retried' as const) : ('replaced' as const)} : undefined;
				turnId = store.addTurn({
					sessionId,
					prompt: redact(question.text),
					images: question.images.map(image => imageReference(image)),
					model: question.model,
					now: at,
					...(replaced ? {replacing: replaced} : {}),
				}).id;
				lastTurnId = turnId;
			} catch (error) {
				fail(error);
				return notSaved;
			}

			return recordTurn(turnId);
		},
		rename(title) {
			if (failed || !store) return false;
			if (sessionId === undefined) {
				pendingTitle = title;
				return true;
			}

			try {
				return store.renameSession(sessionId, title, now());
			} catch (error) {
				fail(error);
				return false;
			}
		},
		startNew() {
			sessionId = undefined;
			lastTurnId = undefined;
			pendingTitle = undefined;
		},
		continueSession(id, turnId) {
			sessionId = id;
			lastTurnId = turnId;
			pendingTitle = undefined;
		},
		compacted(compaction) {
			if (failed || !store || sessionId === undefined) return;
			try {
				store.addCompaction({...compaction, summary: redact(compaction.summary), sessionId, now: now()});
			} catch (error) {
				fail(error);
			}
		},
		close() {
			process.off('exit', onExit);
			for (const stop of [...open]) stop();
		},
	};

	function recordTurn(turnId: number): TurnRecord {
		let answer = '';
		let reasoning = '';
		let metered: Omit<MeteredRequest, 'model'> | undefined;
		let dirty = false;
		let finished = false;
		const write = (outcome?: 'done' | 'interrupted' | 'failed', error?: StoredError) => {
			if (failed || !store) return;
			try {
				if (outcome) {
					store.finishTurn(turnId, {
						answer: redact(answer),
						reasoning: redact(reasoning),
						outcome,
						...(error ? {error: redactError(error)} : {}),
						...(metered ? {metered} : {}),
						now: now(),
					});
				} else {
					store.saveProgress(turnId, redact(answer), redact(reasoning), now());
				}

				dirty = false;
			} catch (error_) {
				fail(error_);
			}
		};

		const timer = setInterval(() => {
			if (dirty) write();
		}, saveIntervalMs);
		// Saving never keeps the process alive.
		timer.unref();
		const end = (outcome: 'done' | 'interrupted' | 'failed', error?: StoredError) => {
			if (finished) return;
			finished = true;
			clearInterval(timer);
			open.delete(interrupt);
			write(outcome, error);
		};

		const interrupt = () => {
			end('interrupted');
		};

		open.add(interrupt);
		return {
			progress(nextAnswer, nextReasoning) {
				answer = nextAnswer;
				reasoning = nextReasoning;
				dirty = true;
			},
			measured(request) {
				metered = request;
			},
			finish: end,
		};
	}

	function redactError(error: StoredError): StoredError {
		return {...error, title: redact(error.title), message: redact(error.message), nextStep: redact(error.nextStep)};
	}
}
