/**
 * Choosing drill questions, in order of priority: reviews that are due (most overdue first),
 * then questions last answered wrong, then never-seen questions of the weakest domains, then
 * the rest. Ties are broken by the seed.
 */
import { seeded, shuffle } from './random';

export interface DrillCandidate {
	id: string;
	domainId: string;
	/** When its spaced review is due, or null if never scheduled. */
	dueAt: number | null;
	/** Whether the last answer was right; null when never answered. */
	lastCorrect: boolean | null;
}

export interface DrillOptions {
	count: number;
	now: number;
	seed: number;
	/** Domains to drill, weakest first; others are left out. */
	domainIds: readonly string[];
}

export function selectDrill(
	candidates: readonly DrillCandidate[],
	options: DrillOptions
): string[] {
	const rank = new Map(options.domainIds.map((d, i) => [d, i]));
	const inScope = shuffle(
		[...candidates]
			.filter((c) => rank.has(c.domainId))
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
		seeded(options.seed)
	);
	const due = inScope
		.filter((c) => c.dueAt !== null && c.dueAt <= options.now)
		.sort((a, b) => a.dueAt! - b.dueAt!);
	const missed = inScope.filter((c) => c.lastCorrect === false && !due.includes(c));
	const unseen = inScope
		.filter((c) => c.lastCorrect === null)
		.sort((a, b) => rank.get(a.domainId)! - rank.get(b.domainId)!);
	const rest = inScope.filter(
		(c) => !due.includes(c) && !missed.includes(c) && !unseen.includes(c)
	);
	const out: string[] = [];
	for (const c of [...due, ...missed, ...unseen, ...rest]) {
		if (out.length >= options.count) break;
		if (!out.includes(c.id)) out.push(c.id);
	}
	return out;
}
