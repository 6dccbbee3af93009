import { expect, test } from '@playwright/test';
import { waitForBanks } from './helpers';

test('on a phone, pages fit the screen and the exam blueprint stays readable', async ({ page }) => {
	for (const path of ['/', '/exam/aws-sap-c02', '/import', '/settings']) {
		await page.goto(path);
		await waitForBanks(page);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
	}
	await page.goto('/exam/aws-sap-c02');
	await expect(
		page.getByRole('table').getByRole('rowheader', { name: /Design for New Solutions/ })
	).toBeVisible();
});
