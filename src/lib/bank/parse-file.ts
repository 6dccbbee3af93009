/**
 * Parses one bank file (a question or a case study) into engine types, collecting every
 * problem with its line. Cross-file facts (do the exam and domain exist? is the id unique?)
 * are checked later by `compileBank`, which is why the lines of those fields are kept.
 */
import type { Token, Tokens } from 'marked';
import type { z } from 'zod';
import type { CaseStudy, ChoiceOption, Difficulty, Question, Reference } from '../engine/types';
import { splitFrontmatter, type SplitFile } from './frontmatter';
import { htmlToText, lex, renderInline, renderTokens } from './markdown';
import type { Problem } from './problems';
import {
	CaseStudyFrontmatterSchema,
	FIELD_HINTS,
	QuestionFrontmatterSchema,
	type QuestionFrontmatter
} from './schemas';

export interface FieldLines {
	id: number;
	exams: { exam: number; domain: number; task: number }[];
	caseStudy: number | null;
}

export interface ParsedQuestion {
	kind: 'question';
	file: string;
	question: Question;
	lines: FieldLines;
	/** Option lengths in characters of text, for the "key is the longest option" lint. */
	keyIsLongest: boolean | null;
	/** 0-based position of the single correct option, for key balance. */
	keyPosition: number | null;
	optionCount: number;
}

export interface ParsedCaseStudy {
	kind: 'case-study';
	file: string;
	caseStudy: CaseStudy;
	lines: { id: number; exams: number[] };
}

export type ParsedFile = ParsedQuestion | ParsedCaseStudy;

/** What is known of a question file whose frontmatter is valid, even if its body is not. */
export interface QuestionMeta {
	id: string;
	idLine: number;
	examIds: string[];
}

const SECTIONS = ['options', 'order', 'pairs', 'explanation'] as const;
type SectionName = (typeof SECTIONS)[number] | 'stem' | 'ignored';

interface Block {
	token: Token;
	line: number;
}

const CHOOSE_WORDS: Record<string, number> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6
};

/** Parses a file's text. Returns null (with problems) when it cannot be understood at all. */
export function parseBankFile(
	file: string,
	text: string
): { parsed: ParsedFile | null; problems: Problem[]; meta?: QuestionMeta } {
	const problems: Problem[] = [];
	const push = (p: Omit<Problem, 'file'>) => problems.push({ file, ...p });
	const split = splitFrontmatter(text);
	if (!split.hasFrontmatter) {
		push({
			severity: 'error',
			line: 1,
			path: 'frontmatter',
			message: 'the file has no YAML frontmatter',
			hint: 'start the file with a --- line, the fields, and a closing --- line',
			code: 'no-frontmatter'
		});
		return { parsed: null, problems };
	}
	for (const e of split.yamlErrors) {
		push({
			severity: 'error',
			line: e.line,
			path: 'frontmatter',
			message: `invalid YAML: ${e.message}`,
			hint: 'check indentation and quote values that contain a colon',
			code: 'yaml'
		});
	}
	if (split.yamlErrors.length) return { parsed: null, problems };
	const data = split.data as Record<string, unknown> | null;
	if (data && typeof data === 'object' && data.kind === 'case-study') {
		const cs = parseCaseStudy(file, split, push);
		return { parsed: cs, problems };
	}
	const fm = validate(QuestionFrontmatterSchema, data, split, push);
	if (!fm) {
		// Still check the body, so that every problem of the file shows in one pass.
		const type = QuestionFrontmatterSchema.shape.type.safeParse(data?.type);
		if (type.success) parseQuestionBody(file, lenientFrontmatter(type.data), split, push);
		return { parsed: null, problems };
	}
	const q = parseQuestionBody(file, fm, split, push);
	const meta = {
		id: fm.id,
		idLine: split.lineOf(['id']),
		examIds: [...new Set(fm.exams.map((m) => m.exam))]
	};
	return { parsed: q, problems, meta };
}

