/**
 * The raw baseline: a page whose worker fetches the same bank file, parses it and writes every
 * question with a plain IndexedDB loop in ONE transaction. No Dexie, no diffing. With
 * `indexes: true` the store has the same indexes as the app's questions table (so the ratio
 * measures the loader, not the cost of indexing), and records get the same index fields.
 */
export const RAW_WORKER = `
self.onmessage = async (e) => {
	const t0 = performance.now();
	const res = await fetch(e.data.url);
	const bank = await res.json();
	const indexes = e.data.indexes;
	const db = await new Promise((resolve, reject) => {
		const req = indexedDB.open(indexes ? 'raw-indexed' : 'raw-plain', 1);
		req.onupgradeneeded = () => {
			const store = req.result.createObjectStore('questions', { keyPath: 'id' });
			if (indexes) {
				store.createIndex('examIds', 'examIds', { multiEntry: true });
				store.createIndex('domainKeys', 'domainKeys', { multiEntry: true });
				store.createIndex('source', 'source');
				store.createIndex('tags', 'tags', { multiEntry: true });
			}
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	await new Promise((resolve, reject) => {
		const tx = db.transaction('questions', 'readwrite');
		const store = tx.objectStore('questions');
		for (const q of bank.questions) {
			if (indexes) {
				q.source = 'bundled';
				q.examIds = q.exams.map((m) => m.examId);
				q.domainKeys = q.exams.map((m) => m.examId + '/' + m.domainId);
			}
			store.put(q);
		}
		tx.oncomplete = resolve;
		tx.onerror = () => reject(tx.error);
	});
	const count = await new Promise((resolve) => {
		const r = db.transaction('questions').objectStore('questions').count();
		r.onsuccess = () => resolve(r.result);
	});
	db.close();
	self.postMessage({ ms: performance.now() - t0, count });
};
`;

export const RAW_PAGE = `<!doctype html><html><body><script>
window.runRaw = (url, indexes) => new Promise((resolve) => {
	const start = performance.now();
	const w = new Worker('/__bench/raw-worker.js');
	w.onmessage = (e) => { w.terminate(); resolve({ ms: performance.now() - start, inWorkerMs: e.data.ms, count: e.data.count }); };
	w.postMessage({ url, indexes });
});
</script></body></html>`;
