import { expect, type BrowserContext, type Page } from '@playwright/test';
import { zipSync, strToU8 } from 'fflate';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Waits until the bundled banks are in IndexedDB (the app marks <html data-bank="ready">). */
export async function waitForBanks(page: Page): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('data-bank', 'ready', { timeout: 30_000 });
}

/** The number of bundled questions, as the build wrote it. */
export function bundledQuestionCount(): number {
	return JSON.parse(readFileSync('static/banks/current.json', 'utf8')).questions as number;
}

/** Zips a fixture folder in memory, as a learner would zip their bank folder. */
export function zipFolder(dir: string): Buffer {
	const files: Record<string, Uint8Array> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else files[relative(dir, full)] = strToU8(readFileSync(full, 'utf8'));
		}
	};
	walk(dir);
	return Buffer.from(zipSync(files));
}

/** Waits until the service worker controls the page (offline tests need it before going offline). */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
		}
	});
}

/** Visits the app once (banks stored, service worker in control), then cuts the network. */
export async function visitThenGoOffline(page: Page, context: BrowserContext): Promise<void> {
	await page.goto('/');
	await waitForBanks(page);
	await waitForServiceWorker(page);
	await context.setOffline(true);
}
