/**
 * Blueprint arithmetic: how many questions of each domain a mock of a given length needs.
 * Published ranges use their midpoint; counts are apportioned by the largest-remainder method,
 * so they always add up to the mock length. Pure: callers pass the exam definition in.
 */
import type { ExamDefinition } from './types';

export interface DomainQuota {
	domainId: string;
	/** Midpoint weight in percent. */
	weight: number;
	count: number;
}

/** Midpoint of a domain's published weight range. */
export function midpointWeight(domain: { weightMin: number; weightMax: number }): number {
	return (domain.weightMin + domain.weightMax) / 2;
}

/**
 * Splits `length` questions across the exam's domains in proportion to their midpoint weights
 * (largest remainder; ties go to the heavier, then the earlier domain).
 */
export function domainQuotas(exam: Pick<ExamDefinition, 'domains'>, length: number): DomainQuota[] {
	const weights = exam.domains.map(midpointWeight);
	const total = weights.reduce((a, b) => a + b, 0);
	if (total <= 0 || length <= 0) {
		return exam.domains.map((d, i) => ({ domainId: d.id, weight: weights[i] ?? 0, count: 0 }));
	}
	const exact = weights.map((w) => (w / total) * length);
	const counts = exact.map(Math.floor);
	let left = length - counts.reduce((a, b) => a + b, 0);
	const order = exact
		.map((x, i) => ({ i, rem: x - Math.floor(x), w: weights[i] ?? 0 }))
		.sort((a, b) => b.rem - a.rem || b.w - a.w || a.i - b.i);
	for (const { i } of order) {
		if (left <= 0) break;
		counts[i] = (counts[i] ?? 0) + 1;
		left--;
	}
	return exam.domains.map((d, i) => ({
		domainId: d.id,
		weight: weights[i] ?? 0,
		count: counts[i] ?? 0
	}));
}

/** Sum of midpoint weights; a well-formed blueprint sums to 100 (within rounding). */
export function weightTotal(exam: Pick<ExamDefinition, 'domains'>): number {
	return exam.domains.reduce((sum, d) => sum + midpointWeight(d), 0);
}

/** How far approximate ("~") weights may miss 100 in total, in percentage points. */
export const APPROXIMATE_WEIGHT_TOLERANCE = 2;

/**
 * True when the published ranges can add up to 100 (min sum <= 100 <= max sum), allowing
 * a small tolerance for weights the vendor marks as approximate.
 */
export function weightsCanSumTo100(
	exam: Pick<ExamDefinition, 'domains'> & { weightsApproximate?: boolean }
): boolean {
	const slack = (exam.weightsApproximate ? APPROXIMATE_WEIGHT_TOLERANCE : 0) + 1e-9;
	const lo = exam.domains.reduce((s, d) => s + d.weightMin, 0);
	const hi = exam.domains.reduce((s, d) => s + d.weightMax, 0);
	return lo <= 100 + slack && hi >= 100 - slack;
}
