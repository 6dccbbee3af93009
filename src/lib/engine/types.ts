/**
 * Core domain types shared by every layer. The engine owns them; the bank compiler produces
 * them, the store persists them, the pages display them. Plain data only: no classes, no Dates
 * (instants are epoch milliseconds, durations are milliseconds or minutes as named).
 */

export type Vendor = 'aws' | 'microsoft' | 'google';
export type ExamStatus = 'active' | 'retired';
export type QuestionType = 'single' | 'multiple' | 'ordering' | 'matching';
export type Difficulty = 1 | 2 | 3;

export interface TaskStatement {
	/** "1.1", stable within its exam. */
	id: string;
	title: string;
}

export interface ExamDomain {
	id: string;
	/** 1-based position in the official guide. */
	number: number;
	title: string;
	/** Percent of the exam; a published range stays a range (min < max). */
	weightMin: number;
	weightMax: number;
	tasks: TaskStatement[];
}

export type ScoringRule =
	| {
			kind: 'scaled';
			min: number;
			max: number;
			passing: number;
			/** Published wording of the scale, e.g. "100-1000 scaled, compensatory". */
			scale: string;
	  }
	| { kind: 'pass-fail'; note: string };

export interface NavigationRules {
	/** Candidates may move back and forth between questions and use a review screen. */
	freeNavigation: boolean;
	/** Case-study sections lock once left (Microsoft). */
	caseStudySectionsLock: boolean;
}

export interface QuestionCount {
	/** Length of a full mock exam. */
	mock: number;
	publishedMin: number;
	publishedMax: number;
	scored: number | null;
	unscored: number | null;
	note: string | null;
}

export interface ExamDefinition {
	id: string;
	vendor: Vendor;
	code: string | null;
	name: string;
	shortName: string;
	level: string;
	status: ExamStatus;
	retiredOn: string | null;
	successor: string | null;
	durationMinutes: number;
	seatMinutes: number | null;
	questionCount: QuestionCount;
	scoring: ScoringRule;
	questionTypes: string[];
	navigation: NavigationRules;
	accommodationMinutes: number | null;
	/** Published weights are approximate ("~", Google): their sum may miss 100 by a little. */
	weightsApproximate: boolean;
	domains: ExamDomain[];
	guideVersion: string;
	sources: string[];
	notes: string[];
}

/** Where a question counts in one exam's blueprint. */
export interface ExamMapping {
	examId: string;
	domainId: string;
	taskId: string | null;
}

export interface Reference {
	url: string;
	title: string | null;
}

interface QuestionBase {
	id: string;
	type: QuestionType;
	exams: ExamMapping[];
	difficulty: Difficulty;
	tags: string[];
	caseStudyId: string | null;
	stemHtml: string;
	explanationHtml: string;
	references: Reference[];
	lastVerified: string | null;
	reviewed: string | null;
	/** Plain text of stem, options and explanation, for search. */
	text: string;
}

export interface ChoiceOption {
	/** "a", "b", ... by position in the source file; stable while the file keeps its order. */
	id: string;
	html: string;
	correct: boolean;
	rationaleHtml: string;
	/** Not shuffled (e.g. an option that refers to the others). */
	fixed: boolean;
}

export interface ChoiceQuestion extends QuestionBase {
	type: 'single' | 'multiple';
	options: ChoiceOption[];
	/** How many options the candidate must pick. */
	choose: number;
}

export interface OrderingItem {
	id: string;
	html: string;
	rationaleHtml: string;
}

export interface OrderingQuestion extends QuestionBase {
	type: 'ordering';
	/** In the correct order. */
	items: OrderingItem[];
}

export interface MatchingQuestion extends QuestionBase {
	type: 'matching';
	prompts: { id: string; html: string; rationaleHtml: string }[];
	answers: { id: string; html: string }[];
	/** promptId -> answerId */
	key: Record<string, string>;
}

export type Question = ChoiceQuestion | OrderingQuestion | MatchingQuestion;

export interface CaseStudy {
	id: string;
	title: string;
	exams: string[];
	html: string;
	references: Reference[];
}

/** A compiled bank, as the build emits it and the store loads it. */
export interface CompiledBank {
	/** Content hash of the whole bank. */
	version: string;
	exams: ExamDefinition[];
	caseStudies: CaseStudy[];
	questions: (Question & { hash: string })[];
}
