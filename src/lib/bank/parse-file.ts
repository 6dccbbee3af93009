/**
 * Parses one bank file (a question or a case study) into engine types, collecting every
 * problem with its line. Cross-file facts (do the exam and domain exist? is the id unique?)
 * are checked later by `compileBank`, which is why the lines of those fields are kept. The
 * type-specific parts live in parse-choice, parse-ordering and parse-matching.
 */
import type { Tokens } from 'marked';
import type { z } from 'zod';
import type { Difficulty, Question, Reference } from '../engine/types';
import { splitFrontmatter, type SplitFile } from './frontmatter';
import { htmlToText, lex, renderTokens } from './markdown';
import { parseChoice } from './parse-choice';
import { parseMatching } from './parse-matching';
import { parseOrdering } from './parse-ordering';
import type {
	FieldLines,
	ParsedCaseStudy,
	ParsedFile,
	ParsedQuestion,
	Push,
	QuestionMeta,
	Section
} from './parse-shared';
import type { Problem } from './problems';
import {
	CaseStudyFrontmatterSchema,
	FIELD_HINTS,
	QuestionFrontmatterSchema,
	type QuestionFrontmatter
} from './schemas';

export type {
	FieldLines,
	ParsedCaseStudy,
	ParsedFile,
	ParsedQuestion,
	QuestionMeta
} from './parse-shared';
export { statedChoose } from './parse-choice';

const SECTIONS = ['options', 'order', 'pairs', 'explanation'] as const;
type SectionName = (typeof SECTIONS)[number] | 'stem' | 'ignored';

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
	push: Push
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

function parseCaseStudy(file: string, split: SplitFile, push: Push): ParsedCaseStudy | null {
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
function sectionize(split: SplitFile, push: Push): Map<SectionName, Section> {
	const sections = new Map<SectionName, Section>();
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

function parseQuestionBody(
	file: string,
	fm: QuestionFrontmatter,
	split: SplitFile,
	push: Push
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

function questionText(q: Question): string {
	const parts = [q.stemHtml, q.explanationHtml];
	if (q.type === 'single' || q.type === 'multiple') parts.push(...q.options.map((o) => o.html));
	if (q.type === 'ordering') parts.push(...q.items.map((i) => i.html));
	if (q.type === 'matching')
		parts.push(...q.prompts.map((p) => p.html), ...q.answers.map((a) => a.html));
	return htmlToText(parts.join(' '));
}
