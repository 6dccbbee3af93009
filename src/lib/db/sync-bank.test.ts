import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readBankDir } from '../../../scripts/bank-files';
import { compileBank } from '../bank/compile';
import type { CompiledBank } from '../engine/types';
import { loadBundledBank, BankLoadError } from './bundled';
import { domainCoverage, countQuestionsByExam } from './queries';
import { ExamDB } from './schema';
import { BankConflictError, syncBank } from './sync-bank';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
let seq = 0;
const open: ExamDB[] = [];
function freshDb(): ExamDB {
	const db = new ExamDB(`test-${++seq}-${T0}`);
	open.push(db);
	return db;
}
afterEach(async () => {
	for (const db of open.splice(0)) await db.delete();
});

const goodBank = (): CompiledBank => compileBank(readBankDir('tests/fixtures/bank-good')).bank;

/** The good fixture bank, compiled after editing the text of one question file. */
function edited(id: string, change: (text: string) => string): CompiledBank {
	const files = readBankDir('tests/fixtures/bank-good');
	return compileBank(
		files.map((f) => (f.path.endsWith(`${id}.md`) ? { ...f, text: change(f.text) } : f))
	).bank;
}

describe('syncBank: loading the bundled banks', () => {
	it('stores exams, case studies and questions, indexed by exam and domain', async () => {
		const db = freshDb();
		const r = await syncBank(db, goodBank(), 'bundled', { now: T0 });
		expect(r).toMatchObject({ added: 4, updated: 0, unchanged: 0, retired: 0, skipped: false });
		const exam = (await db.exams.get('demo-exam'))!;
		expect(exam.source).toBe('bundled');
		expect(await db.caseStudies.count()).toBe(1);
		expect(Object.fromEntries(await countQuestionsByExam(db, ['demo-exam']))).toEqual({
			'demo-exam': 4
		});
		expect(await domainCoverage(db, exam)).toEqual([
			{ domainId: 'storage', available: 2 },
			{ domainId: 'compute', available: 2 }
		]);
	});

	it('does nothing when the same version is loaded again', async () => {
		const db = freshDb();
		await syncBank(db, goodBank(), 'bundled', { now: T0 });
		const r = await syncBank(db, goodBank(), 'bundled', { now: T0 + 1000 });
		expect(r).toMatchObject({ skipped: true, unchanged: 4 });
		expect((await db.banks.get('bundled'))!.loadedAt).toBe(T0);
	});

	it('writes only the changed question on a later build, and retires removed ones', async () => {
		const db = freshDb();
		await syncBank(db, goodBank(), 'bundled', { now: T0 });
		const next = edited('demo-single', (t) => t.replace('Right.', 'Right: objects.'));
		next.questions = next.questions.filter((q) => q.id !== 'demo-ordering');
		next.version = 'v2';
		const writes: number[] = [];
		const r = await syncBank(db, next, 'bundled', {
			now: T0 + 1,
			onProgress: (w) => writes.push(w)
		});
		expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 2, retired: 1 });
		expect(writes).toEqual([1]);
		const single = await db.questions.get('demo-single');
		expect(single?.type === 'single' && single.options[1]!.rationaleHtml).toBe(
			'<p>Right: objects.</p>'
		);
		const retired = (await db.questions.get('demo-ordering'))!;
		expect(retired.retiredAt).toBe(T0 + 1);
		expect(retired.exams).toHaveLength(1);
		expect(Object.fromEntries(await countQuestionsByExam(db, ['demo-exam']))).toEqual({
			'demo-exam': 3
		});
	});

	it('never touches the learner’s sessions, responses or reviews', async () => {
		const db = freshDb();
		await syncBank(db, goodBank(), 'bundled', { now: T0 });
		await db.sessions.put({
			id: 's1',
			examId: 'demo-exam',
			kind: 'mock',
			seed: 1,
			plan: { slots: [], sections: [] },
			startedAt: T0,
			deadlineAt: null,
			extraMs: 0,
			status: 'active',
			finishedAt: null,
			finishReason: null,
			label: 'Full mock'
		});
		await db.responses.add({
			sessionId: 's1',
			slot: 0,
			questionId: 'demo-single',
			at: T0,
			event: { type: 'visit', slot: 0, at: T0 }
		});
		await db.reviews.put({ questionId: 'demo-single', due: T0 });
		// A later build that drops every question: the history they belong to must survive.
		await syncBank(db, { ...goodBank(), version: 'v2', questions: [] }, 'bundled', { now: T0 + 5 });
		expect(await db.sessions.count()).toBe(1);
		expect(await db.responses.count()).toBe(1);
		expect(await db.reviews.count()).toBe(1);
	});

	it('is all or nothing: a failure midway leaves the previous bank exactly as it was', async () => {
		const db = freshDb();
		await syncBank(db, goodBank(), 'bundled', { now: T0 });
		const before = await db.questions.toArray();
		const next = edited('demo-single', (t) => t.replace('Right.', 'New.'));
		// An exam record that IndexedDB cannot store (a function is not cloneable) fails the last write.
		const broken = {
			...next,
			version: 'v2',
			exams: [{ ...next.exams[0]!, notes: [() => 1] as unknown as string[] }]
		};
		await expect(syncBank(db, broken, 'bundled', { now: T0 + 1, batchSize: 1 })).rejects.toThrow();
		expect(await db.questions.toArray()).toEqual(before);
		expect((await db.banks.get('bundled'))!.version).toBe(goodBank().version);
	});

	it('rejects an imported bank whose ids belong to another bank, changing nothing', async () => {
		const db = freshDb();
		await syncBank(db, goodBank(), 'bundled', { now: T0 });
		const imported = { ...goodBank(), exams: [], caseStudies: [], version: 'mine' };
		await expect(syncBank(db, imported, 'import:mine', { now: T0 })).rejects.toBeInstanceOf(
			BankConflictError
		);
		expect(await db.banks.get('import:mine')).toBeUndefined();
		expect((await db.questions.toArray()).every((q) => q.source === 'bundled')).toBe(true);
	});
});

