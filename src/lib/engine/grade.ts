/**
 * Grading one response against one question: all-or-nothing for every type, as the real exams
 * score them (AWS ordering and matching included). Grading knows nothing of timing or feedback.
 */
import type { Question } from './types';

export type Response =
	| { kind: 'choice'; optionIds: string[] }
	| { kind: 'ordering'; itemIds: string[] }
	| { kind: 'matching'; pairs: Record<string, string> };

/** True when the response is fully correct. A missing or malformed response is wrong. */
export function gradeResponse(question: Question, response: Response | null): boolean {
	if (!response) return false;
	switch (question.type) {
		case 'single':
		case 'multiple': {
			if (response.kind !== 'choice') return false;
			const chosen = new Set(response.optionIds);
			const key = question.options.filter((o) => o.correct).map((o) => o.id);
			return chosen.size === key.length && key.every((id) => chosen.has(id));
		}
		case 'ordering':
			return (
				response.kind === 'ordering' &&
				response.itemIds.length === question.items.length &&
				question.items.every((item, i) => response.itemIds[i] === item.id)
			);
		case 'matching':
			return (
				response.kind === 'matching' &&
				question.prompts.every((p) => response.pairs[p.id] === question.key[p.id])
			);
	}
}

/** True when the response is complete enough to count as answered (e.g. exactly N chosen). */
export function isComplete(question: Question, response: Response | null): boolean {
	if (!response) return false;
	switch (question.type) {
		case 'single':
		case 'multiple':
			return response.kind === 'choice' && response.optionIds.length === question.choose;
		case 'ordering':
			return response.kind === 'ordering' && response.itemIds.length === question.items.length;
		case 'matching':
			return response.kind === 'matching' && question.prompts.every((p) => !!response.pairs[p.id]);
	}
}
