import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { readBankDir } from '../../../scripts/bank-files';
import { compileBank } from '../bank/compile';
import { ExamDB, SCHEMA_V1 } from './schema';
import { questionPool } from './sessions';
import { syncBank, toRecord } from './sync-bank';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const bank = compileBank(readBankDir('tests/fixtures/bank-good')).bank;
const names: string[] = [];
afterEach(async () => {
	for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('schema upgrades keep every older version’s data', () => {
	it('v1 -> current: sessions, answers and questions survive; pools and last-seen are built from them', async () => {
		const name = `upgrade-${T0}`;
		names.push(name);
		const v1 = new Dexie(name);
		v1.version(1).stores(SCHEMA_V1);
		await v1.table('exams').bulkPut(bank.exams.map((e) => ({ ...e, source: 'bundled' })));
		await v1.table('questions').bulkPut(bank.questions.map((q) => toRecord(q, 'bundled')));
		await v1
			.table('questions')
			.update('demo-ordering', { retiredAt: T0, examIds: [], domainKeys: [] });
		await v1.table('sessions').put({
			id: 's1',
			examId: 'demo-exam',
			startedAt: T0,
			status: 'finished',
			plan: {
				slots: [
					{
						index: 0,
						questionId: 'demo-single',
						domainId: 'storage',
						caseStudyId: null,
						section: 0,
						order: [],
						answerOrder: []
					}
				],
				sections: []
			}
		});
		await v1.table('responses').add({
			sessionId: 's1',
			slot: 0,
			questionId: 'demo-single',
			at: T0,
			event: { type: 'visit', slot: 0, at: T0 }
		});
		v1.close();

		const db = new ExamDB(name);
		await db.open();
		expect(db.verno).toBe(3);
		expect(await db.sessions.count()).toBe(1);
		expect(await db.responses.count()).toBe(1);
		expect(await db.questions.count()).toBe(4);
		const pools = await db.pools.toArray();
		expect(pools).toEqual([
			{
				examId: 'demo-exam',
				source: 'bundled',
				domains: { storage: ['demo-matching', 'demo-single'], compute: ['demo-multiple'] }
			}
		]);
		expect(await db.seen.get('demo-exam')).toEqual({
			examId: 'demo-exam',
			at: { 'demo-single': T0 }
		});
		const pool = await questionPool(db, (await db.exams.get('demo-exam'))!);
		expect(pool.find((p) => p.id === 'demo-single')!.lastSeenAt).toBe(T0);
		db.close();
	});

	it('bank syncs keep pools per source: a later build replaces its own, imports keep theirs', async () => {
		const name = `pools-${T0}`;
		names.push(name);
		const db = new ExamDB(name);
		await syncBank(db, bank, 'bundled', { now: T0 });
		const exam = (await db.exams.get('demo-exam'))!;
		expect((await questionPool(db, exam)).map((p) => p.id).sort()).toEqual([
			'demo-matching',
			'demo-multiple',
			'demo-ordering',
			'demo-single'
		]);
		const smaller = {
			...bank,
			version: 'v2',
			questions: bank.questions.filter((q) => q.id !== 'demo-ordering')
		};
		await syncBank(db, smaller, 'bundled', { now: T0 + 1 });
		expect((await questionPool(db, exam)).map((p) => p.id).sort()).toEqual([
			'demo-matching',
			'demo-multiple',
			'demo-single'
		]);
		const mine = {
			...bank,
			version: 'mine',
			exams: [],
			caseStudies: [],
			questions: bank.questions.slice(0, 1).map((q) => ({ ...q, id: 'my-own' }))
		};
		await syncBank(db, mine, 'import:mine', { now: T0 + 2 });
		expect((await questionPool(db, exam)).map((p) => p.id).sort()).toEqual([
			'demo-matching',
			'demo-multiple',
			'demo-single',
			'my-own'
		]);
		db.close();
	});
});
