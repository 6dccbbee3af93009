import { expect, test } from '@playwright/test';
import { readBankDir } from '../../scripts/bank-files';
import { compileBank } from '../../src/lib/bank/compile';
import { bundledQuestionCount, waitForBanks, zipFolder } from './helpers';

test('importing a broken bank lists every problem with file and line, and changes nothing', async ({
	page
}) => {
	await page.goto('/');
	await waitForBanks(page);
	const n = bundledQuestionCount();
	await page.getByRole('link', { name: 'Import a bank' }).click();
	await page.getByLabel('Bank file (.zip or .json)').setInputFiles({
		name: 'broken-bank.zip',
		mimeType: 'application/zip',
		buffer: zipFolder('tests/fixtures/bank-broken')
	});
	await expect(page.getByRole('alert')).toContainText('Nothing was imported');
	const problems = page.getByRole('region', { name: 'Problems' }).getByRole('listitem');
	await expect(problems.filter({ hasText: 'demo-exam/two-keys.md:14' })).toContainText(
		'needs exactly one [x] option, found 2'
	);
	await expect(
		problems.filter({ hasText: 'question id same-id is also used by demo-exam/dup-b.md' })
	).toContainText('demo-exam/dup-a.md:2');
	await expect(problems.filter({ hasText: 'demo-exam/exam.yaml:19' })).toContainText(
		'domain weights add up to 110%'
	);
	// Exactly the errors the build-time compiler finds in the same files (the browser runs the same code).
	const errors = compileBank(readBankDir('tests/fixtures/bank-broken')).problems.filter(
		(p) => p.severity === 'error'
	);
	await expect(problems).toHaveCount(errors.length);
	await page.getByRole('link', { name: 'Exams' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'ready offline' })).toHaveText(
		`13 exams, ${n} questions ready offline.`
	);
	await expect(page.getByRole('link', { name: /^DEMO-01/ })).toHaveCount(0);
});

test('importing a valid bank adds its exam and questions, and survives a reload', async ({
	page
}) => {
	await page.goto('/import');
	await waitForBanks(page);
	await page.getByLabel('Bank file (.zip or .json)').setInputFiles({
		name: 'My Demo Bank.zip',
		mimeType: 'application/zip',
		buffer: zipFolder('tests/fixtures/bank-good')
	});
	await expect(page.getByRole('status')).toContainText(
		'Imported My Demo Bank.zip: 4 new, 0 updated, 0 unchanged'
	);
	// A fresh load of the home page: the import must have been stored, not just shown.
	await page.goto('/');
	await waitForBanks(page);
	await expect(page.getByRole('status').filter({ hasText: 'ready offline' })).toHaveText(
		`14 exams, ${bundledQuestionCount() + 4} questions ready offline.`
	);
	await page.getByRole('link', { name: /^DEMO-01/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('DEMO-01: Demo Exam');
	await expect(page.getByText('4 questions in the bank for this exam.')).toBeVisible();
	await page.getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByText(/My Demo Bank\.zip: 4 questions/)).toBeVisible();
});
