import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { existsSync, readdirSync } from 'node:fs';

/** Every exam folder gets a prerendered page; exams a learner imports use the SPA fallback. */
const examIds = existsSync('questions')
	? readdirSync('questions', { withFileTypes: true })
			.filter((d) => d.isDirectory() && existsSync(`questions/${d.name}/exam.yaml`))
			.map((d) => d.name)
	: [];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Fully static: every page is prerendered; unknown URLs fall back to the SPA shell.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		prerender: { entries: ['*', ...examIds.map((id) => `/exam/${id}`)] },
		serviceWorker: { register: true }
	}
};

export default config;
