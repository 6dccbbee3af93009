/**
 * Attempts in IndexedDB. A session record holds the plan and the clock; its events are
 * appended, one record each, to `responses` (append-only, ordered by `seq`). Every write is
 * awaited by the caller before the screen changes.
 */
import type { PoolEntry } from '../engine/assemble';
import type { Session, SessionEvent } from '../engine/session';
import type { CaseStudy, Question } from '../engine/types';
import {
	markSeen,
	type ExamDB,
	type ExamRecord,
	type ResponseRecord,
	type SessionRecord
} from './schema';

/** A stored attempt (plan, clock, status); its events are in `responses`. */
export type StoredSession = SessionRecord;

export async function saveNewSession(db: ExamDB, session: Session, label: string): Promise<void> {
	const { events, ...rest } = session;
	const record: SessionRecord = {
		...rest,
		status: 'active',
		finishedAt: null,
		finishReason: null,
		label
	};
	await db.transaction('rw', db.sessions, db.responses, db.seen, async () => {
		await db.sessions.add(record);
		await db.responses.bulkAdd(events.map((e) => toRecord(session, e)));
		const prior = await db.seen.get(session.examId);
		const seen = new Map(prior ? [[session.examId, prior]] : []);
		markSeen(seen, record);
		await db.seen.put(seen.get(session.examId)!);
	});
}

/**
 * Appends one event. A finish event also marks the session finished, in the same transaction;
 * every other event is a single add on one store (the hot path: one per answer).
 */
export async function appendSessionEvent(
	db: ExamDB,
	session: Session,
	event: SessionEvent
): Promise<void> {
	if (event.type !== 'finish') {
		await addRaw(db, 'responses', toRecord(session, event));
		return;
	}
	await db.transaction('rw', db.sessions, db.responses, async () => {
		await db.responses.add(toRecord(session, event));
		await db.sessions.update(session.id, {
			status: 'finished',
			finishedAt: event.at,
			finishReason: event.reason
		});
	});
}

/**
 * The hot path (one write per answer, flag or click) as one plain IndexedDB transaction: Dexie's
 * wrapping roughly doubled its latency. Resolves when the transaction has committed.
 */
async function addRaw(db: ExamDB, store: 'responses', record: ResponseRecord): Promise<void> {
	if (!db.isOpen()) await db.open();
	const tx = db.backendDB().transaction(store, 'readwrite');
	tx.objectStore(store).add(record);
	await new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('the write was aborted'));
	});
}

function toRecord(session: Session, event: SessionEvent): ResponseRecord {
	const slot = event.type === 'finish' ? -1 : event.slot;
	return {
		sessionId: session.id,
		slot,
		questionId: session.plan.slots[slot]?.questionId ?? '',
		at: event.at,
		event
	};
}

export async function loadSession(
	db: ExamDB,
	id: string
): Promise<{ session: Session; record: StoredSession } | null> {
	const record = await db.sessions.get(id);
	if (!record) return null;
	const events = await db.responses.where('sessionId').equals(id).sortBy('seq');
	const {
		status: _status,
		finishedAt: _finishedAt,
		finishReason: _reason,
		label: _label,
		...core
	} = record;
	return { session: { ...core, events: events.map((e) => e.event) }, record };
}

/** Everything a screen about one attempt needs: the attempt, its exam, questions and cases. */
export interface AttemptContext {
	session: Session;
	record: StoredSession;
	exam: ExamRecord | null;
	questions: Map<string, Question>;
	caseStudies: Map<string, CaseStudy>;
}

export async function loadAttemptContext(db: ExamDB, id: string): Promise<AttemptContext | null> {
	const found = await loadSession(db, id);
	if (!found) return null;
	const slots = found.session.plan.slots;
	const caseIds = [...new Set(slots.map((s) => s.caseStudyId).filter((c): c is string => !!c))];
	const [exam, questions, cases] = await Promise.all([
		db.exams.get(found.session.examId),
		getQuestions(
			db,
			slots.map((s) => s.questionId)
		),
		getCaseStudies(db, caseIds)
	]);
	return {
		...found,
		exam: exam ?? null,
		questions: new Map(questions.map((q) => [q.id, q])),
		caseStudies: new Map(cases.map((c) => [c.id, c]))
	};
}

/** Marks a session finished (e.g. found expired on a later visit) without adding an event. */
export async function markFinished(
	db: ExamDB,
	id: string,
	finishedAt: number,
	reason: string
): Promise<void> {
	await db.sessions.update(id, { status: 'finished', finishedAt, finishReason: reason });
}

export async function listSessions(db: ExamDB, examId: string): Promise<StoredSession[]> {
	const all = (await db.sessions.where('examId').equals(examId).toArray()) as StoredSession[];
	return all.sort((a, b) => b.startedAt - a.startedAt);
}

/**
 * The exam's question pool from index keys only (no question records are read): each question
 * id with its domain, and when the learner last met it in an earlier attempt.
 */
export async function questionPool(db: ExamDB, exam: ExamRecord): Promise<PoolEntry[]> {
	// Two small independent reads, side by side: the exam's pools (one per bank source) and when
	// the learner last met each of its questions.
	const [seen, pools] = await Promise.all([
		db.seen.get(exam.id),
		db.pools.where('examId').equals(exam.id).toArray()
	]);
	const at = seen?.at ?? {};
	const known = new Set(exam.domains.map((d) => d.id));
	return pools.flatMap((p) =>
		Object.entries(p.domains)
			.filter(([domainId]) => known.has(domainId))
			.flatMap(([domainId, ids]) => ids.map((id) => ({ id, domainId, lastSeenAt: at[id] ?? null })))
	);
}

export async function getQuestions(db: ExamDB, ids: string[]): Promise<Question[]> {
	const found = await db.questions.bulkGet(ids);
	return found.filter((q): q is NonNullable<typeof q> => !!q);
}

export async function getCaseStudies(db: ExamDB, ids: string[]): Promise<CaseStudy[]> {
	return (await db.caseStudies.bulkGet(ids)).filter((c): c is NonNullable<typeof c> => !!c);
}
