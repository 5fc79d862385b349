import { chromiumArgs, systemChromium } from './browser.js';
import { expect, test, trainAndExpectLossToFall, waitUntilReady } from './fixtures';

// Without --enable-unsafe-webgpu this Chromium offers no GPU adapter, as on a blocklisted GPU.
test.use({
	launchOptions: {
		executablePath: systemChromium(),
		args: chromiumArgs.filter((arg) => arg !== '--enable-unsafe-webgpu')
	}
});

test('with no GPU adapter, the lesson falls back to WebGL or CPU and says why', async ({
	page
}) => {
	await page.goto('/zh/lessons/perceptron/?data=separable&lr=0.5&seed=1&speed=5');
	expect(await page.evaluate(async () => (await navigator.gpu.requestAdapter()) === null)).toBe(
		true
	);
	await waitUntilReady(page);
	const badge = page.getByTestId('backend');
	await expect(badge).toHaveAttribute('data-backend', /^(webgl|cpu)$/);
	await expect(badge).toContainText('WebGPU 不可用：浏览器没有提供 GPU 适配器');
	await trainAndExpectLossToFall(page);
});
