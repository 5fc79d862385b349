import { chartPoints, expect, test, waitForStep, waitUntilReady, openOnWebGpu } from './fixtures';

const lesson = '/lessons/optimizers/';

async function racers(page: import('@playwright/test').Page) {
	return page.getByTestId('racer').evaluateAll((rows) =>
		rows.map((row) => ({
			kind: row.getAttribute('data-kind'),
			steps: Number(row.getAttribute('data-steps')),
			status: row.getAttribute('data-status'),
			x: Number(row.getAttribute('data-x')),
			y: Number(row.getAttribute('data-y')),
			loss: Number(row.getAttribute('data-loss'))
		}))
	);
}

test('the race runs on WebGPU and every optimiser moves down Rosenbrock', async ({ page }) => {
	await openOnWebGpu(page, `${lesson}?speed=5`);
	const before = await racers(page);
	expect(before).toHaveLength(7);
	for (const racer of before) expect(racer.loss).toBeCloseTo(12.5, 4);

	await page.getByTestId('train').click();
	await waitForStep(page, 60);
	await page.keyboard.press('Space');
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
	const after = await racers(page);
	for (const racer of after) {
		expect(racer.status, racer.kind!).toBe('running');
		expect(racer.steps, racer.kind!).toBeGreaterThanOrEqual(60);
		expect(Math.hypot(racer.x + 1.5, racer.y - 2), racer.kind!).toBeGreaterThan(0.01);
		expect(racer.loss, racer.kind!).toBeLessThan(12.5);
	}
	await expect(page.getByTestId('error')).toHaveCount(0);
});

test("the update rule shows tfjs's own numbers: Adam's first step", async ({ page }) => {
	await page.goto(`${lesson}?follow=adam`);
	await waitUntilReady(page);
	await page.getByTestId('step').click();
	const panel = page.getByTestId('update-rule');
	await expect(panel).toHaveAttribute('data-iteration', '1');
	const value = async (key: string) =>
		Number(await panel.getByTestId(`live-${key}`).getAttribute('data-value'));
	// At Rosenbrock's start the x-gradient is -155; after one step m̂ = g and the step is η.
	expect(await value('gradient')).toBeCloseTo(-155, 2);
	expect(await value('mHat')).toBeCloseTo(await value('gradient'), 2);
	expect(await value('m')).toBeCloseTo(-15.5, 2);
	expect(await value('step')).toBeCloseTo(0.05, 4);
});

test('a click on the plot moves the start and restarts the race; a huge rate drops out alone', async ({
	page
}) => {
	await page.goto(`${lesson}?lr.gd=0.01&speed=5`);
	await waitUntilReady(page);
	const plot = page.getByTestId('surface-plot');
	await plot.click({ position: { x: 360, y: 120 } });
	await expect(page).toHaveURL(/start=/);
	const start = (await plot.getAttribute('data-start'))!.split(',').map(Number);
	expect(start[0]).toBeGreaterThan(0);
	await expect(page.getByTestId('status')).toHaveAttribute('data-step', '0');

	await page.getByTestId('train').click();
	await expect(page.getByTestId('racer').first()).toHaveAttribute('data-status', 'diverged');
	await waitForStep(page, 40);
	const after = await racers(page);
	expect(after.filter((racer) => racer.status === 'diverged').map((racer) => racer.kind)).toEqual([
		'gd'
	]);
	await expect(page.getByTestId('racer').first()).toContainText('left at step');
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');
});

test('on a network the same optimisers race and their loss curves overlay', async ({ page }) => {
	await page.goto(lesson);
	await waitUntilReady(page);
	await page.getByTestId('network-race').click();
	const chart = page.getByTestId('network-chart');
	await expect(chart).toBeVisible({ timeout: 120_000 });
	expect(await chartPoints(chart)).toBe(7 * 31);
	await expect(page.getByTestId('error')).toHaveCount(0);
});
