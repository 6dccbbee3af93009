/** The app's database instance and repository functions. Pages reach it through src/lib/state. */
import { ExamDB } from './schema';

export * from './schema';
export * from './sync-bank';
export * from './bundled';
export * from './queries';
export * from './sessions';

/** The one database instance of the app. */
export const db = new ExamDB();

// Open the database as soon as the app's code runs, in parallel with the page booting:
// every page reads it, and opening costs tens of milliseconds. Errors surface on first use.
if (typeof indexedDB !== 'undefined') db.open().catch(() => {});
