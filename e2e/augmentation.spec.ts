import { expect, test, waitForStep, openOnWebGpu } from './fixtures';

const lesson =
	'/lessons/augmentation/?rot=12&shift=0.1&zoom=0.1&flip=0&noise=0.05&lr=0.003&batch=8&seed=1&train=500&eval=100&speed=5';

test('the preview shows augmented digits and both networks train on WebGPU, each curve filling', async ({
	page
}) => {
	test.setTimeout(300_000);
	await openOnWebGpu(page, lesson);
	const preview = page.getByTestId('augment-preview');
	await expect(preview).toHaveAttribute('data-count', '24');
	const before = await preview.innerHTML();
	await page.getByTestId('augment-rotation').fill('40');
	await expect(page).toHaveURL(/rot=40/);
	await expect.poll(() => preview.innerHTML()).not.toBe(before);

	await page.getByTestId('train').click();
	await waitForStep(page, 4);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
	// Two lines of at least two points each: the start and a report while training.
	expect(
		Number(await page.getByTestId('race-accuracy-chart').getAttribute('data-points'))
	).toBeGreaterThanOrEqual(4);
	expect(
		Number(await page.getByTestId('race-loss-chart').getAttribute('data-points'))
	).toBeGreaterThanOrEqual(8);
	await expect(page.getByTestId('accuracy-gap')).toHaveAttribute('data-gap', /^-?\d/);
});
