import type { Page } from '@playwright/test';
import { expect, test, trainAndExpectLossToFall, waitUntilReady } from './fixtures';

const lesson = '/lessons/perceptron/?data=separable&act=sigmoid&lr=0.5&batch=1&seed=1&speed=5';

/**
 * Takes WebGPU away as a browser without it would: no navigator.gpu in the page or in the
 * training worker (Chromium has no flag that removes it, so the worker script gets one line first).
 */
async function removeWebGpu(page: Page): Promise<void> {
	await page.addInitScript(() => delete (Navigator.prototype as { gpu?: unknown }).gpu);
	await page.route('**/*.worker-*.js', async (route) => {
		const response = await route.fetch();
		const body = `delete WorkerNavigator.prototype.gpu;\n${await response.text()}`;
		await route.fulfill({ response, body });
	});
}

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
