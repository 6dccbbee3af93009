/** The engine's one error class: a rule of the exam was broken by the caller's request. */
export type EngineErrorCode =
	'finished' | 'expired' | 'locked-section' | 'bad-slot' | 'bad-response' | 'empty-pool';

export class EngineError extends Error {
	constructor(
		readonly code: EngineErrorCode,
		message: string
	) {
		super(message);
		this.name = 'EngineError';
	}
}
