/** Read-side repository functions: what pages need, as plain engine-shaped data. */
import type { ExamDB, ExamRecord } from './schema';

export interface DomainCoverage {
	domainId: string;
	available: number;
}

export async function listExams(db: ExamDB): Promise<ExamRecord[]> {
	const exams = await db.exams.toArray();
	return exams.sort(
		(a, b) => a.vendor.localeCompare(b.vendor) || a.shortName.localeCompare(b.shortName)
	);
}

/** Number of live questions per exam, from the exam pools (no index scans). */
export async function countQuestionsByExam(
	db: ExamDB,
	examIds: string[]
): Promise<Map<string, number>> {
	const out = new Map<string, number>(examIds.map((id) => [id, 0]));
	for (const p of await db.pools.where('examId').anyOf(examIds).toArray()) {
		out.set(
			p.examId,
			(out.get(p.examId) ?? 0) + Object.values(p.domains).reduce((n, ids) => n + ids.length, 0)
		);
	}
	return out;
}

/** Questions available per domain of one exam, from its pools. */
export async function domainCoverage(db: ExamDB, exam: ExamRecord): Promise<DomainCoverage[]> {
	const pools = await db.pools.where('examId').equals(exam.id).toArray();
	return exam.domains.map((d) => ({
		domainId: d.id,
		available: pools.reduce((n, p) => n + (p.domains[d.id]?.length ?? 0), 0)
	}));
}

/** Live questions across all loaded banks, from the bank records (no scan of the questions). */
export async function countLiveQuestions(db: ExamDB): Promise<number> {
	let total = 0;
	await db.banks.each((b) => (total += b.questions));
	return total;
}

/** A learner setting, or `fallback` when never set. */
export async function getSetting<T>(db: ExamDB, key: string, fallback: T): Promise<T> {
	const row = await db.settings.get(key);
	return row === undefined ? fallback : (row.value as T);
}

export async function putSetting(db: ExamDB, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}
