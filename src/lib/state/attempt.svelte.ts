/**
 * A running attempt: replays the stored events into what the screen shows and turns the
 * learner's intents into events. Persist before show: every event is written to IndexedDB and
 * awaited before the screen changes; a failed write is shown, never swallowed.
 */
import {
	appendSessionEvent,
	db,
	loadAttemptContext,
	markFinished,
	type ExamRecord,
	type StoredSession
} from '$lib/db';
import { EngineError } from '$lib/engine/errors';
import type { Response } from '$lib/engine/grade';
import {
	checkEvent,
	remainingMs,
	replay,
	wouldLockSection,
	type Session,
	type SessionEvent,
	type SessionView
} from '$lib/engine/session';
import type { CaseStudy, Question } from '$lib/engine/types';

export class AttemptState {
	session = $state.raw<Session | null>(null);
	record = $state.raw<StoredSession | null>(null);
	exam = $state.raw<ExamRecord | null>(null);
	questions = $state.raw<Map<string, Question>>(new Map());
	caseStudies = $state.raw<Map<string, CaseStudy>>(new Map());
	now = $state(Date.now());
	error = $state<string | null>(null);
	loading = $state(true);
	/** Intents run one after another; each builds its event from the state left by the previous. */
	#queue: Promise<unknown> = Promise.resolve();
	#timer: ReturnType<typeof setInterval> | null = null;

	readonly view: SessionView | null = $derived(
		this.session ? replay(this.session, this.now) : null
	);
	readonly finished = $derived(this.view?.finishedAt != null);
	readonly remaining = $derived(this.session ? remainingMs(this.session, this.now) : null);
	readonly slot = $derived(
		this.session && this.view ? this.session.plan.slots[this.view.current]! : null
	);
	readonly question = $derived(
		this.slot ? (this.questions.get(this.slot.questionId) ?? null) : null
	);
	readonly caseStudy = $derived(
		this.slot?.caseStudyId ? (this.caseStudies.get(this.slot.caseStudyId) ?? null) : null
	);
	readonly total = $derived(this.session?.plan.slots.length ?? 0);
	readonly unanswered = $derived(
		this.view ? this.view.answers.filter((a) => a === null).length : 0
	);
	readonly flagged = $derived(this.view ? this.view.flags.filter(Boolean).length : 0);

	async load(id: string): Promise<void> {
		this.loading = true;
		this.error = null;
		performance.mark('examforge:attempt-load-start');
		try {
			const found = await loadAttemptContext(db, id);
			performance.mark('examforge:attempt-session-read');
			if (!found) throw new Error('this exam attempt is not stored on this device');
			this.exam = found.exam;
			this.questions = found.questions;
			this.caseStudies = found.caseStudies;
			this.now = Date.now();
			this.session = found.session;
			this.record = found.record;
			performance.mark('examforge:attempt-loaded');
			await this.#recordExpiry();
			this.#startClock();
		} catch (e) {
			this.error = (e as Error).message;
		} finally {
			this.loading = false;
		}
	}

