/**
 * npm run bank:check [DIR ...]: validates every bank file (default questions/) and prints every
 * problem as `file:line field-path: message (fix hint)`. Several folders are checked as one bank
 * (e.g. `questions drafts/questions`, so drafts resolve the real exam definitions). Exit 1 on any
 * error.
 */
import { existsSync } from 'node:fs';
import { compileBank, type BankFile } from '../src/lib/bank/compile';
import { countBySeverity, formatProblem } from '../src/lib/bank/problems';
import { readBankDir } from './bank-files';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (!dirs.length) dirs.push('questions');
const files: BankFile[] = [];
const rootOf = new Map<string, string>();
for (const dir of dirs) {
	if (!existsSync(dir)) {
		console.error(`bank:check: no folder ${dir}`);
		process.exit(2);
	}
	for (const f of readBankDir(dir)) {
		// The same relative path in two folders would be two files with one name: keep both apart.
		const path = rootOf.has(f.path) ? `${dir}/${f.path}` : f.path;
		rootOf.set(path, dir.replace(/\/+$/, ''));
		files.push({ ...f, path });
	}
}
const result = compileBank(files);
for (const p of result.problems) {
	const root = rootOf.get(p.file);
	const line = formatProblem({ ...p, file: root ? `${root}/${p.file}` : p.file });
	console.log(`${p.severity === 'error' ? 'error  ' : 'warning'} ${line}`);
}
const { errors, warnings } = countBySeverity(result.problems);
const byCode = new Map<string, number>();
for (const p of result.problems) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
const codes = [...byCode]
	.sort((a, b) => b[1] - a[1])
	.map(([c, n]) => `${c} ${n}`)
	.join(', ');
console.log(
	`\n${result.bank.exams.length} exams, ${result.bank.caseStudies.length} case studies, ${result.bank.questions.length} valid questions: ${errors} error(s), ${warnings} warning(s)${codes ? ` (${codes})` : ''}`
);
process.exit(errors ? 1 : 0);
