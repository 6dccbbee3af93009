/**
 * Turns an uploaded bank (a .zip of question files, or a JSON bundle `{files: [{path, text}]}`)
 * into compiler input. Runs in the browser; problems are reported like any bank problem.
 */
import { strFromU8, unzipSync } from 'fflate';
import { isBankFile, type BankFile } from './compile';
import type { Problem } from './problems';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export function unpackUpload(
	name: string,
	bytes: Uint8Array
): { files: BankFile[]; problems: Problem[] } {
	const problem = (message: string, hint: string): { files: BankFile[]; problems: Problem[] } => ({
		files: [],
		problems: [
			{ severity: 'error', file: name, line: null, path: '', message, hint, code: 'upload' }
		]
	});
	if (bytes.byteLength > MAX_UPLOAD_BYTES)
		return problem(
			`the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
			'split the bank into smaller files'
		);
	const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
	if (isZip) {
		let entries: Record<string, Uint8Array>;
		try {
			entries = unzipSync(bytes);
		} catch (e) {
			return problem(
				`not a readable zip archive (${(e as Error).message})`,
				'create the archive again with a standard zip tool'
			);
		}
		const files = Object.entries(entries)
			.filter(([path]) => !path.endsWith('/'))
			.map(([path, data]) => ({
				path: stripRoot(path, Object.keys(entries)),
				text: strFromU8(data)
			}))
			.filter((f) => isBankFile(f.path));
		if (!files.length)
			return problem(
				'the archive holds no question files (.md) or exam definitions (exam.yaml)',
				'zip the folder that holds your question files'
			);
		return { files, problems: [] };
	}
	let data: unknown;
	try {
		data = JSON.parse(new TextDecoder().decode(bytes));
	} catch {
		return problem(
			'neither a zip archive nor JSON',
			'upload a .zip of question files or a JSON bundle {"files": [{"path", "text"}]}'
		);
	}
	const list = (data as { files?: unknown } | null)?.files;
	if (
		!Array.isArray(list) ||
		list.some((f) => !f || typeof f.path !== 'string' || typeof f.text !== 'string')
	) {
		return problem(
			'the JSON bundle has no files list of {path, text}',
			'write {"files": [{"path": "q/my-question.md", "text": "---\\n..."}]}'
		);
	}
	return { files: (list as BankFile[]).filter((f) => isBankFile(f.path)), problems: [] };
}

/** Drops a single top-level folder that wraps every entry (as zipping a folder produces). */
function stripRoot(path: string, all: string[]): string {
	const first = all[0]?.split('/')[0];
	if (first && all.every((p) => p.startsWith(`${first}/`)) && !/exam\.yaml$/.test(first)) {
		const rest = path.slice(first.length + 1);
		// Keep the exam folder when the wrapper itself is an exam folder (it holds exam.yaml).
		return all.includes(`${first}/exam.yaml`) ? path : rest;
	}
	return path;
}
