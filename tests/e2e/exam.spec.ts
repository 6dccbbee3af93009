import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForBanks, visitThenGoOffline, zipFolder } from './helpers';

async function startMock(page: Page, examId: string) {
	await page.goto(`/exam/${examId}`);
	await waitForBanks(page);
	await page.getByRole('button', { name: 'Start exam' }).click();
	await expect(page.getByTestId('position')).toHaveText(/Question 1 of \d+/);
}

test('a full-length SAA-C03 mock, done with the keyboard only, to the report', async ({ page }) => {
	await page.goto('/exam/aws-saa-c03');
	await waitForBanks(page);
	await page.getByRole('button', { name: 'Start exam' }).focus();
	await page.keyboard.press('Enter');
	const position = page.getByTestId('position');
	await expect(position).toHaveText('Question 1 of 65');
	await expect(page.getByRole('timer', { name: 'Time remaining' })).toHaveText(
		/^2:(10:00|09:5\d)$/
	);
	let checkedE = false;
	for (let i = 1; i <= 65; i++) {
		await expect(position).toHaveText(`Question ${i} of 65`);
		const legend = await page.locator('legend').first().textContent();
		if (legend?.startsWith('Choose 2')) {
			await page.keyboard.press('1');
			await page.keyboard.press('2');
			if (!checkedE) {
				// Regression (#3): on a five-option question E must still end the exam, not pick option E.
				checkedE = true;
				await page.keyboard.press('e');
				await expect(page.getByRole('alertdialog', { name: 'End the exam?' })).toBeVisible();
				await page.keyboard.press('Escape');
				await expect(page.getByRole('alertdialog', { name: 'End the exam?' })).toHaveCount(0);
				await expect(page.locator('fieldset input:checked')).toHaveCount(2);
			}
		} else if (legend?.startsWith('Choose 3')) {
			await page.keyboard.press('1');
			await page.keyboard.press('2');
			await page.keyboard.press('3');
		} else {
			await page.keyboard.press('1');
		}
		if (i === 5) await page.keyboard.press('f');
		if (i < 65) await page.keyboard.press('n');
	}
	await page.keyboard.press('r');
	const review = page.getByRole('region', { name: 'Review' });
	await expect(review).toContainText('65 answered, 0 unanswered, 1 flagged.');
	await review.getByRole('button', { name: 'Flagged', exact: true }).click();
	await expect(review.getByRole('button', { name: /^Question \d+/ })).toHaveCount(1);
	await page.keyboard.press('e');
	await expect(page.getByRole('alertdialog', { name: 'End the exam?' })).toContainText(
		'0 unanswered and 1 flagged question'
	);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/results\?id=/);
	await expect(
		page.getByRole('heading', { name: /^Estimated result: (Pass|Fail)$/ })
	).toBeVisible();
	await expect(page.getByText(/of 65 correct \(\d+%\), 65 answered\./)).toBeVisible();
	await expect(
		page.getByRole('meter', { name: /^Design Secure Architectures: \d+% correct, pass line 69%$/ })
	).toBeVisible();
	await expect(
		page.getByRole('heading', { name: /^Question 65: (Correct|Incorrect)$/ })
	).toBeVisible();
	await expect(page.getByText('Flagged for review: 1, of which')).toBeVisible();
	// History on the exam page links to these results.
	await page.getByRole('link', { name: '← SAA-C03' }).click();
	await expect(
		page.getByRole('region', { name: 'Your attempts' }).getByRole('link', { name: 'Results' })
	).toHaveCount(1);
	// The finished mock becomes evidence: every domain has enough answers for a pass estimate.
	const weak = page.getByRole('region', { name: 'Your weak areas' });
	await expect(weak.getByRole('row')).toHaveCount(5);
	await expect(weak).toContainText(/Estimated chance of passing now: \d+%/);
});

