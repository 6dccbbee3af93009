/**
 * The one IndexedDB database of the app (Dexie). Every schema version ever shipped stays
 * declared here; data migrations go in `.upgrade()`. Only src/lib/db imports Dexie.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Session, SessionEvent } from '../engine/session';
import type { CaseStudy, ExamDefinition, Question } from '../engine/types';

/** A question as stored: the compiled question plus where it came from. */
export type QuestionRecord = Question & {
	hash: string;
	/** 'bundled' for the app's own banks, 'import:<name>' for a learner's import. */
	source: string;
	/** Exam ids the question serves (multi-entry index). */
	examIds: string[];
	/** `${examId}/${domainId}` for each mapping (multi-entry index). */
	domainKeys: string[];
	/** Set when a later bank no longer contains the question; kept so history stays readable. */
	retiredAt: number | null;
};

export type ExamRecord = ExamDefinition & { source: string };
export type CaseStudyRecord = CaseStudy & { source: string };

/** One loaded bank source and the content hash of each of its questions. */
export interface BankRecord {
	id: string;
	version: string;
	loadedAt: number;
	questions: number;
	hashes: Record<string, string>;
	name: string;
}

/** An attempt: its plan and clock. Its events live in `responses`. */
export interface SessionRecord {
	id: string;
	examId: string;
	kind: Session['kind'];
	seed: number;
	plan: Session['plan'];
	startedAt: number;
	deadlineAt: number | null;
	extraMs: number;
	status: 'active' | 'finished';
	finishedAt: number | null;
	finishReason: string | null;
	/** A short label such as "Full mock" or "Custom: 20 questions". */
	label: string;
}

/** One event of an attempt, append-only, ordered by `seq`. */
export interface ResponseRecord {
	seq?: number;
	sessionId: string;
	/** -1 for events that concern no question (finish). */
	slot: number;
	questionId: string;
	at: number;
	event: SessionEvent;
}

export interface ReviewRecord {
	questionId: string;
	due: number;
	[key: string]: unknown;
}

/**
 * The question ids of one exam from one bank source, grouped by domain: what assembling an exam
 * reads, instead of scanning the domain index (tens of milliseconds on a large store).
 * Rewritten with the source in the same transaction as its questions.
 */
export interface PoolRecord {
	examId: string;
	source: string;
	/** domainId -> question ids */
	domains: Record<string, string[]>;
}

/** When the learner last met each question of one exam (for "unseen first"), kept per exam. */
export interface SeenRecord {
	examId: string;
	/** questionId -> startedAt of the latest attempt that contained it */
	at: Record<string, number>;
}

export interface SettingRecord {
	key: string;
	value: unknown;
}

/** The stores of schema version 1, as shipped (kept for the upgrade path and its test). */
export const SCHEMA_V1 = {
	exams: 'id, vendor, status, source',
	// Only the indexes queries use: each index costs time on every bank load.
	questions: 'id, *examIds, *domainKeys, source, *tags',
	caseStudies: 'id, source',
	banks: 'id',
	sessions: 'id, examId, startedAt, status',
	responses: '++seq, sessionId, [sessionId+slot], questionId, at',
	reviews: 'questionId, due',
	settings: 'key'
} as const;

export class ExamDB extends Dexie {
	exams!: EntityTable<ExamRecord, 'id'>;
	questions!: EntityTable<QuestionRecord, 'id'>;
	caseStudies!: EntityTable<CaseStudyRecord, 'id'>;
	banks!: EntityTable<BankRecord, 'id'>;
	sessions!: EntityTable<SessionRecord, 'id'>;
	responses!: EntityTable<ResponseRecord, 'seq'>;
	reviews!: EntityTable<ReviewRecord, 'questionId'>;
	settings!: EntityTable<SettingRecord, 'key'>;
	pools!: Table<PoolRecord, [string, string]>;
	seen!: EntityTable<SeenRecord, 'examId'>;

	constructor(name = 'examforge') {
		super(name);
		this.version(1).stores(SCHEMA_V1);
		// v2: per-exam question pools, so that starting an exam reads a few small records.
		this.version(2)
			.stores({ pools: '[examId+source], examId, source' })
			.upgrade(async (tx) => {
				const pools = new Map<string, PoolRecord>();
				await tx.table<QuestionRecord, string>('questions').each((q) => {
					if (q.retiredAt !== null) return;
					for (const m of q.exams) addToPool(pools, q.source, m.examId, m.domainId, q.id);
				});
				await tx.table<PoolRecord, [string, string]>('pools').bulkPut([...pools.values()]);
			});
		// v3: when each question was last met, per exam, so starting an exam need not scan history.
		this.version(3)
			.stores({ seen: 'examId' })
			.upgrade(async (tx) => {
				const seen = new Map<string, SeenRecord>();
				await tx.table<SessionRecord, string>('sessions').each((s) => markSeen(seen, s));
				await tx.table<SeenRecord, string>('seen').bulkPut([...seen.values()]);
			});
	}
}

/** Records that the questions of attempt `s` were met at its start. */
export function markSeen(
	seen: Map<string, SeenRecord>,
	s: Pick<SessionRecord, 'examId' | 'startedAt' | 'plan'>
): void {
	let record = seen.get(s.examId);
	if (!record) seen.set(s.examId, (record = { examId: s.examId, at: {} }));
	for (const slot of s.plan.slots)
		record.at[slot.questionId] = Math.max(record.at[slot.questionId] ?? 0, s.startedAt);
}

/** Adds one question to the pool of (source, exam), creating it as needed. */
export function addToPool(
	pools: Map<string, PoolRecord>,
	source: string,
	examId: string,
	domainId: string,
	id: string
): void {
	const key = `${examId}\u0000${source}`;
	let pool = pools.get(key);
	if (!pool) pools.set(key, (pool = { examId, source, domains: {} }));
	(pool.domains[domainId] ??= []).push(id);
}

/** Key of the multi-entry index used to find questions by exam and domain. */
export function domainKey(examId: string, domainId: string): string {
	return `${examId}/${domainId}`;
}
