import {
	chartPoints,
	expect,
	statusOf,
	test,
	waitForStep,
	waitUntilReady,
	watchLongTasks,
	openOnWebGpu
} from './fixtures';

// A small network: SwiftShader trains it at about 1.3 steps a second.
const lesson = '/lessons/lstm-text/?units=32&seq=20&batch=16&lr=0.01&speed=5';

test('trains on WebGPU, the loss falls, and generated text changes with the temperature', async ({
	page
}) => {
	test.setTimeout(300_000);
	await openOnWebGpu(page, lesson);
	await expect(page.getByTestId('corpus-summary')).toHaveAttribute('data-vocabulary', /^\d{2,3}$/);
	const before = await statusOf(page);
	expect(before.loss).toBeGreaterThan(4);

	await page.getByTestId('train').click();
	await waitForStep(page, 20);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
	const after = await statusOf(page);
	expect(after.loss).toBeLessThan(before.loss! - 0.5);
	expect(await chartPoints(page.getByTestId('loss-chart'))).toBeGreaterThan(2);

	const generate = async (temperature: string) => {
		await page.getByTestId('temperature').fill(temperature);
		await page.getByTestId('generate').click();
		await expect(page.getByTestId('generated')).toHaveAttribute('data-running', 'false', {
			timeout: 60_000
		});
		await expect(page.getByTestId('generated')).toHaveAttribute('data-length', '400');
		return page.getByTestId('generated-text').textContent();
	};
	const cold = await generate('0.1');
	const longTasks = await watchLongTasks(page);
	const hot = await generate('2');
	expect(await longTasks(), 'main-thread tasks over 50 ms while generating').toEqual([]);
	expect(cold).not.toBe(hot);
	// At 0.1 the network nearly always takes its favourite: far fewer distinct characters.
	expect(new Set(cold).size).toBeLessThan(new Set(hot).size);
	await expect(page.getByTestId('next-chars')).toHaveAttribute('data-prediction', /.+/);
});

test('a pasted Chinese text trains; an empty text, a short one and a binary file get messages and change nothing', async ({
	page
}) => {
	test.setTimeout(300_000);
	await page.goto(lesson);
	await waitUntilReady(page);
	const summary = page.getByTestId('corpus-summary');
	const mobyDick = await summary.textContent();

	await page.getByTestId('corpus-text').fill('');
	await page.getByTestId('corpus-use').click();
	await expect(page.getByTestId('corpus-message')).toContainText('empty');
	await page.getByTestId('corpus-text').fill('子曰：学而时习之');
	await page.getByTestId('corpus-use').click();
	await expect(page.getByTestId('corpus-message')).toContainText('only 8 characters');
	await page.getByTestId('corpus-file').setInputFiles({
		name: 'photo.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x00])
	});
	await expect(page.getByTestId('corpus-message')).toContainText(
		'photo.txt does not look like text'
	);
	expect(await summary.textContent()).toBe(mobyDick);

	// Any Unicode, and markup that must stay text.
	const analects =
		'子曰：“学而时习之，不亦说乎？有朋自远方来，不亦乐乎？人不知而不愠，不亦君子乎？”\n'.repeat(6) +
		'<img src=x onerror="window.__injected=1">\n';
	await page.getByTestId('corpus-text').fill(analects);
	await page.getByTestId('corpus-use').click();
	await expect(page.getByTestId('corpus-message')).toHaveCount(0);
	const distinct = new Set(analects).size + 1;
	await expect(summary).toHaveAttribute('data-vocabulary', String(distinct));
	await expect(page.getByTestId('corpus')).toHaveValue('custom');
	const start = await statusOf(page);
	expect(start.step).toBe(0);
	await page.getByTestId('train').click();
	await waitForStep(page, 15);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
	expect((await statusOf(page)).loss).toBeLessThan(start.loss!);
	await page.getByTestId('generate').click();
	await expect(page.getByTestId('generated')).toHaveAttribute('data-running', 'false', {
		timeout: 60_000
	});
	await expect(page.getByTestId('generated-text')).not.toBeEmpty();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
});

test('a lost GPU device mid-training: the LSTM carries on elsewhere with its weights and settings', async ({
	page
}) => {
	test.setTimeout(300_000);
	await openOnWebGpu(page, lesson);
	const untrained = await statusOf(page);
	await page.getByTestId('train').click();
	await waitForStep(page, 20);
	const before = await statusOf(page);
	expect(before.loss).toBeLessThan(untrained.loss! - 0.5);
	await page.getByTestId('live-model').dispatchEvent('tensor-trail:lose-device');

	await expect(page.getByTestId('device-lost')).toBeVisible();
	await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', /^(webgl|cpu)$/);
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');
	const resumed = await statusOf(page);
	await waitForStep(page, resumed.step + 10);
	// Trained weights came along: the loss did not go back to the untrained one.
	expect((await statusOf(page)).loss).toBeLessThan(untrained.loss! - 0.5);
	await expect(page.getByTestId('units')).toHaveValue('32');
	await expect(page.getByTestId('error')).toHaveCount(0);
});
