/** Single- and multiple-response questions: the `## Options` task list, its key and "Choose N". */
import type { ChoiceOption, Question } from '../engine/types';
import { htmlToText } from './markdown';
import {
	firstList,
	itemLines,
	splitItem,
	type Base,
	type FieldLines,
	type ParsedQuestion,
	type Push,
	type Section
} from './parse-shared';
import type { QuestionFrontmatter } from './schemas';

const CHOOSE_WORDS: Record<string, number> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6
};

/** Parses a file's text. Returns null (with problems) when it cannot be understood at all. */
export function parseChoice(
	file: string,
	fm: QuestionFrontmatter,
	section: Section | undefined,
	base: Base,
	lines: FieldLines,
	push: Push
): ParsedQuestion | null {
	const found = firstList(section, 'Options', push);
	if (!found) return null;
	const { list, line } = found;
	const at = itemLines(list, line);
	const options: ChoiceOption[] = [];
	const texts: string[] = [];
	const fixed = new Set((fm.fixedOptions ?? []).map((l) => l.toLowerCase()));
	let ok = true;
	list.items.forEach((item, i) => {
		const letter = String.fromCharCode(97 + i);
		if (!item.task) {
			ok = false;
			push({
				severity: 'error',
				line: at[i] ?? line,
				path: `options[${i}]`,
				message: 'the option is not a task item',
				hint: 'start each option with - [ ] (wrong) or - [x] (correct)',
				code: 'not-task-item'
			});
			return;
		}
		const { textHtml, rationaleHtml } = splitItem(item);
		const text = htmlToText(textHtml);
		texts.push(text);
		if (!text) {
			ok = false;
			push({
				severity: 'error',
				line: at[i] ?? line,
				path: `options[${i}]`,
				message: 'the option has no text',
				hint: 'write the option after the [ ] marker',
				code: 'empty-option'
			});
		}
		if (!rationaleHtml) {
			push({
				severity: 'warning',
				line: at[i] ?? line,
				path: `options[${i}]`,
				message: 'the option has no rationale',
				hint: 'add an indented paragraph under the option that says why it is right or wrong',
				code: 'missing-rationale'
			});
		}
		if (/\b(all|none|both|neither) of the (above|options)\b/i.test(text)) {
			push({
				severity: 'warning',
				line: at[i] ?? line,
				path: `options[${i}]`,
				message: `"${text}" is an all/none-of-the-above option`,
				hint: 'write a concrete option; such options break when options are shuffled',
				code: 'all-none-above'
			});
		}
		options.push({
			id: letter,
			html: textHtml,
			correct: !!item.checked,
			rationaleHtml,
			fixed: fixed.has(letter)
		});
	});
	for (const l of fixed) {
		if (l.charCodeAt(0) - 97 >= list.items.length) {
			ok = false;
			push({
				severity: 'error',
				line: lines.id,
				path: 'fixedOptions',
				message: `there is no option ${l.toUpperCase()}`,
				hint: `use letters A to ${String.fromCharCode(64 + list.items.length)}`,
				code: 'fixed-option'
			});
		}
	}
	const seen = new Map<string, number>();
	texts.forEach((t, i) => {
		const key = t.toLowerCase();
		if (seen.has(key)) {
			ok = false;
			push({
				severity: 'error',
				line: at[i] ?? line,
				path: `options[${i}]`,
				message: `the option repeats options[${seen.get(key)}]`,
				hint: 'make every option distinct',
				code: 'duplicate-option'
			});
		} else seen.set(key, i);
	});
	const correct = options.filter((o) => o.correct).length;
	if (options.length < 2) {
		ok = false;
		push({
			severity: 'error',
			line,
			path: 'options',
			message: `only ${options.length} option(s)`,
			hint: 'give at least 2 options (AWS single-answer items have 4)',
			code: 'too-few-options'
		});
	}
	if (fm.type === 'single' && correct !== 1) {
		ok = false;
		push({
			severity: 'error',
			line,
			path: 'options',
			message: `a single-answer question needs exactly one [x] option, found ${correct}`,
			hint:
				correct > 1 ? 'use type: multiple for several correct options' : 'mark the key with - [x]',
			code: 'key-count'
		});
	}
	if (fm.type === 'multiple') {
		if (correct < 2) {
			ok = false;
			push({
				severity: 'error',
				line,
				path: 'options',
				message: `a multiple-response question needs at least two [x] options, found ${correct}`,
				hint: 'mark every correct option with - [x], or use type: single',
				code: 'key-count'
			});
		} else if (correct >= options.length) {
			ok = false;
			push({
				severity: 'error',
				line,
				path: 'options',
				message: 'every option is marked correct',
				hint: 'add distractors that are wrong for a stated reason',
				code: 'key-count'
			});
		}
	}
	const chooseN = statedChoose(base.stemHtml);
	if (chooseN !== null && chooseN !== correct) {
		ok = false;
		push({
			severity: 'error',
			line: section?.line ?? null,
			path: 'stem',
			message: `the stem says "Choose ${chooseN}" but ${correct} option(s) are marked [x]`,
			hint: 'make the stem and the key agree',
			code: 'choose-mismatch'
		});
	}
	if (!ok) return null;
	const lengths = texts.map((t) => t.length);
	const keyLen = Math.max(...options.map((o, i) => (o.correct ? (lengths[i] ?? 0) : 0)));
	const otherMax = Math.max(0, ...options.map((o, i) => (o.correct ? 0 : (lengths[i] ?? 0))));
	const keyPosition = fm.type === 'single' ? options.findIndex((o) => o.correct) : null;
	return {
		kind: 'question',
		file,
		question: { ...base, type: fm.type, options, choose: correct } as Question,
		lines,
		keyIsLongest: keyLen > otherMax,
		keyPosition,
		optionCount: options.length
	};
}

/** The N in a stem's "(Choose N.)", or null when the stem states none. */
export function statedChoose(stemHtml: string): number | null {
	const m = /\bchoose\s+(one|two|three|four|five|six|\d)\b/i.exec(htmlToText(stemHtml));
	if (!m) return null;
	const word = m[1]!.toLowerCase();
	return CHOOSE_WORDS[word] ?? Number(word);
}
