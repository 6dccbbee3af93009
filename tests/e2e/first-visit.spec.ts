import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { bundledQuestionCount, waitForBanks } from './helpers';

test('a first visit loads every exam of the catalog and the bundled questions into IndexedDB', async ({
	page
}) => {
	await page.goto('/');
	await waitForBanks(page);
	const n = bundledQuestionCount();
	await expect(page.getByRole('status').filter({ hasText: 'ready offline' })).toHaveText(
		`13 exams, ${n} questions ready offline.`
	);
	for (const vendor of ['Amazon Web Services', 'Microsoft Azure', 'Google Cloud']) {
		await expect(page.getByRole('heading', { name: vendor, level: 2 })).toBeVisible();
	}
	for (const code of [
		'SAA-C03',
		'SAP-C02',
		'MLS-C01',
		'MLA-C01',
		'AIF-C01',
		'AIP-C01',
		'AZ-104',
		'AZ-305',
		'AI-102',
		'AI-103',
		'ACE',
		'PCA',
		'PMLE'
	]) {
		await expect(page.getByRole('link', { name: new RegExp(`^${code}`) })).toBeVisible();
	}
	const stored = await page.evaluate(async () => {
		const req = indexedDB.open('examforge');
		const db: IDBDatabase = await new Promise((res, rej) => {
			req.onsuccess = () => res(req.result);
			req.onerror = () => rej(req.error);
		});
		const count = (store: string) =>
			new Promise<number>((res) => {
				const r = db.transaction(store).objectStore(store).count();
				r.onsuccess = () => res(r.result);
			});
		const out = { exams: await count('exams'), questions: await count('questions') };
		db.close();
		return out;
	});
	expect(stored).toEqual({ exams: 13, questions: n });
});

test('a retired exam is marked retired and points to its successor', async ({ page }) => {
	await page.goto('/');
	await waitForBanks(page);
	await page.getByRole('link', { name: /^AI-102/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('AI-102');
	await expect(page.getByText('Retired 30 Jun 2026, succeeded by AI-103')).toBeVisible();
	await page.getByRole('link', { name: /AI-103: Developing AI Apps and Agents on Azure/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('AI-103');
});

test('an exam page shows its blueprint, rules and how much the bank covers', async ({ page }) => {
	await page.goto('/exam/aws-mla-c01');
	await waitForBanks(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'MLA-C01: AWS Certified Machine Learning Engineer - Associate'
	);
	await expect(page.getByText('130 minutes', { exact: true })).toBeVisible();
	await expect(page.getByText('pass 720 of 100–1000')).toBeVisible();
	const table = page.getByRole('table');
	await expect(table.getByRole('row')).toHaveCount(5);
	await expect(
		table.getByRole('rowheader', { name: /Data Preparation for Machine Learning/ })
	).toBeVisible();
	await expect(
		table.getByRole('meter', { name: 'Coverage of ML Model Development' })
	).toBeVisible();
});

test('pages have no detectable accessibility violations, in light and dark themes', async ({
	page
}) => {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		for (const path of ['/', '/exam/ms-az-305', '/import', '/settings']) {
			await page.goto(path);
			await waitForBanks(page);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${scheme} ${path}: ${v.id} ${v.nodes.length}`)).toEqual(
				[]
			);
		}
	}
});
