import { expect, removeWebGpu, test, trainAndExpectLossToFall, waitUntilReady } from './fixtures';

const lesson = '/lessons/perceptron/?data=separable&act=sigmoid&lr=0.5&batch=1&seed=1&speed=5';

test('with navigator.gpu removed, the lesson falls back, says why, and still trains', async ({
	page
}) => {
	await removeWebGpu(page);
	await page.goto(lesson);
	expect(await page.evaluate(() => 'gpu' in navigator)).toBe(false);
	await waitUntilReady(page);
	const badge = page.getByTestId('backend');
	await expect(badge).toHaveAttribute('data-backend', /^(webgl|cpu)$/);
	await expect(badge).toContainText('WebGPU unavailable: this browser has no WebGPU');
	await trainAndExpectLossToFall(page);
});
