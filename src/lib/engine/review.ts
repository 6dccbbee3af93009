/**
 * Spaced review with FSRS (ts-fsrs). Every answered question gets a card; the rating comes from
 * correctness and the learner's confidence: wrong -> Again, a lucky guess -> Hard, unsure -> Good,
 * sure -> Easy. Times are passed in; the next review of each rating can be shown before rating.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';

export type Confidence = 'sure' | 'unsure' | 'guess';
export type ReviewCard = Card;

const scheduler = fsrs({ enable_fuzz: false });

export function ratingFor(correct: boolean, confidence: Confidence | null): Grade {
	if (!correct) return Rating.Again;
	if (confidence === 'guess') return Rating.Hard;
	if (confidence === 'sure') return Rating.Easy;
	return Rating.Good;
}

/** The card after answering at `now` (a new card when the question was never scheduled). */
export function scheduleAnswer(
	card: ReviewCard | null,
	correct: boolean,
	confidence: Confidence | null,
	now: number
): ReviewCard {
	const at = new Date(now);
	return scheduler.next(card ?? createEmptyCard(at), at, ratingFor(correct, confidence)).card;
}

/** When the question would next be due for each rating, before the learner rates. */
export function previewNext(
	card: ReviewCard | null,
	now: number
): Record<'again' | 'hard' | 'good' | 'easy', number> {
	const at = new Date(now);
	const preview = scheduler.repeat(card ?? createEmptyCard(at), at);
	return {
		again: preview[Rating.Again].card.due.getTime(),
		hard: preview[Rating.Hard].card.due.getTime(),
		good: preview[Rating.Good].card.due.getTime(),
		easy: preview[Rating.Easy].card.due.getTime()
	};
}

export function isDue(card: ReviewCard, now: number): boolean {
	return new Date(card.due).getTime() <= now;
}
