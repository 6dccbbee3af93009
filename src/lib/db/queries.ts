/** Read-side repository functions: what pages need, as plain engine-shaped data. */
import { domainKey, type ExamDB, type ExamRecord } from './schema';

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

/** Number of live questions per exam (retired ones leave the exam index). */
export async function countQuestionsByExam(
	db: ExamDB,
	examIds: string[]
): Promise<Map<string, number>> {
	const out = new Map<string, number>();
	await Promise.all(
		examIds.map(async (id) => out.set(id, await db.questions.where('examIds').equals(id).count()))
	);
	return out;
}

/** Questions available per domain of one exam, read from the multi-entry index. */
export async function domainCoverage(db: ExamDB, exam: ExamRecord): Promise<DomainCoverage[]> {
	return Promise.all(
		exam.domains.map(async (d) => ({
			domainId: d.id,
			available: await db.questions.where('domainKeys').equals(domainKey(exam.id, d.id)).count()
		}))
	);
}

/** Live questions across all loaded banks, from the bank records (no scan of the questions). */
export async function countLiveQuestions(db: ExamDB): Promise<number> {
	let total = 0;
	await db.banks.each((b) => (total += b.questions));
	return total;
}
