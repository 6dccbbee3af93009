/**
 * zod schemas for everything an author writes: exam definitions (`exam.yaml`), question
 * frontmatter and case-study frontmatter. Output types are the engine's plain types.
 */
import { z } from 'zod';

const slug = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/, 'must be lowercase letters, digits and hyphens');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const httpUrl = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');
const percent = z.number().min(0).max(100);

export const TaskStatementSchema = z.strictObject({
	id: z.string().regex(/^\d+\.\d+$/, 'must look like "1.2"'),
	title: z.string().min(1)
});

export const ExamDomainSchema = z
	.strictObject({
		id: slug,
		number: z.number().int().positive(),
		title: z.string().min(1),
		weightMin: percent,
		weightMax: percent,
		tasks: z.array(TaskStatementSchema).min(1)
	})
	.refine((d) => d.weightMin <= d.weightMax, {
		message: 'weightMin is larger than weightMax',
		path: ['weightMax']
	});

export const ScoringSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('scaled'),
		min: z.number().int(),
		max: z.number().int(),
		passing: z.number().int(),
		scale: z.string().min(1)
	}),
	z.strictObject({ kind: z.literal('pass-fail'), note: z.string().min(1) })
]);

export const ExamDefinitionSchema = z.strictObject({
	id: slug,
	vendor: z.enum(['aws', 'microsoft', 'google']),
	code: z.string().min(1).nullable(),
	shortName: z.string().min(1),
	name: z.string().min(1),
	level: z.string().min(1),
	status: z.enum(['active', 'retired']),
	retiredOn: isoDate.nullable(),
	successor: slug.nullable(),
	durationMinutes: z.number().int().positive(),
	seatMinutes: z.number().int().positive().nullable(),
	questionCount: z.strictObject({
		mock: z.number().int().positive(),
		publishedMin: z.number().int().positive(),
		publishedMax: z.number().int().positive(),
		scored: z.number().int().nonnegative().nullable(),
		unscored: z.number().int().nonnegative().nullable(),
		note: z.string().nullable()
	}),
	scoring: ScoringSchema,
	questionTypes: z.array(z.enum(['single', 'multiple', 'ordering', 'matching', 'case-study'])),
	navigation: z.strictObject({
		freeNavigation: z.boolean(),
		caseStudySectionsLock: z.boolean()
	}),
	accommodationMinutes: z.number().int().positive().nullable(),
	weightsApproximate: z.boolean().default(false),
	guideVersion: z.string().min(1),
	domains: z.array(ExamDomainSchema).min(1),
	sources: z.array(httpUrl),
	notes: z.array(z.string())
});

export const ReferenceSchema = z.union([
	httpUrl,
	z.strictObject({ url: httpUrl, title: z.string().min(1).optional() })
]);

export const ExamMappingSchema = z.strictObject({
	exam: slug,
	domain: slug,
	task: z
		.union([z.string(), z.number()])
		.transform((t) => String(t))
		.pipe(z.string().regex(/^\d+\.\d+$/, 'must look like "1.2"'))
		.optional()
});

export const QuestionFrontmatterSchema = z.strictObject({
	id: slug.max(100),
	type: z.enum(['single', 'multiple', 'ordering', 'matching']),
	exams: z.array(ExamMappingSchema).min(1, 'map the question to at least one exam domain'),
	difficulty: z.number().int().min(1).max(3),
	tags: z.array(slug).default([]),
	caseStudy: slug.optional(),
	references: z.array(ReferenceSchema).default([]),
	fixedOptions: z.array(z.string().regex(/^[A-Za-z]$/, 'must be an option letter')).optional(),
	lastVerified: isoDate.optional(),
	reviewed: isoDate.optional(),
	reviewedBy: z.string().optional(),
	author: z.string().optional()
});

export const CaseStudyFrontmatterSchema = z.strictObject({
	id: slug.max(100),
	kind: z.literal('case-study'),
	title: z.string().min(1),
	exams: z.array(slug).min(1),
	references: z.array(ReferenceSchema).default([]),
	reviewed: isoDate.optional(),
	lastVerified: isoDate.optional()
});

export type ExamDefinitionInput = z.input<typeof ExamDefinitionSchema>;
export type QuestionFrontmatter = z.output<typeof QuestionFrontmatterSchema>;
export type CaseStudyFrontmatter = z.output<typeof CaseStudyFrontmatterSchema>;

/** Fix hints for the fields authors most often get wrong, keyed by the last path segment. */
export const FIELD_HINTS: Record<string, string> = {
	id: 'use a unique slug such as mla-feature-store-offline-1',
	type: 'use single, multiple, ordering or matching',
	difficulty: 'use 1 (recall), 2 (apply) or 3 (analyse)',
	exams: 'list entries like {exam: aws-mla-c01, domain: data-preparation-for-ml, task: "1.1"}',
	exam: 'use an exam id, the folder name under questions/ (e.g. aws-mla-c01)',
	domain: "use a domain id from the exam's exam.yaml",
	task: 'quote task ids: task: "1.1"',
	tags: 'use lowercase slugs such as feature-store',
	references: 'list official documentation URLs',
	lastVerified: 'write the date as YYYY-MM-DD',
	reviewed: 'write the date as YYYY-MM-DD',
	kind: 'case-study files need kind: case-study',
	weightMax: 'weightMin must not exceed weightMax',
	vendor: 'use aws, microsoft or google',
	status: 'use active or retired'
};
