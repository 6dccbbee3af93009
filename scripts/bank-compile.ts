/**
 * npm run bank:compile: compiles questions/ into static/banks/ for the app to load:
 * `bank-<version>.json` (content-addressed, cached forever) and `current.json` (points to it).
 * Fails on any bank error so a broken bank never ships.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { compileBank } from '../src/lib/bank/compile';
import { renderMarkdown } from '../src/lib/bank/markdown';
import { countBySeverity, formatProblem } from '../src/lib/bank/problems';
import { readBankDir } from './bank-files';

const started = performance.now();
const result = compileBank(readBankDir('questions'));
const { errors, warnings } = countBySeverity(result.problems);
if (errors) {
	for (const p of result.problems.filter((p) => p.severity === 'error'))
		console.error(formatProblem(p));
	console.error(`bank:compile: ${errors} error(s); run npm run bank:check for details`);
	process.exit(1);
}
const out = 'static/banks';
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) rmSync(join(out, f));
const file = `bank-${result.bank.version}.json`;
writeFileSync(join(out, file), JSON.stringify(result.bank));
writeFileSync(
	join(out, 'current.json'),
	JSON.stringify({
		version: result.bank.version,
		url: file,
		questions: result.bank.questions.length,
		exams: result.bank.exams.map((e) => e.id)
	})
);
// The authoring guide, shown offline on the /format page.
writeFileSync(
	join(out, 'format.html'),
	renderMarkdown(readFileSync('questions/README.md', 'utf8'))
);
const ms = Math.round(performance.now() - started);
console.log(
	`bank:compile: ${result.bank.exams.length} exams, ${result.bank.questions.length} questions -> ${out}/${file} in ${ms} ms (${warnings} warning(s))`
);
