import { describe, expect, it } from 'vitest';
import { selectDrill, type DrillCandidate } from './drill';
import { domainMastery, weakestFirst, type Observation } from './mastery';
import { readiness } from './readiness';
import { isDue, previewNext, ratingFor, scheduleAnswer } from './review';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const DAY = 86_400_000;
const obs = (domainId: string, pattern: string, ageDays = 0): Observation[] =>
	[...pattern].map((c) => ({ domainId, correct: c === '1', at: NOW - ageDays * DAY }));

describe('domain mastery (Beta posterior, recency-weighted)', () => {
	it.each([
		['no data', [], 0.5, 0.05, 0.95],
		['one lucky answer', obs('d', '1'), 0.667, 0.22, 0.97],
		['three right is not 100%', obs('d', '111'), 0.8, 0.47, 0.99],
		['steady learner, 40 answers at 75%', obs('d', '1110'.repeat(10)), 0.738, 0.62, 0.84]
	] as const)('%s', (_name, data, mean, low, high) => {
		const [m] = domainMastery(data, ['d'], { now: NOW });
		expect(m!.mean).toBeCloseTo(mean, 2);
		expect(m!.low).toBeCloseTo(low, 1);
		expect(m!.high).toBeCloseTo(high, 1);
	});

	it('weighs recent answers more: old mistakes fade, a recent slump shows', () => {
		const improved = [...obs('d', '0000000000', 120), ...obs('d', '1111111111', 1)];
		const slumped = [...obs('d', '1111111111', 120), ...obs('d', '0000000000', 1)];
		const [a] = domainMastery(improved, ['d'], { now: NOW, halfLifeDays: 30 });
		const [b] = domainMastery(slumped, ['d'], { now: NOW, halfLifeDays: 30 });
		expect(a!.mean).toBeGreaterThan(0.85);
		expect(b!.mean).toBeLessThan(0.15);
		expect(a!.answered).toBe(20);
		expect(a!.evidence).toBeCloseTo(10 * 0.5 ** (1 / 30) + 10 * 0.5 ** 4, 5);
	});

	it('orders domains weakest first', () => {
		const m = domainMastery(
			[...obs('a', '1111'), ...obs('b', '0001'), ...obs('c', '0111')],
			['a', 'b', 'c'],
			{ now: NOW }
		);
		expect(weakestFirst(m).map((x) => x.domainId)).toEqual(['b', 'c', 'a']);
	});
});

describe('readiness', () => {
	const weights = [
		{ domainId: 'a', weight: 60 },
		{ domainId: 'b', weight: 40 }
	];
	it('says what is missing instead of guessing', () => {
		const m = domainMastery([...obs('a', '111111'), ...obs('b', '11')], ['a', 'b'], { now: NOW });
		expect(readiness(m, weights, { passShare: 0.7, examLength: 65 })).toEqual({
			ready: false,
			missing: [{ domainId: 'b', evidence: 2, needed: 5 }]
		});
	});

	it.each([
		['strong everywhere', '1111111110'.repeat(4), '1111111110'.repeat(4), 0.95, 1],
		['borderline', '1110'.repeat(10), '1110'.repeat(10), 0.4, 0.75],
		['weak', '1000'.repeat(10), '1100'.repeat(10), 0, 0.01]
	] as const)('%s', (_name, a, b, min, max) => {
		const m = domainMastery([...obs('a', a), ...obs('b', b)], ['a', 'b'], { now: NOW });
		const r = readiness(m, weights, { passShare: 0.7, examLength: 65 });
		if (!r.ready) throw new Error('expected a figure');
		expect(r.probability).toBeGreaterThanOrEqual(min);
		expect(r.probability).toBeLessThanOrEqual(max);
		expect(r.low).toBeLessThan(r.expectedShare);
		expect(r.high).toBeGreaterThan(r.expectedShare);
	});
});

describe('spaced review through ts-fsrs, with fixed dates', () => {
	it('maps correctness and confidence to ratings', () => {
		expect([
			ratingFor(false, 'sure'),
			ratingFor(true, 'guess'),
			ratingFor(true, null),
			ratingFor(true, 'unsure'),
			ratingFor(true, 'sure')
		]).toEqual([1, 2, 3, 3, 4]);
	});

	it('schedules a wrong answer soon and a sure one days out, and shows times before rating', () => {
		const preview = previewNext(null, NOW);
		expect(preview.again).toBe(NOW + 60_000);
		expect(preview.good).toBe(NOW + 10 * 60_000);
		expect(preview.easy).toBeGreaterThanOrEqual(NOW + 7 * DAY);
		const wrong = scheduleAnswer(null, false, 'sure', NOW);
		const sure = scheduleAnswer(null, true, 'sure', NOW);
		expect(new Date(wrong.due).getTime()).toBe(preview.again);
		expect(new Date(sure.due).getTime()).toBe(preview.easy);
		expect(isDue(wrong, NOW + 2 * 60_000)).toBe(true);
		expect(isDue(sure, NOW + DAY)).toBe(false);
		const later = scheduleAnswer(sure, true, 'sure', new Date(sure.due).getTime());
		expect(new Date(later.due).getTime() - new Date(sure.due).getTime()).toBeGreaterThan(
			new Date(sure.due).getTime() - NOW
		);
	});
});

describe('drill selection', () => {
	const c = (
		id: string,
		domainId: string,
		dueAt: number | null,
		lastCorrect: boolean | null
	): DrillCandidate => ({ id, domainId, dueAt, lastCorrect });
	const pool = [
		c('ok-1', 'strong', null, true),
		c('new-strong', 'strong', null, null),
		c('new-weak-1', 'weak', null, null),
		c('new-weak-2', 'weak', null, null),
		c('missed', 'strong', NOW + DAY, false),
		c('due-late', 'strong', NOW - DAY, true),
		c('due-later', 'weak', NOW - 3 * DAY, false),
		c('elsewhere', 'other', NOW - DAY, false)
	];

	it('takes reviews due (most overdue first), then missed, then unseen of the weakest domains', () => {
		expect(
			selectDrill(pool, { count: 6, now: NOW, seed: 1, domainIds: ['weak', 'strong'] })
		).toEqual([
			'due-later',
			'due-late',
			'missed',
			expect.stringMatching(/^new-weak-/),
			expect.stringMatching(/^new-weak-/),
			'new-strong'
		]);
	});

	it('stays within the chosen domains and count, deterministically', () => {
		const a = selectDrill(pool, { count: 2, now: NOW, seed: 9, domainIds: ['weak'] });
		expect(a).toEqual(['due-later', expect.stringMatching(/^new-weak-/)]);
		expect(selectDrill(pool, { count: 2, now: NOW, seed: 9, domainIds: ['weak'] })).toEqual(a);
	});
});