	/** Stops the clock (when the page is left). */
	dispose(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	#startClock(): void {
		this.dispose();
		this.#timer = setInterval(() => {
			this.now = Date.now();
			void this.#recordExpiry();
		}, 1000);
	}

	/** An attempt found past its deadline is stored as finished (at the deadline). */
	async #recordExpiry(): Promise<void> {
		const s = this.session;
		if (
			!s ||
			!this.view ||
			this.view.finishReason !== 'expired' ||
			this.record?.status === 'finished'
		)
			return;
		await markFinished(db, s.id, this.view.finishedAt!, 'expired');
		this.record = {
			...this.record!,
			status: 'finished',
			finishedAt: this.view.finishedAt,
			finishReason: 'expired'
		};
		this.dispose();
	}

	/** Resolves once every intent queued so far has been stored and shown. */
	async settled(): Promise<void> {
		await this.#queue;
	}

	/** Queues an intent; `make` builds its event from the latest state when its turn comes. */
	#enqueue(make: (view: SessionView, at: number) => SessionEvent | null): Promise<boolean> {
		const run = this.#queue.then(() => this.#record(make));
		this.#queue = run.catch(() => false);
		return run;
	}

	/** Checks, persists, then shows one event. Returns false (with a message) when refused. */
	async #record(make: (view: SessionView, at: number) => SessionEvent | null): Promise<boolean> {
		const s = this.session;
		// One instant per intent: the state is replayed once, at the event's own time.
		const at = Date.now();
		const view = s ? replay(s, at) : null;
		const event = view ? make(view, at) : null;
		if (!s || !event) return false;
		try {
			checkEvent(s, event, view!);
			const t0 = performance.now();
			await appendSessionEvent(db, s, event);
			// Timed by `npm run bench` (performance.measure 'examforge:event-write').
			performance.measure('examforge:event-write', { start: t0, end: performance.now() });
			this.session = { ...s, events: [...s.events, event] };
			this.now = event.at;
			this.error = null;
			if (event.type === 'finish') {
				this.record = {
					...this.record!,
					status: 'finished',
					finishedAt: event.at,
					finishReason: event.reason
				};
				this.dispose();
			}
			return true;
		} catch (e) {
			this.error =
				e instanceof EngineError
					? e.message
					: `Your answer could not be saved on this device (${(e as Error).message}). Nothing was lost; try again.`;
			if (e instanceof EngineError && (e.code === 'expired' || e.code === 'finished'))
				this.now = Date.now();
			return false;
		}
	}

	answer(response: Response | null): Promise<boolean> {
		return this.#enqueue((v, at) => ({ type: 'answer', slot: v.current, response, at }));
	}

	/** Chooses (or, for multiple response, toggles) the option shown at `index` (0 = A). */
	pickOption(index: number): Promise<boolean> {
		return this.#enqueue((v, at) => {
			const slot = this.session!.plan.slots[v.current]!;
			const q = this.questions.get(slot.questionId);
			const id = slot.order[index];
			if (!q || !id || (q.type !== 'single' && q.type !== 'multiple')) return null;
			const prior = v.answers[v.current];
			const chosen = prior?.kind === 'choice' ? prior.optionIds : [];
			let next: string[];
			if (q.type === 'single') next = [id];
			else if (chosen.includes(id)) next = chosen.filter((x) => x !== id);
			else if (chosen.length < q.choose) next = [...chosen, id];
			else return null;
			return {
				type: 'answer',
				slot: v.current,
				response: next.length ? { kind: 'choice', optionIds: next } : null,
				at
			};
		});
	}

	toggleFlag(): Promise<boolean> {
		return this.#enqueue((v, at) => ({
			type: 'flag',
			slot: v.current,
			flagged: !v.flags[v.current],
			at
		}));
	}

	toggleEliminated(optionId: string): Promise<boolean> {
		return this.#enqueue((v, at) => ({
			type: 'eliminate',
			slot: v.current,
			optionId,
			eliminated: !v.eliminated[v.current]!.has(optionId),
			at
		}));
	}

	go(slot: number): Promise<boolean> {
		return this.#enqueue((v, at) =>
			slot === v.current || slot < 0 || slot >= this.total ? null : { type: 'visit', slot, at }
		);
	}

	/** Would going to `slot` leave a section that locks? (The screen asks first.) */
	leavesLockedSection(slot: number): boolean {
		return !!this.session && !!this.view && wouldLockSection(this.session, this.view, slot);
	}

	isLocked(slot: number): boolean {
		const s = this.session?.plan.slots[slot];
		return !!s && !!this.view?.lockedSections.has(s.section);
	}

	finish(): Promise<boolean> {
		return this.#enqueue((_v, at) => ({ type: 'finish', reason: 'submitted', at }));
	}
}
