/**
 * One exam's overview: its definition, the bank's coverage of each domain, and how many
 * questions a full mock needs there.
 */
import {
	db,
	domainCoverage,
	getQuestions,
	getSetting,
	loadAttemptContext,
	listSessions,
	questionPool,
	saveNewSession,
	type ExamRecord,
	type StoredSession
} from '$lib/db';
import { selectQuestions } from '$lib/engine/assemble';
import { domainQuotas } from '$lib/engine/blueprint';
import { buildPlan } from '$lib/engine/plan';
import { replay, startSession } from '$lib/engine/session';
import { EXTRA_MINUTES } from './settings.svelte';
import {
	domainMastery,
	weakestFirst,
	type DomainMastery,
	type Observation
} from '$lib/engine/mastery';
import { readiness, type Readiness } from '$lib/engine/readiness';
import { estimate, scoreSession } from '$lib/engine/score';
import { midpointWeight } from '$lib/engine/blueprint';

export interface StartChoice {
	/** Extra minutes (accommodation), 0 for none. */
	extraMinutes: number;
	custom: null | {
		domainIds: string[];
		length: number;
		/** null for untimed. */
		minutes: number | null;
		unseenOnly: boolean;
	};
}

export interface DomainRow {
	id: string;
	number: number;
	title: string;
	weightMin: number;
	weightMax: number;
	needed: number;
	available: number;
	tasks: { id: string; title: string }[];
}

export class ExamOverviewState {
	exam = $state<ExamRecord | null>(null);
	rows = $state<DomainRow[]>([]);
	loading = $state(true);
	error = $state<string | null>(null);
	readonly fullMockReady = $derived(
		this.rows.length > 0 && this.rows.every((r) => r.available >= r.needed)
	);
	readonly totalAvailable = $derived(this.rows.reduce((s, r) => s + r.available, 0));
	/** Attempts, newest first; `ended` is true once submitted or past the deadline. */
	history = $state<(StoredSession & { ended: boolean })[]>([]);
	/** Mastery per domain from finished attempts, weakest first (empty before any attempt). */
	mastery = $state<DomainMastery[]>([]);
	readiness = $state<Readiness | null>(null);
	/** Share correct that the pass mark corresponds to. */
	passShare = $state(0.7);
	/** The learner's saved extra time, the start panel's default. */
	defaultExtraMinutes = $state(0);
	starting = $state(false);
	#starting = false;
	startError = $state<string | null>(null);

	async load(id: string): Promise<void> {
		this.loading = true;
		this.error = null;
		try {
			const exam = (await db.exams.get(id)) ?? null;
			this.exam = exam;
			if (exam) {
				const coverage = await domainCoverage(db, exam);
				const quotas = domainQuotas(exam, exam.questionCount.mock);
				this.rows = exam.domains.map((d) => ({
					id: d.id,
					number: d.number,
					title: d.title,
					weightMin: d.weightMin,
					weightMax: d.weightMax,
					needed: quotas.find((q) => q.domainId === d.id)?.count ?? 0,
					available: coverage.find((c) => c.domainId === d.id)?.available ?? 0,
					tasks: d.tasks
				}));
				const now = Date.now();
				this.history = (await listSessions(db, exam.id)).map((h) => ({
					...h,
					ended: h.status === 'finished' || (h.deadlineAt !== null && h.deadlineAt <= now)
				}));
				await this.#loadMastery(exam, now);
				this.defaultExtraMinutes = await getSetting(db, EXTRA_MINUTES, 0);
			}
		} catch (e) {
			this.error = (e as Error).message;
		} finally {
			this.loading = false;
		}
	}

	/** Every graded answer of the finished attempts, as evidence per domain. */
	async #loadMastery(exam: ExamRecord, now: number): Promise<void> {
		const observations: Observation[] = [];
		for (const h of this.history.filter((x) => x.ended)) {
			const ctx = await loadAttemptContext(db, h.id);
			if (!ctx) continue;
			const view = replay(ctx.session, now);
			if (view.finishedAt === null) continue;
			const report = scoreSession(ctx.session, view, exam, ctx.questions);
			for (const s of ctx.session.plan.slots) {
				if (!ctx.questions.has(s.questionId)) continue;
				observations.push({
					domainId: s.domainId,
					correct: report.slots[s.index]!.correct,
					at: view.finishedAt
				});
			}
		}
		this.passShare = estimate(exam.scoring, 0).passShare;
		if (!observations.length) {
			this.mastery = [];
			this.readiness = null;
			return;
		}
		const mastery = domainMastery(
			observations,
			exam.domains.map((d) => d.id),
			{ now }
		);
		this.mastery = weakestFirst(mastery);
		this.readiness = readiness(
			mastery,
			exam.domains.map((d) => ({ domainId: d.id, weight: midpointWeight(d) })),
			{
				passShare: this.passShare,
				examLength: exam.questionCount.mock
			}
		);
	}

	/**
	 * Assembles and stores a new attempt, then returns its id. The seed and the start time are
	 * read here, in the state layer; the engine is handed both.
	 */
	async start(choice: StartChoice): Promise<string | null> {
		const exam = this.exam;
		if (!exam || this.#starting) return null;
		// A private guard first: updating the page now would render a frame inside the
		// assembly's critical path. The visible "starting" state follows once it is assembled.
		this.#starting = true;
		try {
			const seed = crypto.getRandomValues(new Uint32Array(1))[0]! | 0;
			// Timed by `npm run bench` (performance.measure 'examforge:assemble').
			const t0 = performance.now();
			const pool = await questionPool(db, exam);
			performance.mark('examforge:assemble:pool');
			const custom = choice.custom;
			const selection = selectQuestions(exam, pool, {
				seed,
				length: custom?.length ?? exam.questionCount.mock,
				domainIds: custom?.domainIds,
				unseenOnly: custom?.unseenOnly
			});
			performance.mark('examforge:assemble:selected');
			const questions = await getQuestions(db, selection.questionIds);
			performance.mark('examforge:assemble:fetched');
			const now = Date.now();
			const minutes = custom ? custom.minutes : exam.durationMinutes;
			const session = startSession({
				id: crypto.randomUUID(),
				examId: exam.id,
				kind: custom ? 'custom' : 'mock',
				seed,
				plan: buildPlan(exam, questions, seed),
				startedAt: now,
				durationMs: minutes === null ? null : minutes * 60_000,
				extraMs: minutes === null ? 0 : choice.extraMinutes * 60_000
			});
			performance.measure('examforge:assemble', { start: t0, end: performance.now() });
			this.starting = true;
			this.startError = null;
			const n = session.plan.slots.length;
			const label = custom
				? `Custom exam: ${n} questions${minutes === null ? ', untimed' : ''}`
				: `Full mock: ${n} questions`;
			await saveNewSession(db, session, label);
			return session.id;
		} catch (e) {
			this.startError = (e as Error).message;
			return null;
		} finally {
			this.#starting = false;
			this.starting = false;
		}
	}
}
