import { describe, expect, it } from 'vitest';
import { readBankDir } from '../../../scripts/bank-files';
import { compileBank } from '../bank/compile';
import { selectQuestions, type PoolEntry } from './assemble';
import { domainQuotas } from './blueprint';
import { EngineError } from './errors';
import { gradeResponse, isComplete, type Response } from './grade';
import { buildPlan } from './plan';
import { answerChanges, scoreSession } from './score';
import {
	appendEvent,
	checkEvent,
	remainingMs,
	replay,
	startSession,
	wouldLockSection,
	type Session
} from './session';
import type { ChoiceQuestion, ExamDefinition, Question } from './types';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const MIN = 60_000;
const exams = compileBank(readBankDir('questions').filter((f) => f.path.endsWith('exam.yaml'))).bank
	.exams;
const fixture = compileBank(readBankDir('tests/fixtures/bank-good')).bank;
const demoExam = fixture.exams[0]!;

/** A pool with `perDomain` questions in every domain of `exam`. */
function poolFor(
	exam: ExamDefinition,
	perDomain: number,
	seen: (i: number) => number | null = () => null
): PoolEntry[] {
	return exam.domains.flatMap((d) =>
		Array.from({ length: perDomain }, (_, i) => ({
			id: `${d.id}-${i}`,
			domainId: d.id,
			lastSeenAt: seen(i)
		}))
	);
}

