/**
 * Quality lint across an exam's questions: is the key too often the longest option, are key
 * positions balanced? These are warnings: they do not stop a build, but they are counted and
 * shown by bank:check and bank:stats.
 */
import type { ExamDefinition } from '../engine/types';
import type { ParsedQuestion } from './parse-file';
import type { Problem } from './problems';

/** The key may be the longest option in at most this share of an exam's choice questions. */
export const KEY_LONGEST_MAX_SHARE = 0.4;
/** A key position may deviate this much from an even share before it is flagged. */
export const KEY_POSITION_TOLERANCE = 0.15;
/** Below this many single-answer questions, position balance is noise and is not judged. */
export const KEY_POSITION_MIN_SAMPLE = 12;

export interface ExamLint {
	examId: string;
	choiceQuestions: number;
	keyLongest: number;
	/** Share of choice questions whose key is strictly the longest option (0 when none). */
	keyLongestShare: number;
	/** Single-answer questions with 4 options: how often the key is at A, B, C, D. */
	keyPositions: number[];
	problems: Problem[];
}

export function lintExams(
	questions: ParsedQuestion[],
	exams: ExamDefinition[],
	examFile: (id: string) => string = (id) => `${id}/exam.yaml`
): Map<string, ExamLint> {
	const out = new Map<string, ExamLint>();
	for (const exam of exams) {
		const mine = questions.filter((q) => q.question.exams.some((m) => m.examId === exam.id));
		out.set(exam.id, lintExam(exam.id, mine, examFile(exam.id)));
	}
	return out;
}

function lintExam(examId: string, mine: ParsedQuestion[], file: string): ExamLint {
	const problems: Problem[] = [];
	const choice = mine.filter((q) => q.keyIsLongest !== null);
	const keyLongest = choice.filter((q) => q.keyIsLongest).length;
	const share = choice.length ? keyLongest / choice.length : 0;
	if (choice.length >= 5 && share > KEY_LONGEST_MAX_SHARE) {
		problems.push({
			severity: 'warning',
			file,
			line: null,
			path: 'questions',
			message: `the key is the longest option in ${keyLongest} of ${choice.length} choice questions (${Math.round(share * 100)}%, limit ${KEY_LONGEST_MAX_SHARE * 100}%)`,
			hint: 'tighten long keys or give distractors the same level of detail',
			code: 'key-longest'
		});
	}
	const positions = [0, 0, 0, 0];
	const fourOption = mine.filter((q) => q.keyPosition !== null && q.optionCount === 4);
	for (const q of fourOption) positions[q.keyPosition!] = (positions[q.keyPosition!] ?? 0) + 1;
	if (fourOption.length >= KEY_POSITION_MIN_SAMPLE) {
		const n = fourOption.length;
		const off = positions
			.map((c, i) => ({ letter: 'ABCD'[i], share: c / n }))
			.filter((p) => Math.abs(p.share - 0.25) > KEY_POSITION_TOLERANCE);
		if (off.length) {
			problems.push({
				severity: 'warning',
				file,
				line: null,
				path: 'questions',
				message: `key positions are unbalanced across ${n} four-option questions: A ${positions[0]}, B ${positions[1]}, C ${positions[2]}, D ${positions[3]}`,
				hint: `move keys away from ${off.map((o) => o.letter).join(', ')} so each position holds about a quarter`,
				code: 'key-balance'
			});
		}
	}
	return {
		examId,
		choiceQuestions: choice.length,
		keyLongest,
		keyLongestShare: Math.round(share * 1000) / 1000,
		keyPositions: positions,
		problems
	};
}
