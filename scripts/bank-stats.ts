/**
 * npm run bank:stats [-- --json] [DIR]: coverage per exam and domain. The JSON shape is
 * documented in README.md and read by tooling.
 */
import { compileBank } from '../src/lib/bank/compile';
import { examStats } from '../src/lib/bank/stats';
import { readBankDir } from './bank-files';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('-')) ?? 'questions';
const result = compileBank(readBankDir(dir));
const exams = result.bank.exams.map((e) => examStats(e, result.bank, result));
if (args.includes('--json')) {
	console.log(JSON.stringify({ exams }, null, 2));
} else {
	for (const e of exams) {
		const mark = e.fullMockWithoutRepeats ? 'full mock ok' : 'NOT enough for a full mock';
		console.log(
			`${e.shortName.padEnd(8)} ${String(e.questions).padStart(4)} questions, mock ${e.mockLength}: ${mark}`
		);
		for (const d of e.domains) {
			const flag = d.available >= d.neededForMock ? ' ' : '!';
			console.log(
				`  ${flag} ${String(d.available).padStart(4)}/${String(d.neededForMock).padEnd(3)} ${d.title}`
			);
		}
		if (e.thinTasks.length)
			console.log(`    tasks with fewer than 2 questions: ${e.thinTasks.join(', ')}`);
	}
}
