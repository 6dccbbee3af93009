/**
 * Synthetic compiled banks for the benchmark: N single-answer questions of about 2.4 KB each,
 * spread over the real exams' domains, in exactly the shape the build emits.
 */
import { withHash } from '../../src/lib/bank/compile';
import type { CompiledBank, ExamDefinition, Question } from '../../src/lib/engine/types';

const WORDS =
	'cluster latency replica encryption endpoint pipeline feature monitor storage gateway throughput region queue partition inference baseline policy workload schedule snapshot'.split(
		' '
	);

/** Deterministic pseudo-text of about `chars` characters (mulberry32, seeded). */
function text(seed: number, chars: number): string {
	let s = seed >>> 0;
	const next = () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const out: string[] = [];
	let len = 0;
	while (len < chars) {
		const w = WORDS[Math.floor(next() * WORDS.length)]!;
		out.push(w);
		len += w.length + 1;
	}
	return out.join(' ');
}

export function syntheticBank(n: number, exams: ExamDefinition[]): CompiledBank {
	const slots = exams.flatMap((e) =>
		e.domains.map((d) => ({ examId: e.id, domainId: d.id, taskId: d.tasks[0]?.id ?? null }))
	);
	const questions = Array.from({ length: n }, (_, i) => {
		const slot = slots[i % slots.length]!;
		const q: Question = {
			id: `synthetic-${i}`,
			type: 'single',
			exams: [slot],
			difficulty: ((i % 3) + 1) as 1 | 2 | 3,
			tags: ['storage', 'monitoring'],
			caseStudyId: null,
			stemHtml: `<p>${text(i * 7 + 1, 600)}</p>`,
			explanationHtml: `<p>${text(i * 7 + 2, 500)}</p>`,
			references: [{ url: 'https://docs.aws.amazon.com/', title: null }],
			lastVerified: null,
			reviewed: null,
			text: '',
			choose: 1,
			options: [0, 1, 2, 3].map((k) => ({
				id: 'abcd'[k]!,
				html: text(i * 7 + 3 + k, 70),
				correct: k === i % 4,
				rationaleHtml: `<p>${text(i * 11 + k, 160)}</p>`,
				fixed: false
			}))
		};
		return withHash(q);
	});
	return { version: `synthetic-${n}`, exams, caseStudies: [], questions };
}