test('a reload in the middle restores question, options, answers, flags, strike-throughs and time', async ({
	page
}) => {
	// SAA-C03 has only choice questions, so a key press always answers whichever question comes first.
	await startMock(page, 'aws-saa-c03');
	await page.keyboard.press('n');
	await page.keyboard.press('n');
	await expect(page.getByTestId('position')).toHaveText('Question 3 of 65');
	const optionsBefore = await page.locator('fieldset label').allInnerTexts();
	const first = page.locator('fieldset input').first();
	if ((await first.getAttribute('type')) === 'radio') await page.keyboard.press('1');
	else await first.check();
	await page.getByRole('button', { name: 'Flag for review' }).click();
	await page.keyboard.press('Shift+Digit2');
	await expect(page.getByRole('button', { name: 'Restore option B' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	const timeBefore = await page.getByRole('timer', { name: 'Time remaining' }).textContent();
	await page.reload();
	await expect(page.getByTestId('position')).toHaveText('Question 3 of 65');
	expect(await page.locator('fieldset label').allInnerTexts()).toEqual(optionsBefore);
	await expect(page.locator('fieldset input').first()).toBeChecked();
	await expect(page.getByRole('button', { name: 'Flag for review' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(page.getByRole('button', { name: 'Restore option B' })).toBeVisible();
	const timeAfter = await page.getByRole('timer', { name: 'Time remaining' }).textContent();
	expect(timeAfter! <= timeBefore!).toBe(true);
	await page.keyboard.press('r');
	await expect(page.getByRole('region', { name: 'Review' })).toContainText(
		'1 answered, 64 unanswered, 1 flagged.'
	);
});

test('the deadline passes while the page is closed: the next visit shows it finished with the answers given', async ({
	context
}) => {
	const start = new Date('2026-11-23T09:00:00Z');
	let page = await context.newPage();
	await page.clock.install({ time: start });
	await startMock(page, 'aws-saa-c03');
	await page.keyboard.press('1');
	await expect(page.locator('fieldset input:checked')).toHaveCount(1);
	const url = page.url();
	await page.close();
	page = await context.newPage();
	await page.clock.install({ time: new Date(start.getTime() + 3 * 3600_000) });
	await page.goto(url);
	await expect(page).toHaveURL(/\/results\?id=/);
	await expect(page.getByText('time ran out')).toBeVisible();
	await expect(page.getByText(/of 65 correct \(\d+%\), 1 answered\./)).toBeVisible();
});

test('a Microsoft case study is a section that locks once left', async ({ page }) => {
	await page.goto('/import');
	await waitForBanks(page);
	await page.getByLabel('Bank file (.zip or .json)').setInputFiles({
		name: 'ms-demo.zip',
		mimeType: 'application/zip',
		buffer: zipFolder('tests/fixtures/bank-ms-case')
	});
	await expect(page.getByRole('status')).toContainText('4 new');
	await startMock(page, 'ms-demo');
	await expect(page.getByTestId('position')).toHaveText('Question 1 of 4');
	await page.keyboard.press('n');
	await page.keyboard.press('n');
	await expect(page.getByText('Case study: Fabrikam Logistics')).toBeVisible();
	await expect(
		page.getByRole('complementary', { name: 'Case study: Fabrikam Logistics' })
	).toContainText('two warehouses');
	await page.getByRole('button', { name: 'Previous' }).click();
	const dialog = page.getByRole('alertdialog', { name: 'Leave this section?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Stay in this section' }).click();
	await expect(page.getByTestId('position')).toHaveText('Question 3 of 4');
	await page.getByRole('button', { name: 'Previous' }).click();
	await dialog.getByRole('button', { name: 'Leave section' }).click();
	await expect(page.getByTestId('position')).toHaveText('Question 2 of 4');
	await page.getByRole('button', { name: 'Review', exact: true }).click();
	await expect(
		page.getByRole('button', { name: /^Question 3, unanswered, locked$/ })
	).toBeDisabled();
	await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
});

test('an exam can be started, answered and scored with the network off', async ({
	page,
	context
}) => {
	await visitThenGoOffline(page, context);
	await page.goto('/exam/aws-saa-c03');
	await page.getByRole('button', { name: 'Start exam' }).click();
	await expect(page.getByTestId('position')).toHaveText('Question 1 of 65');
	await page.keyboard.press('1');
	await expect(page.locator('fieldset input:checked')).not.toHaveCount(0);
	await page.getByRole('button', { name: 'End exam' }).click();
	await page.getByRole('button', { name: 'End exam now' }).click();
	await expect(page.getByRole('heading', { name: /^Estimated result/ })).toBeVisible();
	await expect(page.getByText(/of 65 correct \(\d+%\), 1 answered\./)).toBeVisible();
});

test('the exam screen, review and results have no detectable accessibility violations', async ({
	page
}) => {
	const axe = async (label: string) => {
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.length}`)).toEqual([]);
	};
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await startMock(page, 'aws-saa-c03');
		await page.keyboard.press('1');
		await page.getByRole('button', { name: 'Eliminate option B' }).click();
		await axe(`${scheme} exam screen`);
		await page.keyboard.press('r');
		await axe(`${scheme} review`);
		await page.getByRole('button', { name: 'End exam', exact: true }).click();
		await axe(`${scheme} end dialog`);
		await page.getByRole('button', { name: 'End exam now' }).click();
		await expect(page.getByRole('heading', { name: /^Estimated result/ })).toBeVisible();
		await axe(`${scheme} results`);
	}
});

test('extra time saved in Settings applies to the next exam', async ({ page }) => {
	await page.goto('/settings');
	await waitForBanks(page);
	await page.getByLabel('Extra time on every timed exam').selectOption('30');
	await expect(page.getByRole('status').filter({ hasText: 'extra minutes' })).toHaveText(
		'Every timed exam now gets 30 extra minutes.'
	);
	await startMock(page, 'aws-saa-c03');
	await expect(page.getByRole('timer', { name: 'Time remaining' })).toHaveText(
		/^2:(40:00|39:5\d)$/
	);
});
