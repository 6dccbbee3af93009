/**
 * One exam's overview: its definition, the bank's coverage of each domain, and how many
 * questions a full mock needs there.
 */
import { db, domainCoverage, type ExamRecord } from '$lib/db';
import { domainQuotas } from '$lib/engine/blueprint';

export interface DomainRow {
	id: string;
	number: number;
	title: string;
	weightMin: number;
	weightMax: number;
	needed: number;
	available: number;
	tasks: { id: string; title: string }[];
}

export class ExamOverviewState {
	exam = $state<ExamRecord | null>(null);
	rows = $state<DomainRow[]>([]);
	loading = $state(true);
	error = $state<string | null>(null);
	readonly fullMockReady = $derived(
		this.rows.length > 0 && this.rows.every((r) => r.available >= r.needed)
	);
	readonly totalAvailable = $derived(this.rows.reduce((s, r) => s + r.available, 0));

	async load(id: string): Promise<void> {
		this.loading = true;
		this.error = null;
		try {
			const exam = (await db.exams.get(id)) ?? null;
			this.exam = exam;
			if (exam) {
				const coverage = await domainCoverage(db, exam);
				const quotas = domainQuotas(exam, exam.questionCount.mock);
				this.rows = exam.domains.map((d) => ({
					id: d.id,
					number: d.number,
					title: d.title,
					weightMin: d.weightMin,
					weightMax: d.weightMax,
					needed: quotas.find((q) => q.domainId === d.id)?.count ?? 0,
					available: coverage.find((c) => c.domainId === d.id)?.available ?? 0,
					tasks: d.tasks
				}));
			}
		} catch (e) {
			this.error = (e as Error).message;
		} finally {
			this.loading = false;
		}
	}
}
