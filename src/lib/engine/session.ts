/**
 * An exam attempt as an append-only list of events by slot (answer, flag, eliminate, visit,
 * finish). The state on screen and the score are derived by replaying the events, so a reload
 * restores everything and a corrected answer key re-scores history. The clock is a stored
 * deadline: time left is derived from `now`, which the caller passes in.
 */
import { EngineError } from './errors';
import type { Response } from './grade';
import type { ExamPlan } from './plan';

export type FinishReason = 'submitted' | 'expired';

export type SessionEvent =
	| { type: 'visit'; slot: number; at: number }
	| { type: 'answer'; slot: number; response: Response | null; at: number }
	| { type: 'flag'; slot: number; flagged: boolean; at: number }
	| { type: 'eliminate'; slot: number; optionId: string; eliminated: boolean; at: number }
	| { type: 'finish'; reason: FinishReason; at: number };

export interface Session {
	id: string;
	examId: string;
	/** 'mock' follows the exam definition; 'custom' was shaped by the learner. */
	kind: 'mock' | 'custom';
	seed: number;
	plan: ExamPlan;
	startedAt: number;
	/** null for an untimed exam. */
	deadlineAt: number | null;
	/** Extra time granted (accommodation), already included in deadlineAt. */
	extraMs: number;
	events: SessionEvent[];
}

export interface StartOptions {
	id: string;
	examId: string;
	kind?: 'mock' | 'custom';
	seed: number;
	plan: ExamPlan;
	startedAt: number;
	/** null for untimed. */
	durationMs: number | null;
	extraMs?: number;
}

/** A new attempt, on its first question. */
export function startSession(o: StartOptions): Session {
	const extraMs = o.extraMs ?? 0;
	return {
		id: o.id,
		examId: o.examId,
		kind: o.kind ?? 'mock',
		seed: o.seed,
		plan: o.plan,
		startedAt: o.startedAt,
		deadlineAt: o.durationMs === null ? null : o.startedAt + o.durationMs + extraMs,
		extraMs,
		events: [{ type: 'visit', slot: 0, at: o.startedAt }]
	};
}

export interface SessionView {
	current: number;
	answers: (Response | null)[];
	flags: boolean[];
	eliminated: Set<string>[];
	visited: boolean[];
	/** Milliseconds spent on each slot (from visits until the next visit or the end). */
	timeOnSlot: number[];
	/** Sections the learner has left that lock once left. */
	lockedSections: Set<number>;
	finishedAt: number | null;
	finishReason: FinishReason | null;
	/** Every answer given to each slot, in order (for "answers changed"). */
	answerHistory: (Response | null)[][];
}

/**
 * Replays the events into the state the learner sees at `now`. Events after the deadline do not
 * count; if `now` is past the deadline and the attempt was never finished, it finished at the
 * deadline (also when the tab was closed).
 */
export function replay(session: Session, now: number): SessionView {
	const n = session.plan.slots.length;
	const view: SessionView = {
		current: 0,
		answers: Array(n).fill(null),
		flags: Array(n).fill(false),
		eliminated: Array.from({ length: n }, () => new Set<string>()),
		visited: Array(n).fill(false),
		timeOnSlot: Array(n).fill(0),
		lockedSections: new Set(),
		finishedAt: null,
		finishReason: null,
		answerHistory: Array.from({ length: n }, () => [])
	};
	let visitAt = session.startedAt;
	const deadline = session.deadlineAt ?? Infinity;
	for (const e of session.events) {
		if (e.at > deadline) break;
		if (e.type === 'finish') {
			view.timeOnSlot[view.current]! += e.at - visitAt;
			view.finishedAt = e.at;
			view.finishReason = e.reason;
			break;
		}
		if (e.type === 'visit') {
			view.timeOnSlot[view.current]! += e.at - visitAt;
			const from = session.plan.slots[view.current]!.section;
			const to = session.plan.slots[e.slot]!.section;
			if (from !== to && session.plan.sections[from]?.locksOnLeave && view.visited[view.current]) {
				view.lockedSections.add(from);
			}
			view.current = e.slot;
			view.visited[e.slot] = true;
			visitAt = e.at;
		} else if (e.type === 'answer') {
			view.answers[e.slot] = e.response;
			view.answerHistory[e.slot]!.push(e.response);
		} else if (e.type === 'flag') {
			view.flags[e.slot] = e.flagged;
		} else if (e.eliminated) {
			view.eliminated[e.slot]!.add(e.optionId);
		} else {
			view.eliminated[e.slot]!.delete(e.optionId);
		}
	}
	if (view.finishedAt === null && now >= deadline) {
		view.timeOnSlot[view.current]! += deadline - visitAt;
		view.finishedAt = deadline;
		view.finishReason = 'expired';
	}
	return view;
}

/** Time left at `now` (never negative), or null for an untimed attempt. */
export function remainingMs(session: Session, now: number): number | null {
	return session.deadlineAt === null ? null : Math.max(0, session.deadlineAt - now);
}

/**
 * Checks that `event` may be recorded now and returns it; throws EngineError naming the rule it
 * breaks (finished, expired, locked section, unknown slot). The caller persists it, then appends.
 */
export function checkEvent(
	session: Session,
	event: SessionEvent,
	/** The state at `event.at`, when the caller already has it (saves a second replay). */
	view: SessionView = replay(session, event.at)
): SessionEvent {
	if (view.finishedAt !== null) {
		throw new EngineError(
			view.finishReason === 'expired' ? 'expired' : 'finished',
			'this exam has ended'
		);
	}
	if (event.type === 'finish') return event;
	const slot = session.plan.slots[event.slot];
	if (!slot) throw new EngineError('bad-slot', `there is no question ${event.slot + 1}`);
	if (view.lockedSections.has(slot.section)) {
		throw new EngineError('locked-section', 'this section was left and cannot be revisited');
	}
	if (event.type !== 'visit' && event.slot !== view.current) {
		throw new EngineError('bad-slot', 'only the question on screen can be changed');
	}
	// Leaving a locking section is allowed (it then locks); the UI warns before it happens.
	return event;
}

/** The session with `event` appended, after checkEvent. */
export function appendEvent(session: Session, event: SessionEvent): Session {
	return { ...session, events: [...session.events, checkEvent(session, event)] };
}

/** True when moving from the current slot to `slot` would leave (and lock) a section. */
export function wouldLockSection(session: Session, view: SessionView, slot: number): boolean {
	const from = session.plan.slots[view.current];
	const to = session.plan.slots[slot];
	return (
		!!from &&
		!!to &&
		from.section !== to.section &&
		!!session.plan.sections[from.section]?.locksOnLeave
	);
}
