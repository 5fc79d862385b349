import {
	expect,
	statusOf,
	test,
	trainAndExpectLossToFall,
	waitForStep,
	waitUntilReady,
	openOnWebGpu
} from './fixtures';

const lesson = '/lessons/perceptron/?data=separable&act=sigmoid&lr=0.5&batch=1&seed=1&speed=5';

test('?backend=cpu overrides the choice and the badge says it was asked for', async ({ page }) => {
	await page.goto(lesson + '&backend=cpu');
	await waitUntilReady(page);
	const badge = page.getByTestId('backend');
	await expect(badge).toHaveAttribute('data-backend', 'cpu');
	await expect(badge).toContainText('asked for with ?backend=');
	await trainAndExpectLossToFall(page);
	await expect(page).toHaveURL(/backend=cpu/);
});

test('a lost GPU device mid-training: training moves on, settings and weights kept', async ({
	page
}) => {
	await openOnWebGpu(page, lesson.replace('lr=0.5', 'lr=0.3'));
	await page.getByTestId('train').click();
	await waitForStep(page, 20);
	const before = await statusOf(page);
	await page.getByTestId('live-model').dispatchEvent('tensor-trail:lose-device');

	await expect(page.getByTestId('device-lost')).toBeVisible();
	const badge = page.getByTestId('backend');
	await expect(badge).toHaveAttribute('data-backend', /^(webgl|cpu)$/);
	await expect(badge).toContainText('the GPU device was lost');
	// Steps taken on the new backend, not the last ones reported from the old device.
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');
	const resumed = await statusOf(page);
	await waitForStep(page, resumed.step + 20);
	const after = await statusOf(page);
	expect(after.running).toBe(true);
	// The step count carried on and the weights were not reset: the loss kept its progress.
	expect(after.loss).toBeLessThan(before.loss! * 1.5);
	await expect(page.getByTestId('learning-rate')).toHaveValue('0.3');
	await expect(page.getByTestId('error')).toHaveCount(0);
});

test('learning rate 1000: training stops as the loss diverges and says why', async ({ page }) => {
	await page.goto(lesson.replace('data=separable', 'data=noisy').replace('lr=0.5', 'lr=1000'));
	await waitUntilReady(page);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('stopped')).toContainText('learning rate is probably too high', {
		timeout: 60_000
	});
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
	await expect(page.getByTestId('error')).toHaveCount(0);
});
