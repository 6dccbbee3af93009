/**
 * Splits a Markdown file into YAML frontmatter and body, keeping the line numbers needed to
 * point an author at the exact field or section that is wrong.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

export interface SplitFile {
	/** Parsed frontmatter, or null when absent or not valid YAML. */
	data: unknown;
	doc: Document | null;
	/** Errors from the YAML parser, with file lines. */
	yamlErrors: { line: number; message: string }[];
	body: string;
	/** 1-based file line on which the body starts. */
	bodyLine: number;
	/** Maps a frontmatter field path to its 1-based file line (falls back to the frontmatter start). */
	lineOf: (path: (string | number)[]) => number;
	hasFrontmatter: boolean;
}

/** Normalises line endings so that offsets and line counts agree everywhere. */
export function normaliseNewlines(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
}

export function splitFrontmatter(rawText: string): SplitFile {
	const text = normaliseNewlines(rawText);
	const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
	if (!match) {
		return {
			data: null,
			doc: null,
			yamlErrors: [],
			body: text,
			bodyLine: 1,
			lineOf: () => 1,
			hasFrontmatter: false
		};
	}
	const yamlText = match[1] ?? '';
	const parsed = parseYaml(yamlText, 2);
	const bodyLine = 1 + (match[0].match(/\n/g)?.length ?? 0);
	return {
		...parsed,
		body: text.slice(match[0].length),
		bodyLine,
		hasFrontmatter: true
	};
}

/**
 * Parses YAML and returns a line lookup for field paths. `firstLine` is the file line of the
 * YAML text's first line.
 */
export function parseYaml(
	yamlText: string,
	firstLine = 1
): Pick<SplitFile, 'data' | 'doc' | 'yamlErrors' | 'lineOf'> {
	const counter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
	const yamlErrors = doc.errors.map((e) => ({
		line: firstLine - 1 + (e.linePos?.[0]?.line ?? counter.linePos(e.pos[0]).line),
		message: e.message.split('\n')[0] ?? e.message
	}));
	const lineOf = (path: (string | number)[]): number => {
		for (let n = path.length; n > 0; n--) {
			const node = doc.getIn(path.slice(0, n), true);
			if (isNode(node) && node.range) return firstLine - 1 + counter.linePos(node.range[0]).line;
		}
		return Math.max(1, firstLine - 1);
	};
	return {
		data: yamlErrors.length ? null : doc.toJS(),
		doc: yamlErrors.length ? null : doc,
		yamlErrors,
		lineOf
	};
}
