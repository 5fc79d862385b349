import {
	chartPoints,
	expect,
	setHidden,
	statusOf,
	test,
	waitForStep,
	waitUntilReady,
	watchLongTasks,
	openOnWebGpu
} from './fixtures';

const lesson = '/lessons/perceptron/?data=separable&act=sigmoid&lr=0.5&batch=1&seed=1&speed=5';

test('trains on WebGPU: the loss falls, the line moves and the charts fill', async ({ page }) => {
	await openOnWebGpu(page, lesson);
	await expect(page.getByTestId('backend')).toContainText('WebGPU');

	const before = await statusOf(page);
	expect(before.step).toBe(0);
	expect(before.loss).toBeGreaterThan(0);
	const lineBefore = await page.getByTestId('plane').getAttribute('data-line');

	// Long tasks on the page while it trains: the model runs in a worker, so there should be none.
	const longTasks = await watchLongTasks(page);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');
	await waitForStep(page, 20);
	const tensorsAfterWarmUp = await page.getByTestId('status').getAttribute('data-tensors');
	await waitForStep(page, 100);
	// Two epochs later (80 points, batch 1) the worker holds exactly as many tensors: no leak.
	expect(await page.getByTestId('status').getAttribute('data-tensors')).toBe(tensorsAfterWarmUp);
	expect(await longTasks(), 'main-thread tasks over 50 ms while training').toEqual([]);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');

	const after = await statusOf(page);
	expect(after.loss).toBeLessThan(before.loss! * 0.6);
	expect(after.accuracy).toBeGreaterThan(0.9);
	expect(await page.getByTestId('plane').getAttribute('data-line')).not.toBe(lineBefore);
	expect(await chartPoints(page.getByTestId('loss-chart'))).toBeGreaterThan(4);
	expect(await chartPoints(page.getByTestId('weights-chart'))).toBeGreaterThan(6);
	await expect(page.getByTestId('error')).toHaveCount(0);
});

test('Step trains on one example and shows its forward and backward pass', async ({ page }) => {
	await page.goto(lesson.replace('lr=0.5', 'lr=0.3'));
	await waitUntilReady(page);
	await page.getByTestId('step').click();
	await expect(page.getByTestId('explain-z')).toBeVisible();
	await expect(page.getByTestId('status')).toHaveAttribute('data-step', '1');

	const read = async (id: string) => Number(await page.getByTestId(id).textContent());
	const z = await read('explain-z');
	const a = await read('explain-output');
	expect(a).toBeCloseTo(1 / (1 + Math.exp(-z)), 3);
	const [x1, x2] = (await page.getByTestId('explain-example').textContent())!
		.match(/-?\d+\.\d+/g)!
		.map(Number);
	const gradW1 = await read('explain-grad-w1');
	const gradW2 = await read('explain-grad-w2');
	// dL/dw1 and dL/dw2 share the factor dL/dz = a - y: their ratio is x1 / x2.
	if (Math.abs(x2) > 0.05 && Math.abs(gradW2) > 1e-3)
		expect(gradW1 / gradW2).toBeCloseTo(x1 / x2, 1);
	expect(Math.abs(gradW1)).toBeGreaterThan(0);

	await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('status')).toHaveAttribute('data-step', '2');
});

test('keyboard shortcuts drive training: Space, R, F and Escape', async ({ page }) => {
	await page.goto(lesson);
	await waitUntilReady(page);
	// Focus a button that is not Train: Space must still mean train/pause, not "click this".
	await page.getByTestId('reset').focus();
	await page.keyboard.press('Space');
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');
	await waitForStep(page, 5);
	await page.keyboard.press('Space');
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
	await page.keyboard.press('r');
	await expect(page.getByTestId('status')).toHaveAttribute('data-step', '0');

	await page.keyboard.press('f');
	await expect(page.getByTestId('live-model')).toHaveAttribute('data-presenting', 'true');
	const fontSize = await page
		.getByTestId('live-model')
		.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(fontSize).toBeGreaterThanOrEqual(20);
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('live-model')).toHaveAttribute('data-presenting', 'false');
});

test('settings live in the URL and a link reproduces them', async ({ page }) => {
	await page.goto('/lessons/perceptron/?data=xor&act=step&lr=0.03&batch=4&seed=7&speed=2');
	await waitUntilReady(page);
	await expect(page.getByTestId('preset-xor')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByRole('radio', { name: 'Step function' })).toBeChecked();
	await expect(page.getByTestId('learning-rate')).toHaveValue('0.03');
	await expect(page.getByTestId('seed')).toHaveValue('7');
	await expect(page.getByText('No single line separates XOR')).toBeVisible();

	await page.getByRole('radio', { name: 'Sigmoid' }).check({ force: true });
	await page.getByTestId('preset-noisy').click();
	await expect(page).toHaveURL(/act=sigmoid/);
	await expect(page).toHaveURL(/data=noisy/);

	const plane = page.getByTestId('plane');
	const box = (await plane.boundingBox())!;
	await plane.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
	await expect(page).toHaveURL(/add=50:50:1/);
	await plane.click({
		position: { x: box.width * 0.25, y: box.height * 0.75 },
		modifiers: ['Shift']
	});
	await expect(page).toHaveURL(/add=50:50:1~-50:-50:0/);
	await expect(page.getByText(/82 training points/)).toBeVisible();

	const shared = page.url();
	await page.goto(shared);
	await waitUntilReady(page);
	await expect(page.getByTestId('preset-noisy')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByText(/82 training points/)).toBeVisible();
});

test('a seeded run repeats exactly', async ({ page }) => {
	const run = async () => {
		await page.goto(lesson.replace('speed=5', 'speed=1'));
		await waitUntilReady(page);
		for (let step = 1; step <= 3; step++) {
			await page.keyboard.press('ArrowRight');
			await expect(page.getByTestId('status')).toHaveAttribute('data-step', String(step));
		}
		return page.getByTestId('plane').getAttribute('data-line');
	};
	const first = await run();
	expect(first).toMatch(/^-?\d/);
	expect(await run()).toBe(first);
});

test('with no points, training is off and the page says why', async ({ page }) => {
	await page.goto(lesson);
	await waitUntilReady(page);
	await page.getByTestId('clear-points').click();
	await expect(page.getByTestId('no-points')).toBeVisible();
	await expect(page.getByTestId('train')).toBeDisabled();
	await expect(page.getByTestId('step')).toBeDisabled();
});

test('the Chinese lesson trains too', async ({ page }) => {
	await openOnWebGpu(page, '/zh' + lesson);
	await expect(page.getByTestId('status')).toContainText('已暂停');
	await page.getByTestId('train').click();
	await waitForStep(page, 20);
	await expect(page.getByTestId('train')).toContainText('暂停');
	await expect(page.getByTestId('status')).toContainText('训练中');
});

test('a hidden tab pauses training and says so; training goes on when it is shown', async ({
	page
}) => {
	await page.goto(lesson);
	await waitUntilReady(page);
	await page.getByTestId('train').click();
	await waitForStep(page, 5);
	await setHidden(page, true);
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
	await expect(page.getByTestId('paused-hidden')).toContainText('paused while this tab is hidden');
	await setHidden(page, false);
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');
	await expect(page.getByTestId('paused-hidden')).toContainText('went on when you came back');
});
