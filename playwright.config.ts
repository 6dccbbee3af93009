import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) against the static
 * build served on 127.0.0.1, as a learner's browser would see it.
 */
const port = Number(process.env.E2E_PORT ?? 4174);
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: false,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	// Kept apart from test-results/ itself, which Playwright empties and the unit report shares.
	outputDir: 'test-results/e2e-artifacts',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }
	},
	projects: [
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], channel: undefined },
			testIgnore: '**/*.mobile.spec.ts'
		},
		{
			name: 'phone',
			use: { ...devices['Pixel 7'], channel: undefined },
			testMatch: '**/*.mobile.spec.ts'
		}
	],
	webServer: {
		command: `npx sirv build --host 127.0.0.1 --port ${port} --single 200.html`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
