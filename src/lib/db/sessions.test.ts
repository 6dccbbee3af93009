import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readBankDir } from '../../../scripts/bank-files';
import { compileBank } from '../bank/compile';
import { buildPlan } from '../engine/plan';
import { appendEvent, replay, startSession, type SessionEvent } from '../engine/session';
import { ExamDB } from './schema';
import {
	appendSessionEvent,
	listSessions,
	loadSession,
	questionPool,
	saveNewSession
} from './sessions';
import { syncBank } from './sync-bank';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const bank = compileBank(readBankDir('tests/fixtures/bank-good')).bank;
const open: ExamDB[] = [];
let n = 0;
afterEach(async () => {
	for (const db of open.splice(0)) await db.delete();
});
async function seeded(): Promise<ExamDB> {
	const db = new ExamDB(`sessions-${++n}`);
	open.push(db);
	await syncBank(db, bank, 'bundled', { now: T0 });
	return db;
}

describe('attempts in IndexedDB', () => {
	it('restores exactly what was written, event by event, across a reload', async () => {
		const db = await seeded();
		const exam = (await db.exams.get('demo-exam'))!;
		const plan = buildPlan(exam, bank.questions, 9);
		let s = startSession({
			id: 'a1',
			examId: exam.id,
			seed: 9,
			plan,
			startedAt: T0,
			durationMs: 30 * 60_000
		});
		await saveNewSession(db, s, 'Full mock');
		const events: SessionEvent[] = [
			{ type: 'answer', slot: 0, response: { kind: 'choice', optionIds: ['b'] }, at: T0 + 1000 },
			{ type: 'flag', slot: 0, flagged: true, at: T0 + 2000 },
			{ type: 'visit', slot: 2, at: T0 + 3000 }
		];
		for (const e of events) {
			await appendSessionEvent(db, s, e);
			s = appendEvent(s, e);
		}
		const loaded = (await loadSession(db, 'a1'))!;
		expect(loaded.session).toEqual(s);
		expect(replay(loaded.session, T0 + 4000)).toEqual(replay(s, T0 + 4000));
		await appendSessionEvent(db, s, { type: 'finish', reason: 'submitted', at: T0 + 5000 });
		expect(
			(await listSessions(db, 'demo-exam')).map((r) => [r.id, r.status, r.finishedAt])
		).toEqual([['a1', 'finished', T0 + 5000]]);
	});

	it('builds the pool from index keys, with when each question was last met', async () => {
		const db = await seeded();
		const exam = (await db.exams.get('demo-exam'))!;
		const before = await questionPool(db, exam);
		expect(before.map((p) => [p.id, p.domainId, p.lastSeenAt]).sort()).toEqual([
			['demo-matching', 'storage', null],
			['demo-multiple', 'compute', null],
			['demo-ordering', 'compute', null],
			['demo-single', 'storage', null]
		]);
		const plan = buildPlan(
			exam,
			bank.questions.filter((q) => q.id === 'demo-single'),
			1
		);
		await saveNewSession(
			db,
			startSession({ id: 'a2', examId: exam.id, seed: 1, plan, startedAt: T0, durationMs: null }),
			'Custom'
		);
		const after = await questionPool(db, exam);
		expect(after.find((p) => p.id === 'demo-single')!.lastSeenAt).toBe(T0);
		expect(after.find((p) => p.id === 'demo-ordering')!.lastSeenAt).toBeNull();
	});
});