function lenientFrontmatter(type: QuestionFrontmatter['type']): QuestionFrontmatter {
	return {
		id: 'invalid',
		type,
		exams: [],
		difficulty: 1,
		tags: [],
		references: [{ url: 'https://invalid' }],
		reviewed: 'invalid'
	};
}

function validate<S extends z.ZodType>(
	schema: S,
	data: unknown,
	split: SplitFile,
	push: (p: Omit<Problem, 'file'>) => void
): z.output<S> | null {
	const result = schema.safeParse(data ?? {});
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
		const last = [...path].reverse().find((k) => typeof k === 'string');
		push({
			severity: 'error',
			line: split.lineOf(path),
			path: formatPath(path),
			message: issue.message,
			hint: (last && FIELD_HINTS[last]) ?? null,
			code: 'schema'
		});
	}
	return null;
}

export function formatPath(path: (string | number)[]): string {
	let out = '';
	for (const k of path) out += typeof k === 'number' ? `[${k}]` : out ? `.${k}` : k;
	return out;
}

function toReferences(refs: (string | { url: string; title?: string })[]): Reference[] {
	return refs.map((r) =>
		typeof r === 'string' ? { url: r, title: null } : { url: r.url, title: r.title ?? null }
	);
}

function parseCaseStudy(
	file: string,
	split: SplitFile,
	push: (p: Omit<Problem, 'file'>) => void
): ParsedCaseStudy | null {
	const fm = validate(CaseStudyFrontmatterSchema, split.data, split, push);
	if (!fm) return null;
	const html = renderTokens(lex(split.body));
	if (!html) {
		push({
			severity: 'error',
			line: split.bodyLine,
			path: 'body',
			message: 'the case study has no text',
			hint: 'write the scenario below the frontmatter',
			code: 'empty-case-study'
		});
		return null;
	}
	return {
		kind: 'case-study',
		file,
		caseStudy: {
			id: fm.id,
			title: fm.title,
			exams: fm.exams,
			html,
			references: toReferences(fm.references)
		},
		lines: { id: split.lineOf(['id']), exams: fm.exams.map((_, i) => split.lineOf(['exams', i])) }
	};
}

/** Splits the body into sections at level-2 headings, keeping each block's file line. */
function sectionize(
	split: SplitFile,
	push: (p: Omit<Problem, 'file'>) => void
): Map<SectionName, { line: number; blocks: Block[] }> {
	const sections = new Map<SectionName, { line: number; blocks: Block[] }>();
	let current: SectionName = 'stem';
	sections.set('stem', { line: split.bodyLine, blocks: [] });
	sections.set('ignored', { line: split.bodyLine, blocks: [] });
	let line = split.bodyLine;
	for (const token of lex(split.body)) {
		const here = line;
		line += (token.raw.match(/\n/g) ?? []).length;
		if (token.type === 'heading' && (token as Tokens.Heading).depth === 2) {
			const name = (token as Tokens.Heading).text.trim().toLowerCase();
			if ((SECTIONS as readonly string[]).includes(name)) {
				current = name as SectionName;
				if (sections.has(current)) {
					push({
						severity: 'error',
						line: here,
						path: `## ${(token as Tokens.Heading).text}`,
						message: 'this section appears twice',
						hint: 'merge the two sections',
						code: 'duplicate-section'
					});
				}
				sections.set(current, { line: here, blocks: [] });
				continue;
			}
			current = 'ignored';
			push({
				severity: 'error',
				line: here,
				path: `## ${(token as Tokens.Heading).text}`,
				message: 'unknown section',
				hint: 'use ## Options, ## Order, ## Pairs or ## Explanation; use ### for headings inside the stem',
				code: 'unknown-section'
			});
			continue;
		}
		if (token.type === 'space') continue;
		sections.get(current)?.blocks.push({ token, line: here });
	}
	return sections;
}

