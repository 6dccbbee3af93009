/**
 * Loads the banks bundled with the app (static/banks, written by `npm run bank:compile`).
 * `current.json` names the content-addressed bank file; when its version is the one already
 * stored, nothing else is fetched.
 */
import type { CompiledBank } from '../engine/types';
import type { ExamDB } from './schema';
import { syncBank, type SyncResult } from './sync-bank';

export const BUNDLED = 'bundled';

export interface BankPointer {
	version: string;
	url: string;
	questions: number;
}

export class BankLoadError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BankLoadError';
	}
}

export async function loadBundledBank(
	db: ExamDB,
	base: string,
	now: () => number,
	onProgress?: (written: number, total: number) => void,
	fetchFn: typeof fetch = fetch
): Promise<SyncResult> {
	const pointerUrl = `${base}/banks/current.json`;
	const pointer = (await fetchJson(fetchFn, pointerUrl)) as BankPointer;
	if (!pointer || typeof pointer.version !== 'string' || typeof pointer.url !== 'string') {
		throw new BankLoadError(`${pointerUrl}: expected {version, url}; rebuild with npm run build`);
	}
	const stored = await db.banks.get(BUNDLED);
	if (stored?.version === pointer.version) {
		return {
			source: BUNDLED,
			version: pointer.version,
			added: 0,
			updated: 0,
			unchanged: stored.questions,
			retired: 0,
			skipped: true
		};
	}
	const url = `${base}/banks/${pointer.url}`;
	const bank = checkBankShape(await fetchJson(fetchFn, url), url);
	return syncBank(db, bank, BUNDLED, { now: now(), name: 'Bundled banks', onProgress });
}

async function fetchJson(fetchFn: typeof fetch, url: string): Promise<unknown> {
	let res: Response;
	try {
		res = await fetchFn(url);
	} catch (e) {
		throw new BankLoadError(`${url}: could not be fetched (${(e as Error).message})`);
	}
	if (!res.ok) throw new BankLoadError(`${url}: HTTP ${res.status}`);
	try {
		return await res.json();
	} catch {
		throw new BankLoadError(`${url}: not valid JSON`);
	}
}

/** The compiled bank is build output, but data read from the network is still checked. */
export function checkBankShape(data: unknown, url: string): CompiledBank {
	const b = data as Partial<CompiledBank> | null;
	if (
		!b ||
		typeof b.version !== 'string' ||
		!Array.isArray(b.exams) ||
		!Array.isArray(b.questions) ||
		!Array.isArray(b.caseStudies)
	) {
		throw new BankLoadError(
			`${url}: not a compiled bank (expected version, exams, caseStudies, questions)`
		);
	}
	const bad = b.questions.findIndex(
		(q) => !q || typeof q.id !== 'string' || typeof q.hash !== 'string' || !Array.isArray(q.exams)
	);
	if (bad >= 0) throw new BankLoadError(`${url}: questions[${bad}] lacks id, hash or exams`);
	return b as CompiledBank;
}
