import { describe, expect, it } from 'vitest';
import { readBankDir } from '../../../scripts/bank-files';
import { compileBank } from './compile';
import { formatProblem } from './problems';
import { examStats } from './stats';

const good = () => compileBank(readBankDir('tests/fixtures/bank-good'));
const broken = () => compileBank(readBankDir('tests/fixtures/bank-broken'));

describe('compileBank on a valid bank', () => {
	it('compiles every question type with no problems', () => {
		const r = good();
		expect(r.problems.map(formatProblem)).toEqual([]);
		expect(r.bank.questions.map((q) => `${q.id}:${q.type}`).sort()).toEqual([
			'demo-matching:matching',
			'demo-multiple:multiple',
			'demo-ordering:ordering',
			'demo-single:single'
		]);
		expect(r.bank.caseStudies.map((c) => c.id)).toEqual(['demo-case']);
	});

	it('renders Markdown and keeps option keys, rationales and choose N', () => {
		const q = good().bank.questions.find((x) => x.id === 'demo-single')!;
		expect(q.type).toBe('single');
		if (q.type !== 'single') return;
		expect(q.stemHtml).toBe('<p>Which storage holds <strong>objects</strong>?</p>');
		expect(q.options.map((o) => [o.id, o.html, o.correct, o.rationaleHtml])).toEqual([
			['a', 'Block storage', false, '<p>Blocks, not objects.</p>'],
			['b', 'Object storage', true, '<p>Right.</p>'],
			['c', 'File storage', false, '<p>Files, not objects.</p>']
		]);
		expect(q.choose).toBe(1);
		const m = good().bank.questions.find((x) => x.id === 'demo-multiple')!;
		expect(m.type === 'multiple' && m.choose).toBe(2);
	});

	it('parses ordering steps in order and matching pairs with a distractor', () => {
		const qs = good().bank.questions;
		const o = qs.find((x) => x.id === 'demo-ordering')!;
		expect(o.type === 'ordering' && o.items.map((i) => i.html)).toEqual([
			'Build',
			'Test',
			'Deploy'
		]);
		const m = qs.find((x) => x.id === 'demo-matching')!;
		if (m.type !== 'matching') throw new Error('expected matching');
		expect(m.prompts.map((p) => p.html)).toEqual(['Images for a website', 'A database disk']);
		expect(m.answers.map((a) => a.html)).toEqual(['Object storage', 'Block storage', 'Tape']);
		expect(m.key).toEqual({ p1: 'm1', p2: 'm2' });
	});

	it('gives the same version and hashes for the same input, and a new one after an edit', () => {
		const a = good();
		const b = good();
		expect(a.bank.version).toBe(b.bank.version);
		const files = readBankDir('tests/fixtures/bank-good').map((f) =>
			f.path.endsWith('demo-single.md') ? { ...f, text: f.text.replace('Right.', 'Correct.') } : f
		);
		const c = compileBank(files);
		expect(c.bank.version).not.toBe(a.bank.version);
		const hash = (r: typeof a, id: string) => r.bank.questions.find((q) => q.id === id)!.hash;
		expect(hash(c, 'demo-single')).not.toBe(hash(a, 'demo-single'));
		expect(hash(c, 'demo-ordering')).toBe(hash(a, 'demo-ordering'));
	});

	it('reports coverage in the documented bank:stats shape', () => {
		const r = good();
		const s = examStats(r.bank.exams[0]!, r.bank, r);
		expect(s).toMatchObject({
			id: 'demo-exam',
			mockLength: 4,
			questions: 4,
			fullMockWithoutRepeats: true,
			domains: [
				{ id: 'storage', available: 2, neededForMock: 2, tasks: [{ id: '1.1', questions: 2 }] },
				{ id: 'compute', available: 2, neededForMock: 2, tasks: [{ id: '2.1', questions: 2 }] }
			],
			lint: { errors: 0, warnings: 0 }
		});
	});
});

describe('compileBank on a broken bank', () => {
	it('reports every problem at once with file, line, field and fix', () => {
		const lines = broken().problems.map((p) => `${p.severity} ${formatProblem(p)}`);
		expect(lines).toMatchInlineSnapshot(`
			[
			  "error demo-exam/bad-yaml.md:2 frontmatter: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (check indentation and quote values that contain a colon)",
			  "warning demo-exam/dup-a.md ## Explanation: the question has no explanation (add an ## Explanation section that teaches the concept)",
			  "error demo-exam/dup-a.md:2 id: question id same-id is also used by demo-exam/dup-b.md (ids must be unique across the bank; progress is keyed by them)",
			  "warning demo-exam/dup-a.md:2 references: no references (cite at least one official documentation URL that supports the key)",
			  "warning demo-exam/dup-a.md:2 id: the id same-id differs from the file name dup-a.md (name the file after the id so reviewers can find it)",
			  "warning demo-exam/dup-a.md:2 reviewed: the question has not been independently reviewed (a second person re-derives the key from the stem and the references, then records reviewed: YYYY-MM-DD)",
			  "error demo-exam/dup-a.md:4 exams[0].exam: unknown exam nope-exam (use one of: demo-exam)",
			  "error demo-exam/dup-a.md:6 caseStudy: no case study with id missing-case (add a case-study file with that id (kind: case-study) or fix the id)",
			  "warning demo-exam/dup-a.md:17 options[1]: "None of the above" is an all/none-of-the-above option (write a concrete option; such options break when options are shuffled)",
			  "warning demo-exam/dup-b.md ## Explanation: the question has no explanation (add an ## Explanation section that teaches the concept)",
			  "warning demo-exam/dup-b.md:2 references: no references (cite at least one official documentation URL that supports the key)",
			  "error demo-exam/dup-b.md:12 order: an ordering question needs 3 or more steps, found 2 (AWS ordering items have 3 to 5 steps)",
			  "warning demo-exam/dup-b.md:12 order[0]: the step has no rationale (add an indented paragraph that says why the step comes here)",
			  "warning demo-exam/dup-b.md:13 order[1]: the step has no rationale (add an indented paragraph that says why the step comes here)",
			  "error demo-exam/dup-b.md:15 ## Rationale: unknown section (use ## Options, ## Order, ## Pairs or ## Explanation; use ### for headings inside the stem)",
			  "error demo-exam/exam.yaml:19 domains: domain weights add up to 110%, not 100% (fix weightMin/weightMax so the ranges can add up to 100)",
			  "error demo-exam/no-frontmatter.md:1 frontmatter: the file has no YAML frontmatter (start the file with a --- line, the fields, and a closing --- line)",
			  "warning demo-exam/two-keys.md ## Explanation: the question has no explanation (add an ## Explanation section that teaches the concept)",
			  "error demo-exam/two-keys.md:7 difficulty: Too big: expected number to be <=3 (use 1 (recall), 2 (apply) or 3 (analyse))",
			  "error demo-exam/two-keys.md:14 options: a single-answer question needs exactly one [x] option, found 2 (use type: multiple for several correct options)",
			  "warning demo-exam/two-keys.md:14 options[0]: the option has no rationale (add an indented paragraph under the option that says why it is right or wrong)",
			  "warning demo-exam/two-keys.md:15 options[1]: the option has no rationale (add an indented paragraph under the option that says why it is right or wrong)",
			  "error demo-exam/two-keys.md:16 options[2]: the option repeats options[0] (make every option distinct)",
			  "warning demo-exam/two-keys.md:16 options[2]: the option has no rationale (add an indented paragraph under the option that says why it is right or wrong)",
			]
		`);
	});
});
