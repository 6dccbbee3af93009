/**
 * Shared shapes of the question parser: what a parsed file is, and the block/section helpers the
 * per-type parsers use.
 */
import type { Tokens } from 'marked';
import type { CaseStudy, Question } from '../engine/types';
import type { Problem } from './problems';
import { renderInline, renderTokens } from './markdown';

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

/** A top-level Markdown block and the file line it starts on. */
export interface Block {
	token: import('marked').Token;
	line: number;
}

export interface Section {
	line: number;
	blocks: Block[];
}

/** Records a problem of the file being parsed. */
export type Push = (p: Omit<Problem, 'file'>) => void;

/** What every question type shares, before its type-specific part. */
export type Base = Omit<
	Question,
	'type' | 'options' | 'choose' | 'items' | 'prompts' | 'answers' | 'key'
>;

/** Line of each item of a list token, from the item raws within the list raw. */
export function itemLines(list: Tokens.List, listLine: number): number[] {
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
export function splitItem(item: Tokens.ListItem): { textHtml: string; rationaleHtml: string } {
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

export function firstList(
	section: Section | undefined,
	name: string,
	push: Push
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
