/**
 * npm run bank:check [DIR]: validates every bank file (default questions/) and prints every
 * problem as `file:line field-path: message (fix hint)`. Exit 1 on any error.
 */
import { existsSync } from 'node:fs';
import { compileBank } from '../src/lib/bank/compile';
import { countBySeverity, formatProblem } from '../src/lib/bank/problems';
import { readBankDir } from './bank-files';

const dir = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'questions';
if (!existsSync(dir)) {
	console.error(`bank:check: no folder ${dir}`);
	process.exit(2);
}
const prefix = dir.replace(/\/+$/, '') + '/';
const result = compileBank(readBankDir(dir));
for (const p of result.problems) {
	const line = formatProblem({ ...p, file: prefix + p.file });
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
