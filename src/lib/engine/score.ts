/**
 * Scoring an attempt: raw and per domain, then the vendor's result semantics as data.
 * - scaled (AWS 100–1000, Microsoft 1–1000): an ESTIMATE, mapping the share correct linearly onto
 *   the scale (score = min + (max - min) × share). Vendors publish no mapping; their scaled
 *   scores weigh questions differently and leave unscored items out.
 * - pass-fail (Google): no score is published; the estimate is a pass at PASS_FAIL_THRESHOLD.
 * Scores are derived from the stored responses and the CURRENT answer key, so a corrected key
 * re-scores history.
 */
import { midpointWeight } from './blueprint';
import { gradeResponse } from './grade';
import type { Session, SessionView } from './session';
import type { ExamDefinition, Question } from './types';

/** Share correct taken as a pass where the vendor publishes no pass mark (Google). */
export const PASS_FAIL_THRESHOLD = 0.7;

export interface DomainScore {
	domainId: string;
	title: string;
	weight: number;
	correct: number;
	asked: number;
	share: number;
}

export type Estimate =
	| {
			kind: 'scaled';
			score: number;
			min: number;
			max: number;
			passing: number;
			passed: boolean;
			passShare: number;
	  }
	| { kind: 'pass-fail'; passed: boolean; passShare: number };

export interface ScoreReport {
	correct: number;
	asked: number;
	answered: number;
	share: number;
	byDomain: DomainScore[];
	estimate: Estimate;
	/** Per slot: was the final answer right? */
	slots: { slot: number; questionId: string; correct: boolean; answered: boolean }[];
}

export function scoreSession(
	session: Session,
	view: SessionView,
	exam: Pick<ExamDefinition, 'domains' | 'scoring'>,
	questions: ReadonlyMap<string, Question>
): ScoreReport {
	const slots = session.plan.slots.map((s) => {
		const q = questions.get(s.questionId);
		const response = view.answers[s.index] ?? null;
		return {
			slot: s.index,
			questionId: s.questionId,
			correct: !!q && gradeResponse(q, response),
			answered: response !== null
		};
	});
	const correct = slots.filter((s) => s.correct).length;
	const asked = slots.length;
	const share = asked ? correct / asked : 0;
	const byDomain = exam.domains
		.map((d) => {
			const mine = session.plan.slots.filter((s) => s.domainId === d.id);
			const right = mine.filter((s) => slots[s.index]!.correct).length;
			return {
				domainId: d.id,
				title: d.title,
				weight: midpointWeight(d),
				correct: right,
				asked: mine.length,
				share: mine.length ? right / mine.length : 0
			};
		})
		.filter((d) => d.asked > 0);
	return {
		correct,
		asked,
		answered: slots.filter((s) => s.answered).length,
		share,
		byDomain,
		estimate: estimate(exam.scoring, share),
		slots
	};
}

export function estimate(scoring: ExamDefinition['scoring'], share: number): Estimate {
	if (scoring.kind === 'pass-fail')
		return {
			kind: 'pass-fail',
			passed: share >= PASS_FAIL_THRESHOLD,
			passShare: PASS_FAIL_THRESHOLD
		};
	const score = Math.round(scoring.min + (scoring.max - scoring.min) * share);
	const passShare = (scoring.passing - scoring.min) / (scoring.max - scoring.min);
	return {
		kind: 'scaled',
		score,
		min: scoring.min,
		max: scoring.max,
		passing: scoring.passing,
		passed: score >= scoring.passing,
		passShare
	};
}

export interface AnswerChanges {
	wrongToRight: number;
	rightToWrong: number;
	wrongToWrong: number;
}

/** How changed answers turned out: the first answer given against the final one. */
export function answerChanges(
	view: SessionView,
	session: Session,
	questions: ReadonlyMap<string, Question>
): AnswerChanges {
	const out: AnswerChanges = { wrongToRight: 0, rightToWrong: 0, wrongToWrong: 0 };
	for (const s of session.plan.slots) {
		const history = view.answerHistory[s.index]!.filter((r) => r !== null);
		const q = questions.get(s.questionId);
		if (!q || history.length < 2) continue;
		const first = gradeResponse(q, history[0]!);
		const last = gradeResponse(q, history[history.length - 1]!);
		if (JSON.stringify(history[0]) === JSON.stringify(history[history.length - 1])) continue;
		if (!first && last) out.wrongToRight++;
		else if (first && !last) out.rightToWrong++;
		else if (!first && !last) out.wrongToWrong++;
	}
	return out;
}
