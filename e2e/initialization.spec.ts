import { chartPoints, expect, statusOf, test, waitForStep, openOnWebGpu } from './fixtures';
import type { Page } from '@playwright/test';

const url = '/lessons/initialization/?depth=6&width=16&batch=32&lr=0.03&cmp=20&speed=5';
/** Six hidden layers and the output layer. */
const layers = 7;

/** Every layer has a histogram row with finite spreads, and bars drawn for both kinds of value. */
async function expectHistograms(page: Page): Promise<number[]> {
	const rows = page.getByTestId('layer-histogram');
	await expect(rows).toHaveCount(layers);
	const spreads: number[] = [];
	for (let i = 0; i < layers; i++) {
		const row = rows.nth(i);
		await expect(row).toHaveAttribute('data-layer', String(i + 1));
		const std = Number(await row.getAttribute('data-std'));
		const gradStd = Number(await row.getAttribute('data-grad-std'));
		expect(Number.isFinite(std), `layer ${i + 1} σ`).toBe(true);
		expect(Number.isFinite(gradStd), `layer ${i + 1} gradient σ`).toBe(true);
		// He normal on ReLU: neither the signal nor the gradient is zero anywhere.
		expect(std, `layer ${i + 1} σ`).toBeGreaterThan(0);
		expect(gradStd, `layer ${i + 1} gradient σ`).toBeGreaterThan(0);
		expect(await row.locator('svg').count()).toBe(2);
		expect(await row.locator('rect').count()).toBeGreaterThan(2);
		spreads.push(std);
	}
	return spreads;
}

test('draws a histogram per layer at initialisation and while training, on WebGPU; the loss chart gets points', async ({
	page
}) => {
	test.setTimeout(240_000);
	await openOnWebGpu(page, url);

	await expect(page.getByTestId('histogram-step')).toHaveAttribute('data-step', '0');
	const initial = await expectHistograms(page);
	await expect(page.getByTestId('std-profile')).toHaveAttribute('data-layers', String(layers));
	await expect(page.getByTestId('std-profile').locator('polyline')).toHaveCount(2);

	await page.getByTestId('train').click();
	await waitForStep(page, 20);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
	const step = (await statusOf(page)).step;
	await expect(page.getByTestId('histogram-step')).toHaveAttribute('data-step', String(step));
	const trained = await expectHistograms(page);
	expect(trained, 'the activations changed with training').not.toEqual(initial);
	expect(await chartPoints(page.getByTestId('loss-chart'))).toBeGreaterThan(2);
	expect((await statusOf(page)).loss).toBeGreaterThan(0);

	// The settings live in the URL; a new initialiser starts over from step 0.
	await page.getByTestId('initializer').selectOption('zeros');
	await expect(page).toHaveURL(/init=zeros/);
	await expect(page.getByTestId('histogram-step')).toHaveAttribute('data-step', '0');
	const rows = page.getByTestId('layer-histogram');
	await expect(rows).toHaveCount(layers);
	// Zeros: every hidden unit outputs relu(0) = 0, so no gradient reaches any weight.
	await expect(rows.first()).toHaveAttribute('data-std', '0');
	await expect(rows.first()).toHaveAttribute('data-grad-std', '0');
});

test('compares four initialisers: one loss curve each', async ({ page }) => {
	test.setTimeout(240_000);
	await openOnWebGpu(page, url);
	await page.getByTestId('compare').click();
	const curves = page.getByTestId('compare-curve');
	await expect(curves).toHaveCount(4, { timeout: 180_000 });
	await expect(page.getByTestId('compare')).toBeEnabled();
	const finals: number[] = [];
	for (let i = 0; i < 4; i++) {
		// 20 steps, a point every step, and step 0.
		await expect(curves.nth(i)).toHaveAttribute('data-points', '21');
		finals.push(Number(await curves.nth(i).getAttribute('data-final-loss')));
	}
	// Zeros cannot learn: its loss stays at ln 2 for two balanced classes.
	expect(finals[0]).toBeCloseTo(Math.log(2), 2);
	expect(finals[3]).toBeGreaterThan(0);
	expect(finals[3]).not.toBeCloseTo(Math.log(2), 3);
	await expect
		.poll(() => chartPoints(page.getByTestId('compare-chart')))
		.toBeGreaterThanOrEqual(3 * 21);
});

test('an exploding start: the loss stops being finite, training stops and says why', async ({
	page
}) => {
	await openOnWebGpu(
		page,
		'/lessons/initialization/?depth=6&width=16&init=normal&std=2&lr=1&speed=5'
	);
	// σ = 2 on 16 ReLU units multiplies the signal by about 5.7 per layer.
	const rows = page.getByTestId('layer-histogram');
	const first = Number(await rows.first().getAttribute('data-std'));
	const last = Number(await rows.nth(5).getAttribute('data-std'));
	expect(last).toBeGreaterThan(first * 100);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('stopped')).toBeVisible({ timeout: 120_000 });
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
});
