/**
 * Importing a learner's own bank: unpack, compile with the same compiler as the build (loaded
 * only on this page), then store all-or-nothing. On any problem nothing stored changes.
 */
import { BankConflictError, db, syncBank, type SyncResult } from '$lib/db';
import type { Problem } from '$lib/bank/problems';
import { app } from './app.svelte';

export type ImportPhase = 'idle' | 'checking' | 'saving' | 'done' | 'failed';

export class ImportState {
	phase = $state<ImportPhase>('idle');
	fileName = $state<string | null>(null);
	problems = $state<Problem[]>([]);
	warnings = $state<Problem[]>([]);
	result = $state<SyncResult | null>(null);
	message = $state<string | null>(null);

	readonly busy = $derived(this.phase === 'checking' || this.phase === 'saving');

	async importFile(file: File): Promise<void> {
		this.reset();
		this.fileName = file.name;
		this.phase = 'checking';
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const [{ unpackUpload }, { compileBank }] = await Promise.all([
				import('$lib/bank/unpack'),
				import('$lib/bank/compile')
			]);
			const unpacked = unpackUpload(file.name, bytes);
			if (unpacked.problems.length) return this.reject(unpacked.problems);
			const [knownExams, knownCaseStudies] = await Promise.all([
				db.exams.toArray(),
				db.caseStudies.toArray()
			]);
			const compiled = compileBank(unpacked.files, { knownExams, knownCaseStudies });
			const errors = compiled.problems.filter((p) => p.severity === 'error');
			this.warnings = compiled.problems.filter((p) => p.severity === 'warning');
			if (errors.length) return this.reject(errors);
			if (!compiled.bank.questions.length) {
				return this.reject([
					{
						severity: 'error',
						file: file.name,
						line: null,
						path: '',
						message: 'the bank holds no valid questions',
						hint: 'add question files (.md) with frontmatter',
						code: 'empty-bank'
					}
				]);
			}
			this.phase = 'saving';
			const source = `import:${bankName(file.name)}`;
			this.result = await syncBank(db, compiled.bank, source, { now: Date.now(), name: file.name });
			this.phase = 'done';
			await app.refresh();
		} catch (e) {
			this.phase = 'failed';
			this.message =
				e instanceof BankConflictError
					? `${e.message}. Rename the ids in your files, or import the file under the name it was first imported with to update it.`
					: `The bank could not be saved: ${(e as Error).message}. Nothing was changed.`;
		}
	}

	reset(): void {
		this.phase = 'idle';
		this.problems = [];
		this.warnings = [];
		this.result = null;
		this.message = null;
	}

	private reject(problems: Problem[]): void {
		this.problems = problems;
		this.phase = 'failed';
		this.message = `${problems.length} problem${problems.length === 1 ? '' : 's'} found. Nothing was imported; fix them and try again.`;
	}
}

/** "My Bank (2).zip" -> "my-bank-2" */
export function bankName(fileName: string): string {
	return (
		fileName
			.replace(/\.(zip|json)$/i, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'bank'
	);
}