/** Line of each item of a list token, from the item raws within the list raw. */
function itemLines(list: Tokens.List, listLine: number): number[] {
	const lines: number[] = [];
	let cursor = 0;
	for (const item of list.items) {
		const at = list.raw.indexOf(item.raw, cursor);
		const offset = at >= 0 ? at : cursor;
		lines.push(listLine + (list.raw.slice(0, offset).match(/\n/g) ?? []).length);
		cursor = offset + item.raw.length;
	}
	return lines;
}

/** First block of a list item is its text; the remaining blocks are its rationale. */
function splitItem(item: Tokens.ListItem): { textHtml: string; rationaleHtml: string } {
	const blocks = item.tokens.filter((t) => t.type !== 'space' && t.type !== 'checkbox');
	const first = blocks[0];
	let textHtml = '';
	if (first) {
		const raw = first.raw.replace(/^\s*\[[ xX]\]\s*/, '').trim();
		textHtml =
			first.type === 'paragraph' || first.type === 'text'
				? renderInline(raw)
				: renderTokens([first]);
	}
	return { textHtml, rationaleHtml: renderTokens(blocks.slice(1)) };
}

function firstList(
	section: { line: number; blocks: Block[] } | undefined,
	name: string,
	push: (p: Omit<Problem, 'file'>) => void
): { list: Tokens.List; line: number } | null {
	if (!section) return null;
	const lists = section.blocks.filter((b) => b.token.type === 'list');
	const other = section.blocks.find((b) => b.token.type !== 'list');
	if (other) {
		push({
			severity: 'error',
			line: other.line,
			path: `## ${name}`,
			message: `only a list may stand under ## ${name}`,
			hint: 'indent rationale paragraphs by two spaces so they belong to their item',
			code: 'stray-content'
		});
	}
	if (lists.length !== 1) {
		push({
			severity: 'error',
			line: section.line,
			path: `## ${name}`,
			message: lists.length ? 'the section holds more than one list' : 'the section has no list',
			hint: 'keep the items in one list, without blank headings between them',
			code: 'list-shape'
		});
		if (!lists.length) return null;
	}
	const b = lists[0]!;
	return { list: b.token as Tokens.List, line: b.line };
}

