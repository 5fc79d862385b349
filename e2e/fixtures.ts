import {
	test as base,
	expect,
	type ConsoleMessage,
	type Locator,
	type Page
} from '@playwright/test';

const ownOrigin = /^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|data:|blob:)/;
/**
 * WebGPU validation errors reach the console only as warnings, and an invalid shader silently drops
 * every command submitted with it: training goes on with wrong numbers. They count as errors.
 */
const gpuValidation = /WGSL|\[Invalid [A-Za-z]+|GPUValidationError/;

/**
 * Every test fails on a console error (in the page or one of its workers), a WebGPU validation
 * error, or an uncaught exception, and on any request that leaves this machine. Such requests are
 * also blocked, as with the network cable pulled: every lesson must work offline.
 */
export const test = base.extend<{ consoleErrors: string[]; foreignRequests: string[] }>({
	foreignRequests: [
		async ({ page, context }, use) => {
			const foreign: string[] = [];
			await context.route(
				(url) => !ownOrigin.test(url.href),
				(route) => route.abort('internetdisconnected')
			);
			page.on('request', (request) => {
				if (!ownOrigin.test(request.url())) foreign.push(request.url());
			});
			await use(foreign);
			expect(foreign, 'requests to other origins').toEqual([]);
		},
		{ auto: true }
	],
	consoleErrors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			const listen = (where: string) => (message: ConsoleMessage) => {
				if (message.type() === 'error' || gpuValidation.test(message.text()))
					errors.push(`${where}: ${message.text()}`);
			};
			page.on('console', listen('page'));
			page.on('worker', (worker) => worker.on('console', listen(`worker ${worker.url()}`)));
			page.on('pageerror', (error) => errors.push(error.message));
			await use(errors);
			expect(errors, 'console errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** The numbers a live model's status element carries for tests. */
export async function statusOf(page: Page) {
	const status = page.getByTestId('status');
	const number = async (name: string) => {
		const value = await status.getAttribute(`data-${name}`);
		return value === null ? undefined : Number(value);
	};
	return {
		step: (await number('step')) ?? 0,
		loss: await number('loss'),
		accuracy: await number('accuracy'),
		running: (await status.getAttribute('data-running')) === 'true'
	};
}

/**
 * Waits until the model's backend is up and its shaders are warm (Train is enabled). SwiftShader
 * compiles on the CPU: the augmentation race's two CNNs take about a minute on a busy 2-core machine.
 */
export async function waitUntilReady(page: Page): Promise<void> {
	await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', /.+/);
	await expect(page.getByTestId('train')).toBeEnabled({ timeout: 120_000 });
	await expect(page.getByTestId('status')).toHaveAttribute('data-loss', /.+/);
}

/** Opens a lesson and waits until it is ready on WebGPU (asserted: no silent fallback). */
export async function openOnWebGpu(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await waitUntilReady(page);
	await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
}

export async function waitForStep(page: Page, atLeast: number): Promise<void> {
	await expect
		.poll(async () => (await statusOf(page)).step, { timeout: 120_000 })
		.toBeGreaterThanOrEqual(atLeast);
}

export async function chartPoints(chart: Locator): Promise<number> {
	return Number(await chart.getAttribute('data-points'));
}

/** Trains from the current state for at least 60 steps and checks that the loss fell. */
export async function trainAndExpectLossToFall(page: Page): Promise<void> {
	const before = await statusOf(page);
	await page.getByTestId('train').click();
	await waitForStep(page, before.step + 60);
	await page.getByTestId('train').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
	expect((await statusOf(page)).loss).toBeLessThan(before.loss! * 0.6);
	expect(await chartPoints(page.getByTestId('loss-chart'))).toBeGreaterThan(2);
}

/** Starts recording main-thread tasks over 50 ms; the returned function reads their durations. */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
	await page.evaluate(() => {
		const w = window as unknown as { longTasks: number[] };
		w.longTasks = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
		}).observe({ type: 'longtask' });
	});
	return () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

/**
 * Takes WebGPU away as a browser without it would: no navigator.gpu in the page or in the
 * training worker (Chromium has no flag that removes it, so the worker script gets one line first).
 */
export async function removeWebGpu(page: Page): Promise<void> {
	await page.addInitScript(() => delete (Navigator.prototype as { gpu?: unknown }).gpu);
	await page.route('**/*.worker-*.js', async (route) => {
		const response = await route.fetch();
		const body = `delete WorkerNavigator.prototype.gpu;\n${await response.text()}`;
		await route.fulfill({ response, body });
	});
}

/** Fakes the tab going hidden (or visible again), as switching tabs or minimising would. */
export async function setHidden(page: Page, hidden: boolean): Promise<void> {
	await page.evaluate((value) => {
		Object.defineProperty(document, 'hidden', { value, configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	}, hidden);
}
