/** The app's database instance and repository functions. Pages reach it through src/lib/state. */
import { ExamDB } from './schema';

export * from './schema';
export * from './sync-bank';
export * from './bundled';
export * from './queries';
export * from './sessions';

/** The one database instance of the app. */
export const db = new ExamDB();
