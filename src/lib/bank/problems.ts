/**
 * Problems found in bank files. The compiler never throws on bad content: it collects every
 * problem with its file, line and field path so an author can fix them all in one pass.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
	severity: Severity;
	/** Path of the file relative to the bank root, e.g. `aws-mla-c01/q/feature-store.md`. */
	file: string;
	/** 1-based line, or null when the problem concerns the whole file or bank. */
	line: number | null;
	/** Field path, e.g. `exams[0].domain`, `options[2]`, `## Explanation`. */
	path: string;
	message: string;
	/** How to fix it. */
	hint: string | null;
	/** Stable machine-readable code, e.g. `duplicate-id`, `key-longest`. */
	code: string;
}

/** `file:line field-path: message (fix hint)` */
export function formatProblem(p: Problem): string {
	const where = p.line === null ? p.file : `${p.file}:${p.line}`;
	const field = p.path ? ` ${p.path}` : '';
	const hint = p.hint ? ` (${p.hint})` : '';
	return `${where}${field}: ${p.message}${hint}`;
}

export function countBySeverity(problems: Problem[]): { errors: number; warnings: number } {
	let errors = 0;
	let warnings = 0;
	for (const p of problems) {
		if (p.severity === 'error') errors++;
		else warnings++;
	}
	return { errors, warnings };
}

/** Sort by file, then line, errors before warnings at the same place. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)
	);
}

/** Thrown only for misuse of the compiler API itself, never for bad bank content. */
export class BankError extends Error {
	constructor(
		message: string,
		readonly problems: Problem[] = []
	) {
		super(message);
		this.name = 'BankError';
	}
}
