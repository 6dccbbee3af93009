/**
 * The exam plan: the order of the chosen questions, each question's option order, and the
 * sections. Case-study questions stay together with their scenario; where the vendor locks
 * case-study sections (Microsoft), each case study becomes its own section at the end, which
 * cannot be revisited once left.
 */
import { deriveSeed, seeded, shuffle } from './random';
import type { ExamDefinition, Question } from './types';

export interface Slot {
	index: number;
	questionId: string;
	domainId: string;
	caseStudyId: string | null;
	section: number;
	/** Display order: option ids (choice), item ids (ordering) or prompt ids (matching). */
	order: string[];
	/** Matching only: the answers' display order. */
	answerOrder: string[];
}

export interface Section {
	index: number;
	kind: 'main' | 'case-study';
	caseStudyId: string | null;
	/** Once the learner leaves it, it cannot be revisited. */
	locksOnLeave: boolean;
}

export interface ExamPlan {
	slots: Slot[];
	sections: Section[];
}

/** Builds the plan for `questions` (already selected) of `exam`, seeded. */
export function buildPlan(
	exam: Pick<ExamDefinition, 'id' | 'navigation'>,
	questions: readonly Question[],
	seed: number
): ExamPlan {
	const ordered = groupCaseStudies(shuffle([...questions].sort(byId), seeded(seed)));
	const lock = exam.navigation.caseStudySectionsLock;
	const main = lock ? ordered.filter((q) => !q.caseStudyId) : ordered;
	const cases = lock ? ordered.filter((q) => q.caseStudyId) : [];
	const sections: Section[] = [];
	const slots: Slot[] = [];
	if (main.length) {
		sections.push({ index: 0, kind: 'main', caseStudyId: null, locksOnLeave: false });
		for (const q of main) slots.push(slotFor(exam.id, q, slots.length, 0, seed));
	}
	for (const q of cases) {
		let section = sections.find((s) => s.caseStudyId === q.caseStudyId);
		if (!section) {
			section = {
				index: sections.length,
				kind: 'case-study',
				caseStudyId: q.caseStudyId,
				locksOnLeave: true
			};
			sections.push(section);
		}
		slots.push(slotFor(exam.id, q, slots.length, section.index, seed));
	}
	return { slots, sections };
}

function byId(a: Question, b: Question): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Moves every case-study question next to the first question of its case study. */
function groupCaseStudies(questions: Question[]): Question[] {
	const out: Question[] = [];
	const placed = new Set<string>();
	for (const q of questions) {
		if (placed.has(q.id)) continue;
		if (!q.caseStudyId) {
			out.push(q);
			continue;
		}
		for (const sibling of questions.filter((x) => x.caseStudyId === q.caseStudyId)) {
			out.push(sibling);
			placed.add(sibling.id);
		}
	}
	return out;
}

function slotFor(examId: string, q: Question, index: number, section: number, seed: number): Slot {
	const random = seeded(deriveSeed(seed, q.id));
	const domainId = q.exams.find((m) => m.examId === examId)?.domainId ?? q.exams[0]!.domainId;
	const base = {
		index,
		questionId: q.id,
		domainId,
		caseStudyId: q.caseStudyId,
		section,
		answerOrder: [] as string[]
	};
	switch (q.type) {
		case 'single':
		case 'multiple': {
			// Fixed options keep their position; the others are shuffled around them.
			const moving = shuffle(
				q.options.filter((o) => !o.fixed).map((o) => o.id),
				random
			);
			return { ...base, order: q.options.map((o) => (o.fixed ? o.id : moving.shift()!)) };
		}
		case 'ordering': {
			const correct = q.items.map((i) => i.id);
			let order = shuffle(correct, random);
			// Never show the steps already in the right order.
			if (order.every((id, i) => id === correct[i])) order = [...order.slice(1), order[0]!];
			return { ...base, order };
		}
		case 'matching':
			return {
				...base,
				order: shuffle(
					q.prompts.map((p) => p.id),
					random
				),
				answerOrder: shuffle(
					q.answers.map((a) => a.id),
					random
				)
			};
	}
}