function parseQuestionBody(
	file: string,
	fm: QuestionFrontmatter,
	split: SplitFile,
	push: (p: Omit<Problem, 'file'>) => void
): ParsedQuestion | null {
	const sections = sectionize(split, push);
	const stemBlocks = sections.get('stem')?.blocks ?? [];
	const stemHtml = renderTokens(stemBlocks.map((b) => b.token));
	if (!stemHtml) {
		push({
			severity: 'error',
			line: split.bodyLine,
			path: 'stem',
			message: 'the question has no stem',
			hint: 'write the scenario and the question below the frontmatter, before ## Options',
			code: 'empty-stem'
		});
	}
	const explanation = sections.get('explanation');
	const explanationHtml = explanation ? renderTokens(explanation.blocks.map((b) => b.token)) : '';
	if (!explanationHtml) {
		push({
			severity: 'warning',
			line: explanation?.line ?? null,
			path: '## Explanation',
			message: 'the question has no explanation',
			hint: 'add an ## Explanation section that teaches the concept',
			code: 'missing-explanation'
		});
	}
	if (fm.references.length === 0) {
		push({
			severity: 'warning',
			line: split.lineOf(['id']),
			path: 'references',
			message: 'no references',
			hint: 'cite at least one official documentation URL that supports the key',
			code: 'missing-references'
		});
	}
	const lines: FieldLines = {
		id: split.lineOf(['id']),
		exams: fm.exams.map((_, i) => ({
			exam: split.lineOf(['exams', i, 'exam']),
			domain: split.lineOf(['exams', i, 'domain']),
			task: split.lineOf(['exams', i, 'task'])
		})),
		caseStudy: fm.caseStudy ? split.lineOf(['caseStudy']) : null
	};
	const base = {
		id: fm.id,
		exams: fm.exams.map((m) => ({ examId: m.exam, domainId: m.domain, taskId: m.task ?? null })),
		difficulty: fm.difficulty as Difficulty,
		tags: fm.tags,
		caseStudyId: fm.caseStudy ?? null,
		stemHtml,
		explanationHtml,
		references: toReferences(fm.references),
		lastVerified: fm.lastVerified ?? null,
		reviewed: fm.reviewed ?? null,
		text: ''
	};
	const expected: Record<string, SectionName> = {
		single: 'options',
		multiple: 'options',
		ordering: 'order',
		matching: 'pairs'
	};
	const need = expected[fm.type]!;
	for (const name of ['options', 'order', 'pairs'] as const) {
		const s = sections.get(name);
		if (s && name !== need) {
			push({
				severity: 'error',
				line: s.line,
				path: `## ${cap(name)}`,
				message: `a ${fm.type} question has no ## ${cap(name)} section`,
				hint: `use ## ${cap(need)} for type: ${fm.type}`,
				code: 'wrong-section'
			});
		}
	}
	if (!sections.has(need)) {
		push({
			severity: 'error',
			line: split.bodyLine,
			path: `## ${cap(need)}`,
			message: `missing ## ${cap(need)} section`,
			hint: sectionHint(fm.type),
			code: 'missing-section'
		});
		return null;
	}
	let result: ParsedQuestion | null;
	if (fm.type === 'single' || fm.type === 'multiple') {
		result = parseChoice(file, fm, sections.get('options'), base, lines, push);
	} else if (fm.type === 'ordering') {
		result = parseOrdering(file, sections.get('order'), base, lines, push);
	} else {
		result = parseMatching(file, sections.get('pairs'), base, lines, push);
	}
	if (result) result.question.text = questionText(result.question);
	return stemHtml ? result : null;
}

