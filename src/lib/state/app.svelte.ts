/**
 * App-wide state: loading the bundled banks into IndexedDB (in a worker) and the list of
 * exams with their question counts. The only place that reads the clock for bank loading.
 */
import { base } from '$app/paths';
import {
	countLiveQuestions,
	countQuestionsByExam,
	db,
	listExams,
	type ExamRecord,
	type SyncResult
} from '$lib/db';
import type { BankWorkerMessage, BankWorkerRequest } from '$lib/db/bank-worker';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export class AppState {
	status = $state<LoadStatus>('idle');
	progress = $state({ written: 0, total: 0 });
	error = $state<string | null>(null);
	lastSync = $state<SyncResult | null>(null);
	exams = $state<ExamRecord[]>([]);
	counts = $state<Record<string, number>>({});
	/** Live questions stored, across the bundled and imported banks. */
	questionTotal = $state(0);
	/** True once the store has been read at least once (it may still be syncing). */
	hasData = $state(false);
	otherTabUpgraded = $state(false);
	#started = false;

	examById(id: string): ExamRecord | undefined {
		return this.exams.find((e) => e.id === id);
	}

	/** Reads what is stored, then syncs the bundled banks; safe to call more than once. */
	async init(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		db.on('versionchange', () => {
			this.otherTabUpgraded = true;
			db.close();
			return false;
		});
		await this.refresh();
		await this.syncBundled();
		await requestPersistentStorage();
	}

	async refresh(): Promise<void> {
		try {
			const exams = await listExams(db);
			const counts = await countQuestionsByExam(
				db,
				exams.map((e) => e.id)
			);
			this.questionTotal = await countLiveQuestions(db);
			this.exams = exams;
			this.counts = Object.fromEntries(counts);
			this.hasData = exams.length > 0;
		} catch (e) {
			this.fail(e);
		}
	}

	syncBundled(): Promise<void> {
		this.status = 'loading';
		this.error = null;
		// Timed by `npm run bench` (performance.measure 'examforge:bank-sync').
		performance.mark('examforge:bank-sync:start');
		return new Promise((resolve) => {
			const worker = new Worker(new URL('../db/bank-worker.ts', import.meta.url), {
				type: 'module'
			});
			worker.onmessage = async (event: MessageEvent<BankWorkerMessage>) => {
				const m = event.data;
				if (m.type === 'progress') {
					this.progress = { written: m.written, total: m.total };
					return;
				}
				worker.terminate();
				if (m.type === 'error') this.fail(new Error(m.message));
				else {
					performance.measure('examforge:bank-sync', 'examforge:bank-sync:start');
					this.lastSync = m.result;
					await this.refresh();
					if (this.status !== 'error') this.status = 'ready';
					document.documentElement.dataset.bank = 'ready';
				}
				resolve();
			};
			worker.onerror = (e) => {
				worker.terminate();
				this.fail(new Error(e.message || 'the bank loader stopped unexpectedly'));
				resolve();
			};
			const request: BankWorkerRequest = { base: base || '', dbName: db.name, now: Date.now() };
			worker.postMessage(request);
		});
	}

	fail(e: unknown): void {
		this.status = 'error';
		this.error = e instanceof Error ? e.message : String(e);
	}
}

/**
 * Asks once that the browser keep examforge's data (progress must not be evicted under storage
 * pressure). Chromium decides silently from engagement; Settings shows the outcome and offers a
 * retry. A refusal is not an error.
 */
async function requestPersistentStorage(): Promise<void> {
	try {
		if (navigator.storage?.persist && !(await navigator.storage.persisted()))
			await navigator.storage.persist();
	} catch {
		// Reported on the Settings page, which reads the status again.
	}
}

export const app = new AppState();
