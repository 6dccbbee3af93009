/**
 * Domain mastery with its uncertainty: a Beta posterior over the chance of answering a question
 * of the domain correctly, where recent answers weigh more (exponential decay with a half-life).
 * Three answers are not "100%": a uniform Beta(1, 1) prior keeps the interval wide until the
 * evidence narrows it. Pure: the caller passes `now`.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

export interface Observation {
	domainId: string;
	correct: boolean;
	/** When the answer was given (epoch ms). */
	at: number;
}

export interface MasteryOptions {
	now: number;
	/** An answer this old counts half as much as one given now. */
	halfLifeDays?: number;
	/** Credible interval width, e.g. 0.9 for 5%–95%. */
	interval?: number;
}

export interface DomainMastery {
	domainId: string;
	alpha: number;
	beta: number;
	/** Posterior mean: the best estimate of the share answered correctly. */
	mean: number;
	low: number;
	high: number;
	/** Recency-weighted number of answers (the posterior's weight of evidence). */
	evidence: number;
	answered: number;
}

const DAY = 86_400_000;

export function domainMastery(
	observations: readonly Observation[],
	domainIds: readonly string[],
	options: MasteryOptions
): DomainMastery[] {
	const halfLife = options.halfLifeDays ?? 30;
	const tail = (1 - (options.interval ?? 0.9)) / 2;
	return domainIds.map((domainId) => {
		let alpha = 1;
		let beta = 1;
		let answered = 0;
		for (const o of observations) {
			if (o.domainId !== domainId) continue;
			const ageDays = Math.max(0, options.now - o.at) / DAY;
			const w = 0.5 ** (ageDays / halfLife);
			if (o.correct) alpha += w;
			else beta += w;
			answered++;
		}
		return {
			domainId,
			alpha,
			beta,
			mean: alpha / (alpha + beta),
			low: betaQuantile(tail, alpha, beta),
			high: betaQuantile(1 - tail, alpha, beta),
			evidence: alpha + beta - 2,
			answered
		};
	});
}

/** Domains from weakest to strongest (lowest posterior mean first; less evidence breaks ties). */
export function weakestFirst(mastery: readonly DomainMastery[]): DomainMastery[] {
	return [...mastery].sort((a, b) => a.mean - b.mean || a.evidence - b.evidence);
}
