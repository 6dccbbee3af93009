/**
 * Loads a compiled bank into the store. Only what changed is written: each question's content
 * hash is compared with the hash stored for its source. Everything happens in ONE read-write
 * transaction, so a failure leaves the store exactly as it was. Writes go in batches so that
 * no single task holds the thread for long. Learner data (sessions, responses, reviews) is
 * never touched.
 */
import type { CaseStudy, CompiledBank, ExamDefinition } from '../engine/types';
import { addToPool, domainKey, type ExamDB, type PoolRecord, type QuestionRecord } from './schema';

export interface SyncOptions {
	/** Records per bulkPut call. */
	batchSize?: number;
	now: number;
	name?: string;
	onProgress?: (written: number, total: number) => void;
}

export interface SyncResult {
	source: string;
	version: string;
	added: number;
	updated: number;
	unchanged: number;
	retired: number;
	skipped: boolean;
}

export class BankConflictError extends Error {
	constructor(readonly ids: string[]) {
		super(
			`${ids.length} question id(s) already belong to another bank: ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''}`
		);
		this.name = 'BankConflictError';
	}
}

export function toRecord(q: CompiledBank['questions'][number], source: string): QuestionRecord {
	return {
		...q,
		source,
		examIds: [...new Set(q.exams.map((m) => m.examId))],
		domainKeys: q.exams.map((m) => domainKey(m.examId, m.domainId)),
		retiredAt: null
	};
}

/** Writes `bank` as `source`, replacing that source's previous version atomically. */
export async function syncBank(
	db: ExamDB,
	bank: CompiledBank,
	source: string,
	options: SyncOptions
): Promise<SyncResult> {
	const batch = options.batchSize ?? 500;
	return db.transaction(
		'rw',
		[db.banks, db.questions, db.exams, db.caseStudies, db.pools],
		async () => {
			const prior = await db.banks.get(source);
			const result: SyncResult = {
				source,
				version: bank.version,
				added: 0,
				updated: 0,
				unchanged: 0,
				retired: 0,
				skipped: false
			};
			if (prior?.version === bank.version) {
				result.unchanged = bank.questions.length;
				result.skipped = true;
				return result;
			}
			const old = prior?.hashes ?? {};
			const changed: QuestionRecord[] = [];
			const hashes: Record<string, string> = {};
			for (const q of bank.questions) {
				hashes[q.id] = q.hash;
				const before = old[q.id];
				if (before === q.hash) result.unchanged++;
				else {
					if (before === undefined) result.added++;
					else result.updated++;
					changed.push(toRecord(q, source));
				}
			}
			const others = (await db.banks.toCollection().primaryKeys()).filter((k) => k !== source);
			if (others.length) await assertNoForeignIds(db, changed, source);
			const gone = Object.keys(old).filter((id) => !(id in hashes));
			// Batches are queued together so IndexedDB never waits for the next one; the loader runs
			// in a worker, so batching only bounds each structured clone and paces progress reports.
			let written = 0;
			const writes: Promise<unknown>[] = [];
			for (let i = 0; i < changed.length; i += batch) {
				const chunk = changed.slice(i, i + batch);
				writes.push(
					db.questions.bulkPut(chunk).then(() => {
						written += chunk.length;
						options.onProgress?.(written, changed.length);
					})
				);
			}
			await Promise.all(writes);
			if (gone.length) {
				result.retired = await db.questions.where('id').anyOf(gone).modify({
					retiredAt: options.now,
					// Out of the exam indexes, so counts and exam assembly skip it; `exams` keeps the mapping.
					examIds: [],
					domainKeys: []
				});
			}
			await putDefinitions(db, bank.exams, bank.caseStudies, source);
			await putPools(db, bank, source);
			await db.banks.put({
				id: source,
				version: bank.version,
				loadedAt: options.now,
				questions: bank.questions.length,
				hashes,
				name: options.name ?? source
			});
			return result;
		}
	);
}

async function assertNoForeignIds(db: ExamDB, records: QuestionRecord[], source: string) {
	const existing = await db.questions.bulkGet(records.map((r) => r.id));
	const clash = existing.filter((r) => r && r.source !== source).map((r) => r!.id);
	if (clash.length) throw new BankConflictError(clash);
}

/** Rewrites this source's exam pools from the bank in memory (no reads needed). */
async function putPools(db: ExamDB, bank: CompiledBank, source: string) {
	const pools = new Map<string, PoolRecord>();
	for (const q of bank.questions)
		for (const m of q.exams) addToPool(pools, source, m.examId, m.domainId, q.id);
	await db.pools.where('source').equals(source).delete();
	await db.pools.bulkPut([...pools.values()]);
}

async function putDefinitions(
	db: ExamDB,
	exams: ExamDefinition[],
	cases: CaseStudy[],
	source: string
) {
	if (exams.length) {
		const stored = await db.exams.bulkGet(exams.map((e) => e.id));
		const clash = stored.filter((e) => e && e.source !== source).map((e) => e!.id);
		if (clash.length) throw new BankConflictError(clash);
		await db.exams.bulkPut(exams.map((e) => ({ ...e, source })));
	}
	if (cases.length) await db.caseStudies.bulkPut(cases.map((c) => ({ ...c, source })));
}