function cap(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function sectionHint(type: string): string {
	if (type === 'ordering')
		return 'list the steps under ## Order as a numbered list, in the correct order';
	if (type === 'matching')
		return 'add a ## Pairs table with the columns Prompt | Match | Rationale';
	return 'list the options under ## Options as - [ ] wrong / - [x] correct';
}

type Base = Omit<Question, 'type' | 'options' | 'choose' | 'items' | 'prompts' | 'answers' | 'key'>;

function parseChoice(
	file: string,
	fm: QuestionFrontmatter,
	section: { line: number; blocks: Block[] } | undefined,
	base: Base,
	lines: FieldLines,
	push: (p: Omit<Problem, 'file'>) => void
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

function parseOrdering(
	file: string,
	section: { line: number; blocks: Block[] } | undefined,
	base: Base,
	lines: FieldLines,
	push: (p: Omit<Problem, 'file'>) => void
): ParsedQuestion | null {
	const found = firstList(section, 'Order', push);
	if (!found) return null;
	const at = itemLines(found.list, found.line);
	const items = found.list.items.map((item, i) => {
		const { textHtml, rationaleHtml } = splitItem(item);
		if (item.task) {
			push({
				severity: 'error',
				line: at[i] ?? found.line,
				path: `order[${i}]`,
				message: 'ordering steps have no [ ]/[x] markers',
				hint: 'write the steps as a numbered list in the correct order',
				code: 'task-in-order'
			});
		}
		if (!rationaleHtml) {
			push({
				severity: 'warning',
				line: at[i] ?? found.line,
				path: `order[${i}]`,
				message: 'the step has no rationale',
				hint: 'add an indented paragraph that says why the step comes here',
				code: 'missing-rationale'
			});
		}
		return { id: String.fromCharCode(97 + i), html: textHtml, rationaleHtml };
	});
	if (items.length < 3) {
		push({
			severity: 'error',
			line: found.line,
			path: 'order',
			message: `an ordering question needs 3 or more steps, found ${items.length}`,
			hint: 'AWS ordering items have 3 to 5 steps',
			code: 'too-few-steps'
		});
		return null;
	}
	if (found.list.items.some((i) => i.task)) return null;
	return {
		kind: 'question',
		file,
		question: { ...base, type: 'ordering', items } as Question,
		lines,
		keyIsLongest: null,
		keyPosition: null,
		optionCount: items.length
	};
}

function parseMatching(
	file: string,
	section: { line: number; blocks: Block[] } | undefined,
	base: Base,
	lines: FieldLines,
	push: (p: Omit<Problem, 'file'>) => void
): ParsedQuestion | null {
	const tableBlock = section?.blocks.find((b) => b.token.type === 'table');
	if (!section || !tableBlock) {
		push({
			severity: 'error',
			line: section?.line ?? null,
			path: '## Pairs',
			message: 'the section has no table',
			hint: 'add a table with the columns Prompt | Match | Rationale',
			code: 'no-table'
		});
		return null;
	}
	const table = tableBlock.token as Tokens.Table;
	const header = table.header.map((h) => h.text.trim().toLowerCase());
	if (header[0] !== 'prompt' || header[1] !== 'match') {
		push({
			severity: 'error',
			line: tableBlock.line,
			path: '## Pairs',
			message: `the table's columns are ${header.join(' | ')}`,
			hint: 'name the columns Prompt | Match | Rationale',
			code: 'table-header'
		});
		return null;
	}
	const prompts: { id: string; html: string; rationaleHtml: string }[] = [];
	const answers: { id: string; html: string }[] = [];
	const answerIds = new Map<string, string>();
	const key: Record<string, string> = {};
	table.rows.forEach((row, r) => {
		const rowLine = tableBlock.line + 2 + r;
		const prompt = row[0]?.text.trim() ?? '';
		const match = row[1]?.text.trim() ?? '';
		const rationale = row[2]?.text.trim() ?? '';
		if (!match) {
			push({
				severity: 'error',
				line: rowLine,
				path: `pairs[${r}].match`,
				message: 'the row has no match',
				hint: 'every row needs a Match; leave the Prompt empty for a distractor match',
				code: 'empty-match'
			});
			return;
		}
		let answerId = answerIds.get(match.toLowerCase());
		if (!answerId) {
			answerId = `m${answers.length + 1}`;
			answerIds.set(match.toLowerCase(), answerId);
			answers.push({ id: answerId, html: renderInline(match) });
		}
		if (!prompt) return;
		const id = `p${prompts.length + 1}`;
		prompts.push({ id, html: renderInline(prompt), rationaleHtml: renderInline(rationale) });
		key[id] = answerId;
		if (!rationale) {
			push({
				severity: 'warning',
				line: rowLine,
				path: `pairs[${r}].rationale`,
				message: 'the pair has no rationale',
				hint: 'fill the Rationale column',
				code: 'missing-rationale'
			});
		}
	});
	if (prompts.length < 2) {
		push({
			severity: 'error',
			line: tableBlock.line,
			path: 'pairs',
			message: `a matching question needs 2 or more prompts, found ${prompts.length}`,
			hint: 'AWS matching items have 3 to 7 prompts',
			code: 'too-few-prompts'
		});
		return null;
	}
	return {
		kind: 'question',
		file,
		question: { ...base, type: 'matching', prompts, answers, key } as Question,
		lines,
		keyIsLongest: null,
		keyPosition: null,
		optionCount: answers.length
	};
}

function questionText(q: Question): string {
	const parts = [q.stemHtml, q.explanationHtml];
	if (q.type === 'single' || q.type === 'multiple') parts.push(...q.options.map((o) => o.html));
	if (q.type === 'ordering') parts.push(...q.items.map((i) => i.html));
	if (q.type === 'matching')
		parts.push(...q.prompts.map((p) => p.html), ...q.answers.map((a) => a.html));
	return htmlToText(parts.join(' '));
}
