import { expect, test } from '@playwright/test';
import { visitThenGoOffline, waitForBanks } from './helpers';

test.describe('offline', () => {
	test('after the first visit, the app and its banks work with the network off', async ({
		page,
		context
	}) => {
		await visitThenGoOffline(page, context);
		await page.reload();
		await waitForBanks(page);
		await expect(page.getByRole('link', { name: /^SAA-C03/ })).toBeVisible();
		await page.goto('/exam/gcp-pca');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'PCA: Professional Cloud Architect'
		);
		await expect(page.getByRole('table').getByRole('row')).toHaveCount(7);
		await page.goto('/format');
		await expect(
			page.getByRole('heading', { name: 'Writing questions for examforge' })
		).toBeVisible();
	});
});

test.describe('offline without a service worker (negative control)', () => {
	test.use({ serviceWorkers: 'block' });
	test('the same offline reload fails, so the offline test can fail', async ({ page, context }) => {
		await page.goto('/');
		await waitForBanks(page);
		await context.setOffline(true);
		await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
	});
});
