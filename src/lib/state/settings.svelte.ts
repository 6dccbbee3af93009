/**
 * Device storage: whether the browser keeps examforge's data persistently (not evicted under
 * storage pressure), how much space it uses, and which banks are loaded.
 */
import { db, getSetting, putSetting, type BankRecord } from '$lib/db';

/** Settings key: extra minutes added to every timed exam (an accommodation). */
export const EXTRA_MINUTES = 'extraMinutes';

export type PersistStatus = 'unsupported' | 'persisted' | 'not-persisted' | 'denied';

export class SettingsState {
	persist = $state<PersistStatus>('unsupported');
	usage = $state<{ used: number; quota: number } | null>(null);
	banks = $state<Omit<BankRecord, 'hashes'>[]>([]);
	message = $state<string | null>(null);
	extraMinutes = $state(0);
	saved = $state<string | null>(null);
	error = $state<string | null>(null);

	async load(): Promise<void> {
		try {
			if (navigator.storage?.persisted) {
				this.persist = (await navigator.storage.persisted()) ? 'persisted' : 'not-persisted';
			}
			if (navigator.storage?.estimate) {
				const e = await navigator.storage.estimate();
				this.usage = { used: e.usage ?? 0, quota: e.quota ?? 0 };
			}
			this.extraMinutes = await getSetting(db, EXTRA_MINUTES, 0);
			const banks = await db.banks.toArray();
			this.banks = banks.map(({ hashes: _h, ...rest }) => rest);
		} catch (e) {
			this.error = (e as Error).message;
		}
	}

	/** Saves the extra time granted on every timed exam (stored before it is confirmed). */
	async saveExtraMinutes(minutes: number): Promise<void> {
		const value = Math.max(0, Math.min(240, Math.round(minutes)));
		try {
			await putSetting(db, EXTRA_MINUTES, value);
			this.extraMinutes = value;
			this.saved = value
				? `Every timed exam now gets ${value} extra minutes.`
				: 'Timed exams use the official duration.';
		} catch (e) {
			this.error = `The setting could not be saved: ${(e as Error).message}`;
		}
	}

	/** Asks the browser to keep the data persistently; the browser may decide without asking. */
	async requestPersistence(): Promise<void> {
		if (!navigator.storage?.persist) return;
		try {
			const granted = await navigator.storage.persist();
			this.persist = granted ? 'persisted' : 'denied';
			this.message = granted
				? 'Storage is now persistent: the browser will not clear your progress to free space.'
				: 'The browser declined for now. Installing examforge as an app, or bookmarking it, often makes the browser agree.';
		} catch (e) {
			this.error = (e as Error).message;
		}
	}
}

/** 1536 -> "1.5 KB" */
export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let v = n / 1024;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