describe('loadBundledBank', () => {
	const serve = (files: Record<string, unknown>): typeof fetch =>
		(async (url: string | URL | Request) => {
			const body = files[String(url)];
			if (body === undefined) return new Response('missing', { status: 404 });
			return new Response(typeof body === 'string' ? body : JSON.stringify(body));
		}) as typeof fetch;

	it('fetches the pointer, then the bank, and skips the bank when the version is stored', async () => {
		const db = freshDb();
		const bank = goodBank();
		const requested: string[] = [];
		const files = {
			'/banks/current.json': { version: bank.version, url: 'b.json', questions: 4 },
			'/banks/b.json': bank
		};
		const fetchFn: typeof fetch = (url, init) => {
			requested.push(String(url));
			return serve(files)(url, init);
		};
		expect((await loadBundledBank(db, '', () => T0, undefined, fetchFn)).added).toBe(4);
		expect((await loadBundledBank(db, '', () => T0, undefined, fetchFn)).skipped).toBe(true);
		expect(requested).toEqual(['/banks/current.json', '/banks/b.json', '/banks/current.json']);
	});

	it('names the URL and the fix when the bank is missing or malformed', async () => {
		const db = freshDb();
		await expect(loadBundledBank(db, '', () => T0, undefined, serve({}))).rejects.toThrow(
			new BankLoadError('/banks/current.json: HTTP 404')
		);
		const bad = serve({
			'/banks/current.json': { version: 'x', url: 'b.json' },
			'/banks/b.json': { version: 'x', exams: [], caseStudies: [], questions: [{ id: 'q' }] }
		});
		await expect(loadBundledBank(db, '', () => T0, undefined, bad)).rejects.toThrow(
			'/banks/b.json: questions[0] lacks id, hash or exams'
		);
		expect(await db.questions.count()).toBe(0);
	});
});
