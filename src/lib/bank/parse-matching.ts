/** Matching questions: the `## Pairs` table (Prompt | Match | Rationale), distractor matches included. */
import type { Tokens } from 'marked';
import type { Question } from '../engine/types';
import { renderInline } from './markdown';
import type { Base, FieldLines, ParsedQuestion, Push, Section } from './parse-shared';

export function parseMatching(
	file: string,
	section: Section | undefined,
	base: Base,
	lines: FieldLines,
	push: Push
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
