import type { PageLoad } from './$types';

// Exam ids from questions/ are prerendered (svelte.config.js); imported exams use the SPA fallback.
export const load: PageLoad = ({ params }) => ({ id: params.id });