describe('selectQuestions: a full mock follows the blueprint', () => {
	it.each(exams.map((e) => [e.shortName, e] as const))(
		'%s: per-domain counts, no repeats, same seed same exam',
		(_n, exam) => {
			const pool = poolFor(exam, 40);
			const a = selectQuestions(exam, pool, { seed: 7 });
			expect(a.questionIds).toHaveLength(exam.questionCount.mock);
			expect(new Set(a.questionIds).size).toBe(a.questionIds.length);
			expect(a.byDomain.map((d) => d.picked)).toEqual(
				domainQuotas(exam, exam.questionCount.mock).map((q) => q.count)
			);
			expect(a.shortfall).toBe(0);
			expect(selectQuestions(exam, [...pool].reverse(), { seed: 7 }).questionIds).toEqual(
				a.questionIds
			);
			expect(selectQuestions(exam, pool, { seed: 8 }).questionIds).not.toEqual(a.questionIds);
		}
	);

	it('prefers never-seen questions, then the least recently seen', () => {
		const exam = exams.find((e) => e.id === 'aws-saa-c03')!;
		// In each domain, questions 0-9 were seen (0 longest ago), 10+ never.
		const pool = poolFor(exam, 30, (i) => (i < 10 ? T0 + i * MIN : null));
		const picked = selectQuestions(exam, pool, { seed: 1 });
		const seenPicked = picked.questionIds.filter((id) => Number(id.split('-').pop()) < 10);
		expect(seenPicked).toEqual([]);
		const tight = poolFor(exam, 22, (i) => (i < 10 ? T0 + i * MIN : null)); // 12 unseen per domain
		const secure = selectQuestions(exam, tight, { seed: 1 }).questionIds.filter((id) =>
			id.startsWith('design-secure')
		);
		// Secure needs 19: all 12 unseen, then the 7 seen longest ago (0-6).
		expect(
			secure
				.map((id) => Number(id.split('-').pop()))
				.filter((i) => i < 10)
				.sort((a, b) => a - b)
		).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	it('fills a short domain from the others and reports the shortfall', () => {
		const exam = exams.find((e) => e.id === 'aws-mla-c01')!;
		const pool = poolFor(exam, 40).filter(
			(p) => p.domainId !== 'ml-model-development' || p.id.endsWith('-1')
		);
		const s = selectQuestions(exam, pool, { seed: 3 });
		expect(s.questionIds).toHaveLength(65);
		expect(s.byDomain.find((d) => d.domainId === 'ml-model-development')).toEqual({
			domainId: 'ml-model-development',
			wanted: 17,
			picked: 1
		});
		expect(s.shortfall).toBe(0);
		const tiny = selectQuestions(exam, pool.slice(0, 10), { seed: 3 });
		expect(tiny.shortfall).toBe(55);
	});

	it('serves custom exams: chosen domains only, unseen only', () => {
		const exam = exams.find((e) => e.id === 'aws-mla-c01')!;
		const pool = poolFor(exam, 40, (i) => (i % 2 ? T0 : null));
		const s = selectQuestions(exam, pool, {
			seed: 5,
			length: 20,
			domainIds: ['data-preparation-for-ml'],
			unseenOnly: true
		});
		expect(s.questionIds).toHaveLength(20);
		expect(
			s.questionIds.every(
				(id) => id.startsWith('data-preparation') && Number(id.split('-').pop()) % 2 === 0
			)
		).toBe(true);
		expect(() => selectQuestions(exam, [], { seed: 1 })).toThrow(EngineError);
	});
});

describe('buildPlan', () => {
	const qs = fixture.questions;

	it('shuffles options per attempt, deterministically, keeping every option once', () => {
		const a = buildPlan(demoExam, qs, 11);
		const b = buildPlan(demoExam, qs, 11);
		expect(a).toEqual(b);
		const single = qs.find((q) => q.id === 'demo-single') as ChoiceQuestion;
		const slot = a.slots.find((s) => s.questionId === 'demo-single')!;
		expect([...slot.order].sort()).toEqual(single.options.map((o) => o.id));
		const orders = new Set(
			Array.from({ length: 12 }, (_, seed) =>
				buildPlan(demoExam, qs, seed)
					.slots.find((s) => s.questionId === 'demo-single')!
					.order.join('')
			)
		);
		expect(orders.size).toBeGreaterThan(1);
	});

	it('never shows ordering steps in the correct order and keeps fixed options in place', () => {
		for (let seed = 0; seed < 30; seed++) {
			const slot = buildPlan(demoExam, qs, seed).slots.find(
				(s) => s.questionId === 'demo-ordering'
			)!;
			expect(slot.order).not.toEqual(['a', 'b', 'c']);
		}
		const single = qs.find((q) => q.id === 'demo-single') as ChoiceQuestion;
		const fixedLast: Question = {
			...single,
			options: single.options.map((o, i) => ({ ...o, fixed: i === 2 }))
		};
		for (let seed = 0; seed < 10; seed++)
			expect(buildPlan(demoExam, [fixedLast], seed).slots[0]!.order[2]).toBe('c');
	});

	it('keeps case-study questions together; a locking vendor gets one section per case, at the end', () => {
		const withCase = qs.map((q) =>
			q.id === 'demo-single' ? { ...q, caseStudyId: 'demo-case' } : q
		);
		const free = buildPlan(demoExam, withCase, 2);
		const idx = free.slots.filter((s) => s.caseStudyId).map((s) => s.index);
		expect(idx[1]! - idx[0]!).toBe(1);
		expect(free.sections).toHaveLength(1);
		const locking = buildPlan(
			{ ...demoExam, navigation: { freeNavigation: true, caseStudySectionsLock: true } },
			withCase,
			2
		);
		expect(locking.sections.map((s) => [s.kind, s.locksOnLeave])).toEqual([
			['main', false],
			['case-study', true]
		]);
		expect(
			locking.slots.slice(-2).every((s) => s.caseStudyId === 'demo-case' && s.section === 1)
		).toBe(true);
	});
});

describe('grading', () => {
	const q = (id: string) => fixture.questions.find((x) => x.id === id)!;
	const cases: [string, Response | null, boolean][] = [
		['demo-single', { kind: 'choice', optionIds: ['b'] }, true],
		['demo-single', { kind: 'choice', optionIds: ['a'] }, false],
		['demo-single', { kind: 'choice', optionIds: ['a', 'b'] }, false],
		['demo-single', null, false],
		['demo-multiple', { kind: 'choice', optionIds: ['c', 'a'] }, true],
		['demo-multiple', { kind: 'choice', optionIds: ['a'] }, false],
		['demo-multiple', { kind: 'choice', optionIds: ['a', 'b'] }, false],
		['demo-ordering', { kind: 'ordering', itemIds: ['a', 'b', 'c'] }, true],
		['demo-ordering', { kind: 'ordering', itemIds: ['b', 'a', 'c'] }, false],
		['demo-matching', { kind: 'matching', pairs: { p1: 'm1', p2: 'm2' } }, true],
		['demo-matching', { kind: 'matching', pairs: { p1: 'm1', p2: 'm3' } }, false],
		['demo-matching', { kind: 'choice', optionIds: ['m1'] }, false]
	];
	it.each(cases)('%s %j -> %s', (id, response, expected) => {
		expect(gradeResponse(q(id), response)).toBe(expected);
	});
	it('knows when a multiple-response answer is complete (exactly N chosen)', () => {
		expect(isComplete(q('demo-multiple'), { kind: 'choice', optionIds: ['a'] })).toBe(false);
		expect(isComplete(q('demo-multiple'), { kind: 'choice', optionIds: ['a', 'c'] })).toBe(true);
	});
});

describe('a timed attempt, walked through', () => {
	const questions = new Map(fixture.questions.map((q) => [q.id, q] as const));
	const plan = buildPlan(demoExam, fixture.questions, 42);
	const slotOf = (id: string) => plan.slots.find((s) => s.questionId === id)!.index;
	/** A fresh attempt in which demo-single was visited at T0+1 min and answered at T0+2 min. */
	const answeredSingle = (optionId: string): Session => {
		const slot = slotOf('demo-single');
		const visited = appendEvent(start(), { type: 'visit', slot, at: T0 + MIN });
		return appendEvent(visited, {
			type: 'answer',
			slot,
			response: { kind: 'choice', optionIds: [optionId] },
			at: T0 + 2 * MIN
		});
	};
	const start = () =>
		startSession({
			id: 's1',
			examId: 'demo-exam',
			seed: 42,
			plan,
			startedAt: T0,
			durationMs: 30 * MIN,
			extraMs: 30 * MIN
		});

	it('start, answer, flag, change an answer, eliminate, move, and see it all after a reload', () => {
		let s: Session = start();
		expect(s.deadlineAt).toBe(T0 + 60 * MIN);
		expect(remainingMs(s, T0 + 10 * MIN)).toBe(50 * MIN);
		const single = slotOf('demo-single');
		s = appendEvent(s, { type: 'visit', slot: single, at: T0 + MIN });
		s = appendEvent(s, {
			type: 'eliminate',
			slot: single,
			optionId: 'c',
			eliminated: true,
			at: T0 + 2 * MIN
		});
		s = appendEvent(s, {
			type: 'answer',
			slot: single,
			response: { kind: 'choice', optionIds: ['a'] },
			at: T0 + 3 * MIN
		});
		s = appendEvent(s, { type: 'flag', slot: single, flagged: true, at: T0 + 4 * MIN });
		s = appendEvent(s, {
			type: 'answer',
			slot: single,
			response: { kind: 'choice', optionIds: ['b'] },
			at: T0 + 5 * MIN
		});
		const other = (single + 1) % plan.slots.length;
		s = appendEvent(s, { type: 'visit', slot: other, at: T0 + 6 * MIN });
		// A reload rebuilds the state from the stored events alone.
		const reloaded: Session = JSON.parse(JSON.stringify(s));
		const v = replay(reloaded, T0 + 7 * MIN);
		expect(v.current).toBe(other);
		expect(v.answers[single]).toEqual({ kind: 'choice', optionIds: ['b'] });
		expect(v.flags[single]).toBe(true);
		expect([...v.eliminated[single]!]).toEqual(['c']);
		expect(v.timeOnSlot[single]).toBe(5 * MIN);
		expect(v.finishedAt).toBeNull();
		expect(answerChanges(v, s, questions)).toEqual({
			wrongToRight: 1,
			rightToWrong: 0,
			wrongToWrong: 0
		});
	});

	it('expires at the deadline even when the tab was closed, and scores the answers given', () => {
		const single = slotOf('demo-single');
		const s = answeredSingle('b');
		// The tab closes; the learner returns two hours later.
		const later = T0 + 180 * MIN;
		const v = replay(s, later);
		expect(v.finishedAt).toBe(T0 + 60 * MIN);
		expect(v.finishReason).toBe('expired');
		expect(() =>
			checkEvent(s, { type: 'answer', slot: single, response: null, at: later })
		).toThrow(expect.objectContaining({ code: 'expired' }));
		const report = scoreSession(s, v, demoExam, questions);
		expect(report).toMatchObject({ correct: 1, asked: 4, answered: 1, share: 0.25 });
		expect(report.estimate).toMatchObject({
			kind: 'scaled',
			score: 325,
			passing: 700,
			passed: false
		});
		expect(report.byDomain.map((d) => [d.domainId, d.correct, d.asked])).toEqual([
			['storage', 1, 2],
			['compute', 0, 2]
		]);
	});

	it('ignores events stamped after the deadline and refuses changes after the end', () => {
		let s = start();
		s = {
			...s,
			events: [
				...s.events,
				{
					type: 'answer',
					slot: 0,
					response: { kind: 'choice', optionIds: ['b'] },
					at: T0 + 61 * MIN
				}
			]
		};
		expect(replay(s, T0 + 62 * MIN).answers[0]).toBeNull();
		let t = appendEvent(start(), { type: 'finish', reason: 'submitted', at: T0 + 5 * MIN });
		expect(replay(t, T0 + 6 * MIN)).toMatchObject({
			finishedAt: T0 + 5 * MIN,
			finishReason: 'submitted'
		});
		expect(
			() => (t = appendEvent(t, { type: 'flag', slot: 0, flagged: true, at: T0 + 6 * MIN }))
		).toThrow(expect.objectContaining({ code: 'finished' }));
	});

	it('re-scores history when an answer key is corrected', () => {
		let s = answeredSingle('c');
		s = appendEvent(s, { type: 'finish', reason: 'submitted', at: T0 + 3 * MIN });
		const v = replay(s, T0 + 4 * MIN);
		expect(scoreSession(s, v, demoExam, questions).correct).toBe(0);
		const q = questions.get('demo-single') as ChoiceQuestion;
		const corrected = new Map<string, Question>(questions).set('demo-single', {
			...q,
			options: q.options.map((o) => ({ ...o, correct: o.id === 'c' }))
		});
		expect(scoreSession(s, v, demoExam, corrected).correct).toBe(1);
	});

	it('locks a Microsoft case-study section once it is left', () => {
		const locking = {
			...demoExam,
			navigation: { freeNavigation: true, caseStudySectionsLock: true }
		};
		const withCase = fixture.questions.map((q) =>
			q.id === 'demo-single' ? { ...q, caseStudyId: 'demo-case' } : q
		);
		const p = buildPlan(locking, withCase, 4);
		const caseSlots = p.slots.filter((x) => x.section === 1).map((x) => x.index);
		let s = startSession({
			id: 's2',
			examId: 'demo-exam',
			seed: 4,
			plan: p,
			startedAt: T0,
			durationMs: 30 * MIN
		});
		s = appendEvent(s, { type: 'visit', slot: caseSlots[0]!, at: T0 + MIN });
		const v = replay(s, T0 + MIN);
		expect(wouldLockSection(s, v, 0)).toBe(true);
		expect(wouldLockSection(s, v, caseSlots[1]!)).toBe(false);
		s = appendEvent(s, { type: 'visit', slot: 0, at: T0 + 2 * MIN });
		expect(replay(s, T0 + 2 * MIN).lockedSections.has(1)).toBe(true);
		expect(() => checkEvent(s, { type: 'visit', slot: caseSlots[0]!, at: T0 + 3 * MIN })).toThrow(
			expect.objectContaining({ code: 'locked-section' })
		);
	});

	it('estimates vendor results as data: Microsoft 1-1000 against 700, Google pass/fail', () => {
		const ms = {
			...demoExam,
			scoring: { kind: 'scaled' as const, min: 1, max: 1000, passing: 700, scale: '1-1000' }
		};
		const google = { ...demoExam, scoring: { kind: 'pass-fail' as const, note: 'no score' } };
		let s = start();
		for (const slot of plan.slots) {
			const q = questions.get(slot.questionId)!;
			const r: Response =
				q.type === 'ordering'
					? { kind: 'ordering', itemIds: q.items.map((i) => i.id) }
					: q.type === 'matching'
						? { kind: 'matching', pairs: q.key }
						: { kind: 'choice', optionIds: q.options.filter((o) => o.correct).map((o) => o.id) };
			s = appendEvent(s, { type: 'visit', slot: slot.index, at: T0 + slot.index * 1000 + 1 });
			s = appendEvent(s, {
				type: 'answer',
				slot: slot.index,
				response: r,
				at: T0 + slot.index * 1000 + 2
			});
		}
		const v = replay(s, T0 + MIN);
		expect(scoreSession(s, v, ms, questions).estimate).toMatchObject({
			kind: 'scaled',
			score: 1000,
			passed: true
		});
		expect(scoreSession(s, v, google, questions).estimate).toEqual({
			kind: 'pass-fail',
			passed: true,
			passShare: 0.7
		});
	});
});
