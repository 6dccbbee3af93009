/** Ordering questions: the `## Order` list, written in the correct order. */
import type { Question } from '../engine/types';
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

export function parseOrdering(
	file: string,
	section: Section | undefined,
	base: Base,
	lines: FieldLines,
	push: Push
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
