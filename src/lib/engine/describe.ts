/** Human wording of exam rules, shared by every page that shows an exam. */
import type { ExamDefinition, Vendor } from './types';

export const VENDOR_NAMES: Record<Vendor, string> = {
	aws: 'Amazon Web Services',
	microsoft: 'Microsoft Azure',
	google: 'Google Cloud'
};

export function passingRule(exam: Pick<ExamDefinition, 'scoring'>): string {
	const s = exam.scoring;
	return s.kind === 'scaled' ? `pass ${s.passing} of ${s.min}–${s.max}` : 'pass/fail';
}

export function weightLabel(
	d: { weightMin: number; weightMax: number },
	approximate = false
): string {
	const core = d.weightMin === d.weightMax ? `${d.weightMin}%` : `${d.weightMin}–${d.weightMax}%`;
	return approximate ? `~${core}` : core;
}

const TYPE_NAMES: Record<string, string> = {
	single: 'multiple choice',
	multiple: 'multiple response',
	ordering: 'ordering',
	matching: 'matching',
	'case-study': 'case study'
};

export function questionTypeNames(types: string[]): string {
	return types.map((t) => TYPE_NAMES[t] ?? t).join(', ');
}

/** 5_025_000 -> "1:23:45"; under an hour "23:45". */
export function formatClock(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const mm = String(m).padStart(2, '0');
	const ss = String(s).padStart(2, '0');
	return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** 95_000 -> "1 min 35 s" */
export function formatDuration(ms: number): string {
	const total = Math.round(ms / 1000);
	const m = Math.floor(total / 60);
	const s = total % 60;
	return m ? `${m} min ${s} s` : `${s} s`;
}
