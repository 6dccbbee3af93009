/**
 * The bank compiler: turns a set of files (exam definitions, questions, case studies) into a
 * CompiledBank plus every problem found, per file and across files. Runs at build time
 * (scripts/) and in the browser (bank import), on plain `{ path, text }` inputs.
 */
import { weightsCanSumTo100 } from '../engine/blueprint';
import type { CaseStudy, CompiledBank, ExamDefinition, Question } from '../engine/types';
import { parseYaml } from './frontmatter';
import { hashString } from './hash';
import { formatPath, parseBankFile, type ParsedCaseStudy, type ParsedQuestion } from './parse-file';
import { sortProblems, type Problem } from './problems';
import { ExamDefinitionSchema, FIELD_HINTS } from './schemas';
import { lintExams, type ExamLint } from './lint';

export interface BankFile {
	/** Path relative to the bank root, with forward slashes. */
	path: string;
	text: string;
}

export interface CompileOptions {
	/** Exams already known (e.g. stored), so imported questions can map to them. */
	knownExams?: ExamDefinition[];
	knownCaseStudies?: CaseStudy[];
}

export interface CompileResult {
	bank: CompiledBank;
	problems: Problem[];
	lint: Map<string, ExamLint>;
	/** Exam ids each file's content maps to (for per-exam problem counts). */
	fileExams: Map<string, string[]>;
}

/** Files the compiler reads; anything else (images, READMEs) is ignored. */
export function isBankFile(path: string): boolean {
	const name = path.split('/').pop() ?? '';
	if (name.startsWith('.') || name.startsWith('_') || path.includes('__MACOSX/')) return false;
	if (/^readme\.md$/i.test(name)) return false;
	return name === 'exam.yaml' || name.endsWith('.md') || path === TAGS_FILE;
}

/** The shared concept-tag vocabulary at the bank root. */
export const TAGS_FILE = 'tags.yaml';

function readTags(files: BankFile[], problems: Problem[]): Set<string> | null {
	const f = files.find((x) => x.path === TAGS_FILE);
	if (!f) return null;
	const y = parseYaml(f.text.replace(/\r\n?/g, '\n'));
	const tags = (y.data as { tags?: unknown } | null)?.tags;
	if (y.yamlErrors.length || !tags || typeof tags !== 'object' || Array.isArray(tags)) {
		problems.push(
			err(
				f.path,
				y.yamlErrors[0]?.line ?? 1,
				'tags',
				'the tag vocabulary is not a map of tag: description',
				'write tags:, then one "slug: description" line per tag',
				'tags-file'
			)
		);
		return null;
	}
	return new Set(Object.keys(tags));
}

