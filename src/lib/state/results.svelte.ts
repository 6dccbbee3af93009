/**
 * The report of a finished attempt: the vendor's result estimate, domains, timing, changed
 * answers, flagged questions, and every question with the learner's answer and the key.
 * Scores are recomputed from the stored answers and the current key each time.
 */
import { db, loadAttemptContext, type ExamRecord, type StoredSession } from '$lib/db';
import { gradeResponse } from '$lib/engine/grade';
import {
	answerChanges,
	scoreSession,
	type AnswerChanges,
	type ScoreReport
} from '$lib/engine/score';
import { replay, type Session, type SessionView } from '$lib/engine/session';
import type { CaseStudy, Question } from '$lib/engine/types';

export interface TimingStats {
	usedMs: number;
	perQuestionMs: number;
	slowest: { slot: number; ms: number }[];
}

export class ResultsState {
	session = $state.raw<Session | null>(null);
	record = $state.raw<StoredSession | null>(null);
	exam = $state.raw<ExamRecord | null>(null);
	questions = $state.raw<Map<string, Question>>(new Map());
	caseStudies = $state.raw<Map<string, CaseStudy>>(new Map());
	view = $state.raw<SessionView | null>(null);
	report = $state.raw<ScoreReport | null>(null);
	changes = $state.raw<AnswerChanges | null>(null);
	timing = $state.raw<TimingStats | null>(null);
	flaggedOutcome = $state.raw<{ flagged: number; correct: number } | null>(null);
	error = $state<string | null>(null);
	loading = $state(true);

	async load(id: string, now: number): Promise<void> {
		this.loading = true;
		try {
			const found = await loadAttemptContext(db, id);
			if (!found) throw new Error('this exam attempt is not stored on this device');
			const { session, record, exam, questions } = found;
			if (!exam) throw new Error(`the exam ${session.examId} is no longer on this device`);
			this.caseStudies = found.caseStudies;
			const view = replay(session, now);
			if (view.finishedAt === null) throw new Error('this exam is still in progress');
			this.session = session;
			this.record = record;
			this.exam = exam;
			this.questions = questions;
			this.view = view;
			this.report = scoreSession(session, view, exam, questions);
			this.changes = answerChanges(view, session, questions);
			const usedMs = view.finishedAt - session.startedAt;
			this.timing = {
				usedMs,
				perQuestionMs: usedMs / Math.max(1, session.plan.slots.length),
				slowest: view.timeOnSlot
					.map((ms, slot) => ({ slot, ms }))
					.sort((a, b) => b.ms - a.ms)
					.slice(0, 5)
			};
			const flaggedSlots = session.plan.slots.filter((s) => view.flags[s.index]);
			this.flaggedOutcome = {
				flagged: flaggedSlots.length,
				correct: flaggedSlots.filter((s) =>
					gradeResponse(questions.get(s.questionId)!, view.answers[s.index] ?? null)
				).length
			};
		} catch (e) {
			this.error = (e as Error).message;
		} finally {
			this.loading = false;
		}
	}
}
