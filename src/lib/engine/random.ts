/**
 * Seeded randomness for the engine (pure-rand's xoroshiro128+): the same seed always gives the
 * same exam. The engine never calls Math.random.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
	/** An integer in [from, to], both included. */
	int(from: number, to: number): number;
}

export function seeded(seed: number): Random {
	const rng = xoroshiro128plus(seed | 0);
	return { int: (from, to) => uniformInt(rng, from, to) };
}

/** A new array with the items in a seeded random order (Fisher–Yates). */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = random.int(0, i);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** Derives an independent seed for a sub-task (e.g. one question's option order). */
export function deriveSeed(seed: number, label: string): number {
	let h = seed ^ 0x9e3779b9;
	for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x85ebca6b);
	return (h ^ (h >>> 13)) | 0;
}
