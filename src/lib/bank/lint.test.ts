import { describe, expect, it } from 'vitest';
import { compileBank, type BankFile } from './compile';
import { statedChoose } from './parse-file';

const exam: BankFile = {
	path: 'demo/exam.yaml',
	text: `id: demo
vendor: aws
code: D-01
shortName: D-01
name: Demo
level: associate
status: active
retiredOn: null
successor: null
durationMinutes: 10
seatMinutes: null
questionCount: { mock: 4, publishedMin: 4, publishedMax: 4, scored: null, unscored: null, note: null }
scoring: { kind: pass-fail, note: no score }
questionTypes: [single]
navigation: { freeNavigation: true, caseStudySectionsLock: false }
accommodationMinutes: null
guideVersion: x
domains:
  - { id: only, number: 1, title: Only, weightMin: 100, weightMax: 100, tasks: [{ id: "1.1", title: T }] }
sources: []
notes: []
`
};

/** A four-option single-answer question whose key is at `key` (0-3) and `keyLen` characters long. */
function question(i: number, key: number, keyLen = 10): BankFile {
	const options = [0, 1, 2, 3]
		.map(
			(k) =>
				`- [${k === key ? 'x' : ' '}] ${k === key ? 'k'.repeat(keyLen) : `option ${k} of ${i}`}\n\n  Why.\n`
		)
		.join('\n');
	return {
		path: `demo/q${i}.md`,
		text: `---\nid: q${i}\ntype: single\nexams: [{ exam: demo, domain: only, task: "1.1" }]\ndifficulty: 1\nreferences: [https://example.com]\nreviewed: 2026-11-23\n---\n\nStem ${i}?\n\n## Options\n\n${options}\n## Explanation\n\nBecause.\n`
	};
}

const codes = (files: BankFile[]) => compileBank([exam, ...files]).problems.map((p) => p.code);

describe('quality lint across an exam', () => {
	it('is quiet for a balanced bank whose keys are not the longest option', () => {
		const files = Array.from({ length: 16 }, (_, i) => question(i, i % 4, 3));
		expect(codes(files)).toEqual([]);
	});

	it('warns when the key is the longest option in more than 40% of questions', () => {
		const files = Array.from({ length: 10 }, (_, i) => question(i, i % 4, i < 5 ? 40 : 3));
		const lint = compileBank([exam, ...files]).problems.filter((p) => p.code === 'key-longest');
		expect(lint.map((p) => p.message)).toEqual([
			'the key is the longest option in 5 of 10 choice questions (50%, limit 40%)'
		]);
		const ok = Array.from({ length: 10 }, (_, i) => question(i, i % 4, i < 4 ? 40 : 3));
		expect(codes(ok)).not.toContain('key-longest');
	});

	it('warns when key positions are unbalanced, naming the crowded position', () => {
		const files = Array.from({ length: 12 }, (_, i) => question(i, i < 8 ? 0 : i % 4, 3));
		const p = compileBank([exam, ...files]).problems.find((x) => x.code === 'key-balance')!;
		expect(p.message).toBe(
			'key positions are unbalanced across 12 four-option questions: A 9, B 1, C 1, D 1'
		);
		expect(p.hint).toContain('away from A');
	});
});

describe('statedChoose', () => {
	it.each([
		['<p>Which two steps? (Choose two.)</p>', 2],
		['<p>Pick the right ones. (Choose 3.)</p>', 3],
		['<p>CHOOSE THREE</p>', 3],
		['<p>Which service should they choose?</p>', null],
		['<p>No instruction.</p>', null]
	])('%s -> %s', (stem, n) => {
		expect(statedChoose(stem)).toBe(n);
	});
});

describe('question types follow the exam', () => {
	it('refuses a question mapped to an exam that has no questions of its type', () => {
		const ordering: BankFile = {
			path: 'demo/steps.md',
			text: `---\nid: steps\ntype: ordering\nexams: [{ exam: demo, domain: only, task: "1.1" }]\ndifficulty: 1\nreferences: [https://example.com]\nreviewed: 2026-11-23\n---\n\nOrder them.\n\n## Order\n\n1. One\n\n   First.\n2. Two\n\n   Second.\n3. Three\n\n   Third.\n\n## Explanation\n\nBecause.\n`
		};
		const p = compileBank([exam, ordering]).problems.find((x) => x.code === 'type-not-in-exam')!;
		expect(p.message).toBe('exam demo has no ordering questions (its types: single)');
		expect(p.severity).toBe('error');
	});
});
