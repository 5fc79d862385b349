import { readFileSync } from 'node:fs';
import { expect, statusOf, test, waitForStep, waitUntilReady } from './fixtures';

// Small batches and a 100-digit test score: SwiftShader runs this CNN at about 1.5 steps a second.
const lesson = '/lessons/cnn/?lr=0.003&batch=8&seed=1&speed=5&digit=0&eval=100';

test('trains on WebGPU: test accuracy rises far above chance; filters, maps and confusion update', async ({
	page
}) => {
	test.setTimeout(300_000);
	await page.goto(lesson);
	await expect(page.getByTestId('data-progress')).toBeVisible();
	await waitUntilReady(page);
	await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
	const filtersBefore = await page.getByTestId('filters').innerHTML();
	expect((await statusOf(page)).loss).toBeGreaterThan(2);

	await page.getByTestId('train').click();
	// Flat out, reports are spaced to keep within 5% of the time: on SwiftShader a minute apart.
	// Pausing reports at once, at the exact step.
	await expect
		.poll(async () => (await statusOf(page)).step, { timeout: 200_000 })
		.toBeGreaterThanOrEqual(100);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
	const { step } = await statusOf(page);
	expect(step).toBeLessThanOrEqual(250);
	expect(
		Number(await page.getByTestId('status').getAttribute('data-test-accuracy'))
	).toBeGreaterThan(0.45);

	expect((await statusOf(page)).loss).toBeLessThan(2);
	expect(Number(await page.getByTestId('loss-chart').getAttribute('data-points'))).toBeGreaterThan(
		2
	);
	expect(
		Number(await page.getByTestId('accuracy-chart').getAttribute('data-points'))
	).toBeGreaterThan(1);
	await expect(page.getByTestId('filters')).toHaveAttribute('data-count', '8');
	expect(await page.getByTestId('filters').innerHTML()).not.toBe(filtersBefore);
	await expect(page.getByTestId('maps-conv2')).toHaveAttribute('data-count', '16');
	await expect(page.getByTestId('confusion')).toHaveAttribute('data-total', '100');
	await expect(page.getByTestId('maps-probabilities')).toHaveAttribute('data-prediction', /\d/);
});

test('draw a digit, save the model, export and import it; a broken file changes nothing', async ({
	page
}, testInfo) => {
	test.setTimeout(300_000);
	await page.goto(lesson);
	await waitUntilReady(page);
	await page.getByTestId('train').click();
	await waitForStep(page, 10);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');

	// A vertical stroke: a "1".
	const pad = page.getByTestId('draw-pad');
	await pad.scrollIntoViewIfNeeded();
	const box = (await pad.boundingBox())!;
	await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.85, { steps: 10 });
	await page.mouse.up();
	await expect(page.getByTestId('sketch-probabilities')).toHaveAttribute('data-prediction', /\d/);
	await expect(page.getByTestId('sketch-input')).toHaveAttribute('data-width', '28');

	const predictionOf7 = await page.getByTestId('maps-probabilities').textContent();
	await page.getByTestId('save-browser').click();
	await expect(page.getByTestId('model-message')).toContainText('Saved in this browser');

	const downloads: string[] = [];
	page.on('download', async (download) => {
		const path = testInfo.outputPath(download.suggestedFilename());
		await download.saveAs(path);
		downloads.push(path);
	});
	await page.getByTestId('export-files').click();
	await expect(page.getByTestId('model-message')).toContainText('mnist-cnn.json');
	await expect.poll(() => downloads.length).toBe(2);
	const json = downloads.find((p) => p.endsWith('.json'))!;
	expect(JSON.parse(readFileSync(json, 'utf8')).format).toBe('layers-model');

	// A fresh model (reset), then the saved one back: the same answers as before.
	await page.getByTestId('reset').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-step', '0');
	await expect(page.getByTestId('maps-probabilities')).not.toHaveText(predictionOf7!);
	await page.getByTestId('load-browser').click();
	await expect(page.getByTestId('model-message')).toContainText('Loaded the model saved');
	await expect(page.getByTestId('maps-probabilities')).toHaveText(predictionOf7!);

	await page.getByTestId('import-files').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{ not json')
	});
	await expect(page.getByTestId('model-message')).toContainText('Pick both files');
	await page.getByTestId('import-files').setInputFiles([
		{ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') },
		{ name: 'broken.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(8) }
	]);
	await expect(page.getByTestId('model-message')).toContainText('broken.json is not valid JSON');
	await expect(page.getByTestId('maps-probabilities')).toHaveText(predictionOf7!);

	await page.getByTestId('reset').click();
	await expect(page.getByTestId('maps-probabilities')).not.toHaveText(predictionOf7!);
	await page.getByTestId('import-files').setInputFiles(downloads);
	await expect(page.getByTestId('model-message')).toContainText('Loaded mnist-cnn.json');
	await expect(page.getByTestId('maps-probabilities')).toHaveText(predictionOf7!);
});