export function compileBank(files: BankFile[], options: CompileOptions = {}): CompileResult {
	const problems: Problem[] = [];
	const exams = new Map<string, { exam: ExamDefinition; file: string }>();
	for (const e of options.knownExams ?? []) exams.set(e.id, { exam: e, file: '(stored)' });
	const fileExams = new Map<string, string[]>();

	for (const f of files.filter((f) => f.path.endsWith('exam.yaml'))) {
		const exam = parseExamFile(f, problems);
		if (!exam) continue;
		const prior = exams.get(exam.id);
		if (prior && prior.file !== '(stored)') {
			problems.push(dup(f.path, 1, 'id', `exam id ${exam.id} is also defined in ${prior.file}`));
			continue;
		}
		exams.set(exam.id, { exam, file: f.path });
		fileExams.set(f.path, [exam.id]);
	}
	for (const { exam, file } of exams.values()) {
		if (exam.successor && !exams.has(exam.successor) && file !== '(stored)') {
			problems.push(
				err(
					file,
					null,
					'successor',
					`unknown successor exam ${exam.successor}`,
					'use the id of an exam defined under questions/',
					'unknown-exam'
				)
			);
		}
	}

	const questions: ParsedQuestion[] = [];
	const ids = new Map<string, string>();
	/** Records an id; false (with a problem) when another file already uses it. */
	const claimId = (id: string, line: number, file: string): boolean => {
		const prior = ids.get(id);
		if (prior) {
			problems.push(dup(file, line, 'id', `question id ${id} is also used by ${prior}`));
			return false;
		}
		ids.set(id, file);
		return true;
	};
	const cases = new Map<string, ParsedCaseStudy | { caseStudy: CaseStudy; file: string }>();
	for (const c of options.knownCaseStudies ?? [])
		cases.set(c.id, { caseStudy: c, file: '(stored)' });
	for (const f of files.filter((f) => f.path.endsWith('.md') && isBankFile(f.path))) {
		const { parsed, problems: ps, meta } = parseBankFile(f.path, f.text);
		problems.push(...ps);
		const folderExam = f.path.split('/')[0] ?? '';
		if (!parsed) {
			if (meta) {
				fileExams.set(f.path, meta.examIds);
				claimId(meta.id, meta.idLine, f.path);
			} else if (exams.has(folderExam)) fileExams.set(f.path, [folderExam]);
			continue;
		}
		if (parsed.kind === 'case-study') {
			const prior = cases.get(parsed.caseStudy.id);
			if (prior && prior.file !== '(stored)') {
				problems.push(
					dup(
						f.path,
						parsed.lines.id,
						'id',
						`case study id ${parsed.caseStudy.id} is also used by ${prior.file}`
					)
				);
				continue;
			}
			cases.set(parsed.caseStudy.id, parsed);
			fileExams.set(f.path, parsed.caseStudy.exams);
			parsed.caseStudy.exams.forEach((id, i) => {
				if (!exams.has(id))
					problems.push(
						unknownExam(f.path, parsed.lines.exams[i] ?? null, `exams[${i}]`, id, exams)
					);
			});
		} else {
			questions.push(parsed);
			fileExams.set(f.path, [...new Set(parsed.question.exams.map((m) => m.examId))]);
		}
	}

	const vocabulary = readTags(files, problems);
	const valid: ParsedQuestion[] = [];
	for (const pq of questions) {
		const before = problems.length;
		claimId(pq.question.id, pq.lines.id, pq.file);
		checkMappings(pq, exams, problems);
		checkNaming(pq, vocabulary, problems);
		const cs = pq.question.caseStudyId;
		if (cs) {
			const c = cases.get(cs);
			if (!c) {
				problems.push(
					err(
						pq.file,
						pq.lines.caseStudy,
						'caseStudy',
						`no case study with id ${cs}`,
						'add a case-study file with that id (kind: case-study) or fix the id',
						'missing-case-study'
					)
				);
			} else {
				for (const m of pq.question.exams) {
					if (!c.caseStudy.exams.includes(m.examId)) {
						problems.push({
							severity: 'warning',
							file: pq.file,
							line: pq.lines.caseStudy,
							path: 'caseStudy',
							message: `case study ${cs} does not list exam ${m.examId}`,
							hint: `add ${m.examId} to the case study's exams`,
							code: 'case-study-exam'
						});
					}
				}
			}
		}
		if (!problems.slice(before).some((p) => p.severity === 'error')) valid.push(pq);
	}

	const lint = lintExams(
		valid,
		[...exams.values()].map((e) => e.exam),
		(id) => exams.get(id)?.file ?? `${id}/exam.yaml`
	);
	for (const l of lint.values()) problems.push(...l.problems);

	const examList = [...exams.values()].filter((e) => e.file !== '(stored)').map((e) => e.exam);
	const caseList = [...cases.values()].filter((c) => c.file !== '(stored)').map((c) => c.caseStudy);
	const qs = valid.map((pq) => withHash(pq.question));
	const version = hashString(JSON.stringify([examList, caseList, qs.map((q) => q.hash)]));
	return {
		bank: { version, exams: examList, caseStudies: caseList, questions: qs },
		problems: sortProblems(problems),
		lint,
		fileExams
	};
}

export function withHash(q: Question): Question & { hash: string } {
	return { ...q, hash: hashString(JSON.stringify(q)) };
}

function parseExamFile(f: BankFile, problems: Problem[]): ExamDefinition | null {
	const y = parseYaml(f.text.replace(/\r\n?/g, '\n'), 1);
	for (const e of y.yamlErrors) {
		problems.push(
			err(f.path, e.line, '', `invalid YAML: ${e.message}`, 'check indentation and quoting', 'yaml')
		);
	}
	if (y.yamlErrors.length) return null;
	const result = ExamDefinitionSchema.safeParse(y.data ?? {});
	if (!result.success) {
		for (const issue of result.error.issues) {
			const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
			const last = [...path].reverse().find((k) => typeof k === 'string');
			problems.push(
				err(
					f.path,
					y.lineOf(path),
					formatPath(path),
					issue.message,
					(last && FIELD_HINTS[last]) ?? null,
					'schema'
				)
			);
		}
		return null;
	}
	const exam = result.data as ExamDefinition;
	const folder = f.path.split('/').slice(-2, -1)[0];
	if (folder && folder !== exam.id && f.path.includes('/')) {
		problems.push({
			severity: 'warning',
			file: f.path,
			line: y.lineOf(['id']),
			path: 'id',
			message: `exam id ${exam.id} differs from its folder ${folder}`,
			hint: 'name the folder after the exam id',
			code: 'folder-name'
		});
	}
	if (!weightsCanSumTo100(exam)) {
		const lo = exam.domains.reduce((s, d) => s + d.weightMin, 0);
		const hi = exam.domains.reduce((s, d) => s + d.weightMax, 0);
		problems.push(
			err(
				f.path,
				y.lineOf(['domains']),
				'domains',
				`domain weights add up to ${lo === hi ? lo : `${lo}-${hi}`}%, not 100%`,
				'fix weightMin/weightMax so the ranges can add up to 100',
				'weights'
			)
		);
	}
	const domainIds = new Set<string>();
	const taskIds = new Set<string>();
	exam.domains.forEach((d, i) => {
		if (domainIds.has(d.id))
			problems.push(
				dup(
					f.path,
					y.lineOf(['domains', i, 'id']),
					`domains[${i}].id`,
					`domain id ${d.id} appears twice`
				)
			);
		domainIds.add(d.id);
		d.tasks.forEach((t, j) => {
			if (taskIds.has(t.id))
				problems.push(
					dup(
						f.path,
						y.lineOf(['domains', i, 'tasks', j, 'id']),
						`domains[${i}].tasks[${j}].id`,
						`task id ${t.id} appears twice`
					)
				);
			taskIds.add(t.id);
		});
	});
	if (exam.status === 'retired' && !exam.retiredOn) {
		problems.push(
			err(
				f.path,
				y.lineOf(['retiredOn']),
				'retiredOn',
				'a retired exam needs its retirement date',
				'write retiredOn: YYYY-MM-DD',
				'retired-date'
			)
		);
	}
	// Semantic errors above fail the build but keep the exam known, so questions that map to it
	// are not also reported as "unknown exam".
	return exam;
}

