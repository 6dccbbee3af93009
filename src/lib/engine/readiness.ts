/**
 * Readiness: the probability of passing the real exam now. The exam score is the blueprint-
 * weighted average of the domain shares; each share is uncertain (its Beta posterior) and the real
 * exam adds sampling noise (a finite number of questions). Both variances add; a normal
 * approximation then gives P(score >= pass share) and an interval. Shown only with enough
 * evidence in every domain; otherwise it says what is missing.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { DomainMastery } from './mastery';

export interface ReadinessOptions {
	/** Share correct that passes (e.g. 0.689 for AWS 720/100–1000). */
	passShare: number;
	/** Questions on the real exam (sampling noise). */
	examLength: number;
	/** Recency-weighted answers needed in every domain before a figure is shown. */
	minEvidence?: number;
}

export type Readiness =
	| { ready: true; probability: number; expectedShare: number; low: number; high: number }
	| { ready: false; missing: { domainId: string; evidence: number; needed: number }[] };

export function readiness(
	mastery: readonly DomainMastery[],
	weights: readonly { domainId: string; weight: number }[],
	options: ReadinessOptions
): Readiness {
	const needed = options.minEvidence ?? 5;
	const missing = weights
		.map((w) => ({ w, m: mastery.find((m) => m.domainId === w.domainId) }))
		.filter(({ m }) => !m || m.evidence < needed)
		.map(({ w, m }) => ({
			domainId: w.domainId,
			evidence: Math.round((m?.evidence ?? 0) * 10) / 10,
			needed
		}));
	if (missing.length) return { ready: false, missing };
	const total = weights.reduce((s, w) => s + w.weight, 0);
	let mean = 0;
	let variance = 0;
	for (const w of weights) {
		const m = mastery.find((x) => x.domainId === w.domainId)!;
		const share = w.weight / total;
		const n = m.alpha + m.beta;
		mean += share * m.mean;
		variance += share * share * ((m.alpha * m.beta) / (n * n * (n + 1)));
	}
	variance += (mean * (1 - mean)) / Math.max(1, options.examLength);
	const sd = Math.sqrt(variance);
	return {
		ready: true,
		probability: 1 - normalCdf(options.passShare, mean, sd),
		expectedShare: mean,
		low: Math.max(0, mean - 1.645 * sd),
		high: Math.min(1, mean + 1.645 * sd)
	};
}
