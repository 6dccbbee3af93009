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