function checkMappings(
	pq: ParsedQuestion,
	exams: Map<string, { exam: ExamDefinition }>,
	problems: Problem[]
): void {
	const seen = new Set<string>();
	pq.question.exams.forEach((m, i) => {
		const lines = pq.lines.exams[i];
		if (seen.has(m.examId)) {
			problems.push(
				err(
					pq.file,
					lines?.exam ?? null,
					`exams[${i}].exam`,
					`exam ${m.examId} is mapped twice`,
					'map a question to one domain per exam',
					'duplicate-mapping'
				)
			);
			return;
		}
		seen.add(m.examId);
		const entry = exams.get(m.examId);
		if (!entry) {
			problems.push(unknownExam(pq.file, lines?.exam ?? null, `exams[${i}].exam`, m.examId, exams));
			return;
		}
		const domain = entry.exam.domains.find((d) => d.id === m.domainId);
		if (!domain) {
			problems.push(
				err(
					pq.file,
					lines?.domain ?? null,
					`exams[${i}].domain`,
					`exam ${m.examId} has no domain ${m.domainId}`,
					`use one of: ${entry.exam.domains.map((d) => d.id).join(', ')}`,
					'unknown-domain'
				)
			);
			return;
		}
		if (entry.exam.questionTypes.length && !entry.exam.questionTypes.includes(pq.question.type)) {
			problems.push(
				err(
					pq.file,
					lines?.exam ?? null,
					`exams[${i}].exam`,
					`exam ${m.examId} has no ${pq.question.type} questions (its types: ${entry.exam.questionTypes.join(', ')})`,
					'map the question only to exams that use its type',
					'type-not-in-exam'
				)
			);
		}
		if (m.taskId && !domain.tasks.some((t) => t.id === m.taskId)) {
			problems.push(
				err(
					pq.file,
					lines?.task ?? null,
					`exams[${i}].task`,
					`domain ${m.domainId} of ${m.examId} has no task ${m.taskId}`,
					`use one of: ${domain.tasks.map((t) => t.id).join(', ')}`,
					'unknown-task'
				)
			);
		}
	});
}

function checkNaming(
	pq: ParsedQuestion,
	vocabulary: Set<string> | null,
	problems: Problem[]
): void {
	const name = pq.file.split('/').pop()!.replace(/\.md$/, '');
	if (name !== pq.question.id) {
		problems.push({
			severity: 'warning',
			file: pq.file,
			line: pq.lines.id,
			path: 'id',
			message: `the id ${pq.question.id} differs from the file name ${name}.md`,
			hint: 'name the file after the id so reviewers can find it',
			code: 'file-name'
		});
	}
	if (!pq.question.reviewed) {
		problems.push({
			severity: 'warning',
			file: pq.file,
			line: pq.lines.id,
			path: 'reviewed',
			message: 'the question has not been independently reviewed',
			hint: 'a second person re-derives the key from the stem and the references, then records reviewed: YYYY-MM-DD',
			code: 'unreviewed'
		});
	}
	if (!vocabulary) return;
	const unknown = pq.question.tags.filter((t) => !vocabulary.has(t));
	if (unknown.length) {
		problems.push({
			severity: 'warning',
			file: pq.file,
			line: pq.lines.id,
			path: 'tags',
			message: `tag(s) not in the shared vocabulary: ${unknown.join(', ')}`,
			hint: `use a tag from ${TAGS_FILE} or add it there`,
			code: 'unknown-tag'
		});
	}
}

function err(
	file: string,
	line: number | null,
	path: string,
	message: string,
	hint: string | null,
	code: string
): Problem {
	return { severity: 'error', file, line, path, message, hint, code };
}

function dup(file: string, line: number | null, path: string, message: string): Problem {
	return err(
		file,
		line,
		path,
		message,
		'ids must be unique across the bank; progress is keyed by them',
		'duplicate-id'
	);
}

function unknownExam(
	file: string,
	line: number | null,
	path: string,
	id: string,
	exams: Map<string, unknown>
): Problem {
	const known = [...exams.keys()].sort();
	return err(
		file,
		line,
		path,
		`unknown exam ${id}`,
		known.length
			? `use one of: ${known.join(', ')}`
			: 'define the exam in questions/<exam-id>/exam.yaml',
		'unknown-exam'
	);
}
