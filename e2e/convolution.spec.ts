import { expect, test } from './fixtures';

const lab =
	'/lessons/convolution/?src=digit&digit=0&kernel=sobel-x&size=3&pad=valid&stride=1&pool=max&psize=2&pstride=2';

test('the lab convolves on WebGPU; stride changes the size formula and the feature map', async ({
	page
}) => {
	await page.goto(lab);
	await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
	const status = page.getByTestId('status');
	await expect(status).toHaveAttribute('data-output-size', '26×26');
	await expect(page.getByTestId('output-size')).toContainText('⌊(28 − 3) / 1⌋ + 1 = 26');
	const map = page.getByTestId('feature-map');
	await expect(map).toHaveAttribute('data-width', '26');
	const checksum = await map.getAttribute('data-checksum');
	await expect(page.getByTestId('pooled-map')).toHaveAttribute('data-width', '13');

	await page.getByTestId('stride').fill('2');
	await expect(page.getByTestId('output-size')).toContainText('⌊(28 − 3) / 2⌋ + 1 = 13');
	await expect(status).toHaveAttribute('data-output-size', '13×13');
	await expect(map).toHaveAttribute('data-width', '13');
	expect(await map.getAttribute('data-checksum')).not.toBe(checksum);
	await expect(page).toHaveURL(/stride=2/);

	await page.getByTestId('padding').selectOption('same');
	await expect(page.getByTestId('output-size')).toContainText('⌈28 / 2⌉ = 14, padding 0 + 1 zeros');
	await expect(status).toHaveAttribute('data-output-size', '14×14');
});

test('each output pixel is explained by a sum that equals the GPU value', async ({ page }) => {
	await page.goto(lab);
	await expect(page.getByTestId('status')).toHaveAttribute('data-output-size', '26×26');
	const sum = async () =>
		(await page.getByTestId('window-sum').textContent())!.match(/-?\d+\.\d+/)![0];
	const gpu = async () =>
		(await page.getByTestId('window-gpu').textContent())!.match(/-?\d+\.\d+$/)![0];
	expect(await sum()).toBe(await gpu());
	// A pixel on the stroke of the 7, where Sobel x answers strongly.
	const map = page.getByTestId('feature-map');
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: (box.width * 17.5) / 26, y: (box.height * 12.5) / 26 } });
	await expect(page.getByTestId('sliding-window')).toContainText('(12, 17)');
	expect(Math.abs(Number(await sum()))).toBeGreaterThan(0.5);
	expect(await sum()).toBe(await gpu());

	await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('sliding-window')).toContainText('(12, 18)');
	// Animated, the window runs on along row 12 and wraps onto row 13 (each position is shown only
	// briefly, so the test waits for the row rather than for one pixel).
	await page.getByTestId('animate').click();
	await expect(page.getByTestId('sliding-window')).toContainText(/Output pixel \(13, \d+\)/, {
		timeout: 20_000
	});
	await page.getByTestId('animate').click();
});

test('kernel presets, custom weights and the photo', async ({ page }) => {
	await page.goto(lab);
	await expect(page.getByTestId('status')).toHaveAttribute('data-output-size', '26×26');
	await page.getByTestId('kernel-preset').selectOption('gaussian-blur');
	await page.getByRole('radio', { name: '5×5' }).click();
	await expect(page.getByTestId('kernel-cell')).toHaveCount(25);
	await expect(page.getByTestId('status')).toHaveAttribute('data-output-size', '24×24');

	await page.getByTestId('kernel-cell').nth(12).fill('2');
	await page.getByTestId('kernel-cell').nth(12).press('Tab');
	await expect(page.getByTestId('kernel-preset')).toHaveValue('custom');
	await expect(page).toHaveURL(/kernel=custom&size=5.*w=/);

	await page.getByTestId('source-photo').click();
	await expect(page.getByTestId('feature-map')).toHaveAttribute('data-width', '296');
	await expect(page.getByTestId('status')).toHaveAttribute('data-output-size', '196×296');
});
