/**
 * Dedicated worker that fetches, parses and stores the bundled bank, so that parsing a large
 * bank never blocks the page. Posts progress, then `done` or `error`.
 */
import { loadBundledBank } from './bundled';
import { ExamDB } from './schema';

export type BankWorkerRequest = { base: string; dbName: string; now: number };
export type BankWorkerMessage =
	| { type: 'progress'; written: number; total: number }
	| { type: 'done'; result: import('./sync-bank').SyncResult; ms: number }
	| { type: 'error'; message: string };

const post = (m: BankWorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (event: MessageEvent<BankWorkerRequest>) => {
	const { base, dbName, now } = event.data;
	const db = new ExamDB(dbName);
	const started = performance.now();
	try {
		const result = await loadBundledBank(
			db,
			base,
			() => now,
			(written, total) => post({ type: 'progress', written, total })
		);
		post({ type: 'done', result, ms: performance.now() - started });
	} catch (e) {
		post({ type: 'error', message: (e as Error).message ?? String(e) });
	} finally {
		db.close();
	}
};
