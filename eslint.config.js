import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/**
 * Layer boundaries (see ../shared/ARCHITECTURE.md): the engine imports nobody; only src/lib/db
 * imports Dexie; marked stays in src/lib/bank; pages and components never reach storage or the
 * Markdown parser directly.
 */
const noFramework = [
	{ name: 'dexie', message: 'Only src/lib/db may import Dexie.' },
	{ name: 'marked', message: 'Only src/lib/bank may import marked.' },
	{ name: 'svelte', message: 'The engine is framework-free.' }
];
const restrict = (paths, patterns = []) => ['error', { paths, patterns }];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'static/',
			'test-results/',
			'playwright-report/',
			'bench-results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// State classes hold collections as immutable snapshots in $state.raw, replaced wholesale
		// and never mutated, so reactive SvelteMap/SvelteSet would only add cost.
		files: ['src/lib/state/**'],
		rules: { 'svelte/prefer-svelte-reactivity': 'off' }
	},
	{
		// Engine tests may load real exam definitions through the compiler; engine code may not.
		files: ['src/lib/engine/**'],
		ignores: ['src/lib/engine/**/*.test.ts'],
		rules: {
			'no-restricted-imports': restrict(
				[
					...noFramework,
					{ name: 'zod', message: 'The engine validates nothing: data is checked at the edge.' }
				],
				[
					{
						group: ['$lib/*', '../*', '$app/*'],
						message: 'The engine imports nothing of ours: pass data in.'
					}
				]
			),
			'no-restricted-globals': [
				'error',
				{ name: 'localStorage', message: 'The engine has no storage.' }
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.name='Date'][arguments.length=0]",
					message: 'Pass `now` in: the engine never reads the clock (new Date(now) is fine).'
				}
			],
			'no-restricted-properties': [
				'error',
				{
					object: 'Math',
					property: 'random',
					message: 'Pass a seed in: the engine never uses Math.random.'
				},
				{
					object: 'Date',
					property: 'now',
					message: 'Pass `now` in: the engine never reads the clock.'
				}
			]
		}
	},
	{
		files: ['src/lib/bank/**'],
		rules: {
			'no-restricted-imports': restrict(
				[{ name: 'dexie', message: 'The compiler never touches storage.' }],
				[
					{
						group: ['$lib/db*', '$lib/state*', '../db/*', '../state/*', '$app/*'],
						message: 'The bank compiler depends only on the engine types.'
					}
				]
			)
		}
	},
	{
		files: ['src/lib/db/**'],
		rules: {
			'no-restricted-imports': restrict(
				[
					{
						name: 'marked',
						message: 'The store holds compiled banks; parsing is the compiler’s job.'
					}
				],
				[
					{
						group: ['$lib/state*', '$lib/components*', '../state/*', '../components/*', '$app/*'],
						message: 'The store is called by state, never the reverse.'
					}
				]
			)
		}
	},
	{
		files: ['src/lib/components/**', 'src/routes/**'],
		rules: {
			'no-restricted-imports': restrict(
				[
					{ name: 'dexie', message: 'Pages reach storage through src/lib/state.' },
					{ name: 'marked', message: 'Bank Markdown is compiled ahead; render HTML with <Html>.' },
					{ name: '$lib/db', message: 'Pages reach storage through src/lib/state.' }
				],
				[
					{
						group: ['$lib/db/*', '$lib/bank/compile', '$lib/bank/markdown', '$lib/bank/parse-file'],
						message: 'Pages reach storage and the compiler through src/lib/state.'
					}
				]
			)
		}
	}
);
