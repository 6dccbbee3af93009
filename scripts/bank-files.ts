/** Reads a bank folder from disk as compiler input (paths relative to the folder). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isBankFile, type BankFile } from '../src/lib/bank/compile';

export function readBankDir(root: string): BankFile[] {
	const out: BankFile[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			if (name === 'node_modules' || name.startsWith('.')) continue;
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else {
				const path = relative(root, full).split(sep).join('/');
				if (isBankFile(path)) out.push({ path, text: readFileSync(full, 'utf8') });
			}
		}
	};
	walk(root);
	return out;
}
