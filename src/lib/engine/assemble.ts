/**
 * Choosing the questions of an exam: stratified by the blueprint's domain weights, never a
 * question twice, never-seen questions first, then the least recently seen, ties broken by the
 * seed. Works on light pool entries (ids and index fields), not whole question records.
 */
import { domainQuotas } from './blueprint';
import { EngineError } from './errors';
import { seeded, shuffle } from './random';
import type { ExamDefinition } from './types';

export interface PoolEntry {
	id: string;
	/** The question's domain in this exam. */
	domainId: string;
	/** When the learner last saw it, or null if never. */
	lastSeenAt: number | null;
}

export interface SelectOptions {
	seed: number;
	/** Number of questions; defaults to the exam's mock length. */
	length?: number;
	/** Restrict to these domains (custom exams); the weights of the others are dropped. */
	domainIds?: string[];
	/** Only questions never seen before. */
	unseenOnly?: boolean;
}

export interface DomainPick {
	domainId: string;
	wanted: number;
	picked: number;
}

export interface Selection {
	questionIds: string[];
	byDomain: DomainPick[];
	/** Questions the blueprint wanted but the pool could not supply. */
	shortfall: number;
}

/** Picks the questions of one exam from the pool. */
export function selectQuestions(
	exam: Pick<ExamDefinition, 'domains' | 'questionCount'>,
	pool: readonly PoolEntry[],
	options: SelectOptions
): Selection {
	const domains = options.domainIds
		? exam.domains.filter((d) => options.domainIds!.includes(d.id))
		: exam.domains;
	const length = options.length ?? exam.questionCount.mock;
	const quotas = domainQuotas({ domains }, length);
	const random = seeded(options.seed);
	// Sort first so the result depends on the seed, not on the order the pool was read in.
	const eligible = [...pool]
		.filter((p) => !options.unseenOnly || p.lastSeenAt === null)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	// Stable sort: never seen (-1) first, then least recently seen; ties keep the seeded order.
	const ranked = shuffle(eligible, random).sort(
		(a, b) => (a.lastSeenAt ?? -1) - (b.lastSeenAt ?? -1)
	);
	const taken = new Set<string>();
	const byDomain: DomainPick[] = quotas.map((q) => {
		const picks = ranked.filter((p) => p.domainId === q.domainId).slice(0, q.count);
		for (const p of picks) taken.add(p.id);
		return { domainId: q.domainId, wanted: q.count, picked: picks.length };
	});
	// A domain short of questions: fill from the other selected domains, in the same priority.
	const inScope = new Set(domains.map((d) => d.id));
	for (const p of ranked) {
		if (taken.size >= length) break;
		if (taken.has(p.id) || !inScope.has(p.domainId)) continue;
		taken.add(p.id);
		const d = byDomain.find((x) => x.domainId === p.domainId);
		if (d) d.picked++;
	}
	if (taken.size === 0)
		throw new EngineError(
			'empty-pool',
			'no questions are available for this exam and these filters'
		);
	const questionIds = ranked.filter((p) => taken.has(p.id)).map((p) => p.id);
	return { questionIds, byDomain, shortfall: Math.max(0, length - questionIds.length) };
}
