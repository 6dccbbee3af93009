/**
 * Coverage figures per exam, the shape `npm run bank:stats -- --json` prints. Tooling reads
 * it: keep existing fields stable, add new ones freely (documented in README.md).
 */
import { domainQuotas } from '../engine/blueprint';
import type { CompiledBank, ExamDefinition } from '../engine/types';
import type { CompileResult } from './compile';

export interface TaskStats {
	id: string;
	title: string;
	questions: number;
}

export interface DomainStats {
	id: string;
	title: string;
	weightMin: number;
	weightMax: number;
	available: number;
	neededForMock: number;
	tasks: TaskStats[];
}

export interface ExamStats {
	id: string;
	code: string | null;
	shortName: string;
	vendor: string;
	status: string;
	durationMinutes: number;
	mockLength: number;
	questions: number;
	fullMockWithoutRepeats: boolean;
	/** Task statements with fewer than two questions. */
	thinTasks: string[];
	byType: Record<string, number>;
	byDifficulty: Record<string, number>;
	domains: DomainStats[];
	lint: { errors: number; warnings: number; keyLongestShare: number; keyPositions: number[] };
}

export function examStats(
	exam: ExamDefinition,
	bank: CompiledBank,
	result?: CompileResult
): ExamStats {
	const qs = bank.questions.filter((q) => q.exams.some((m) => m.examId === exam.id));
	const quotas = domainQuotas(exam, exam.questionCount.mock);
	const byType: Record<string, number> = {};
	const byDifficulty: Record<string, number> = {};
	for (const q of qs) {
		const kind = q.caseStudyId ? `${q.type}+case-study` : q.type;
		byType[kind] = (byType[kind] ?? 0) + 1;
		byDifficulty[q.difficulty] = (byDifficulty[q.difficulty] ?? 0) + 1;
	}
	const domains: DomainStats[] = exam.domains.map((d) => {
		const inDomain = qs
			.map((q) => q.exams.find((m) => m.examId === exam.id)!)
			.filter((m) => m.domainId === d.id);
		return {
			id: d.id,
			title: d.title,
			weightMin: d.weightMin,
			weightMax: d.weightMax,
			available: inDomain.length,
			neededForMock: quotas.find((x) => x.domainId === d.id)?.count ?? 0,
			tasks: d.tasks.map((t) => ({
				id: t.id,
				title: t.title,
				questions: inDomain.filter((m) => m.taskId === t.id).length
			}))
		};
	});
	let errors = 0;
	let warnings = 0;
	if (result) {
		for (const p of result.problems) {
			const owners =
				result.fileExams.get(p.file) ?? (p.file === `${exam.id}/exam.yaml` ? [exam.id] : []);
			if (!owners.includes(exam.id)) continue;
			if (p.severity === 'error') errors++;
			else warnings++;
		}
	}
	const lint = result?.lint.get(exam.id);
	return {
		id: exam.id,
		code: exam.code,
		shortName: exam.shortName,
		vendor: exam.vendor,
		status: exam.status,
		durationMinutes: exam.durationMinutes,
		mockLength: exam.questionCount.mock,
		questions: qs.length,
		fullMockWithoutRepeats: domains.every((d) => d.available >= d.neededForMock),
		thinTasks: domains.flatMap((d) => d.tasks.filter((t) => t.questions < 2).map((t) => t.id)),
		byType,
		byDifficulty,
		domains,
		lint: {
			errors,
			warnings,
			keyLongestShare: lint?.keyLongestShare ?? 0,
			keyPositions: lint?.keyPositions ?? [0, 0, 0, 0]
		}
	};
}
