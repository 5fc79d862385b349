import {
	expect,
	removeWebGpu,
	setHidden,
	statusOf,
	test,
	waitForStep,
	waitUntilReady,
	openOnWebGpu
} from './fixtures';

/**
 * The faults every training lesson must survive (issue 8), on each lesson's small e2e settings.
 * The perceptron's, the LSTM's and object detection's own specs cover them there too.
 */
const lessons: { slug: string; url: string; diverging?: string }[] = [
	{
		slug: 'neural-networks',
		url: '/lessons/neural-networks/?hidden=4&speed=4&engine=webgpu-fused',
		// tanh saturates: at rate 1000 its loss stays bounded (about 8), so it never diverges.
		diverging: 'act=relu'
	},
	{ slug: 'initialization', url: '/lessons/initialization/?depth=6&width=16&batch=32&speed=5' },
	{ slug: 'optimizers', url: '/lessons/optimizers/?speed=5' },
	{ slug: 'cnn', url: '/lessons/cnn/?lr=0.003&batch=8&seed=1&speed=5&digit=0&eval=100' },
	{
		slug: 'augmentation',
		url: '/lessons/augmentation/?rot=12&shift=0.1&zoom=0.1&flip=0&noise=0.05&lr=0.003&batch=8&seed=1&train=500&eval=100&speed=5'
	},
	{ slug: 'lstm-text', url: '/lessons/lstm-text/?units=32&seq=20&batch=16&lr=0.01&speed=5' },
	{
		slug: 'rnn-variants',
		url: '/lessons/rnn-variants/?length=10&units=16&batch=16&lr=0.01&speed=5'
	}
];

/** The lesson's URL with its learning rate set to `rate`. */
function withRate(url: string, rate: number, extra = ''): string {
	const link = new URL(url, 'http://localhost');
	link.searchParams.set('lr', String(rate));
	for (const [key, value] of new URLSearchParams(extra)) link.searchParams.set(key, value);
	return link.pathname + link.search;
}

for (const { slug, url, diverging } of lessons) {
	test.describe(slug, () => {
		// One page load for the faults WebGPU itself can have: a hidden tab, then a lost device.
		test('a hidden tab pauses and resumes; a lost GPU device moves training on elsewhere', async ({
			page
		}) => {
			test.setTimeout(300_000);
			await openOnWebGpu(page, url);
			const query = new URL(page.url()).search;
			await page.getByTestId('train').click();
			await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');

			await setHidden(page, true);
			await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
			await expect(page.getByTestId('paused-hidden')).toBeVisible();
			const paused = (await statusOf(page)).step;
			await setHidden(page, false);
			await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');
			await waitForStep(page, paused + 1);

			await page.getByTestId('live-model').dispatchEvent('tensor-trail:lose-device');
			await expect(page.getByTestId('device-lost')).toBeVisible();
			await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', /^(webgl|cpu)$/);
			await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');
			await waitForStep(page, (await statusOf(page)).step + 2);
			expect(new URL(page.url()).search).toBe(query);
			await expect(page.getByTestId('error')).toHaveCount(0);
		});

		// The optimiser race has a rate per racer: optimizers.spec.ts drops a diverging one. The
		// stop on divergence is the session's, whatever the backend: it is tested on the fallback.
		const diverges = slug !== 'optimizers';
		test(`without navigator.gpu it falls back, says why, and trains${diverges ? '; at learning rate 1000 it stops and says why' : ''}`, async ({
			page
		}) => {
			test.setTimeout(240_000);
			await removeWebGpu(page);
			await page.goto(diverges ? withRate(url, 1000, diverging) : url);
			await waitUntilReady(page);
			const badge = page.getByTestId('backend');
			await expect(badge).toHaveAttribute('data-backend', /^(webgl|cpu)$/);
			await expect(badge).toContainText('WebGPU unavailable: this browser has no WebGPU');
			await page.getByTestId('train').click();
			if (!diverges) {
				await waitForStep(page, 2);
				return;
			}
			await expect(page.getByTestId('learning-rate')).toHaveValue('1000');
			await expect(page.getByTestId('stopped')).toContainText(
				'the learning rate is probably too high',
				{ timeout: 150_000 }
			);
			expect((await statusOf(page)).step, 'steps trained before the stop').toBeGreaterThan(0);
			await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');
			await expect(page.getByTestId('error')).toHaveCount(0);
		});
	});
}

test.describe('convolution', () => {
	const url =
		'/lessons/convolution/?src=digit&digit=0&kernel=sobel-x&size=3&pad=valid&stride=1&pool=max&psize=2&pstride=2';

	test('without navigator.gpu it falls back, says why, and convolves', async ({ page }) => {
		await removeWebGpu(page);
		await page.goto(url);
		const badge = page.getByTestId('backend');
		await expect(badge).toHaveAttribute('data-backend', /^(webgl|cpu)$/);
		await expect(badge).toContainText('WebGPU unavailable: this browser has no WebGPU');
		await expect(page.getByTestId('feature-map')).toHaveAttribute('data-width', '26');
	});

	test('a lost GPU device: the next convolution runs elsewhere, a message shown', async ({
		page
	}) => {
		await page.goto(url);
		await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
		await expect(page.getByTestId('feature-map')).toHaveAttribute('data-width', '26');
		await page.getByTestId('live-model').dispatchEvent('tensor-trail:lose-device');
		await page.getByTestId('stride').fill('2');
		await expect(page.getByTestId('device-lost')).toBeVisible();
		await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', /^(webgl|cpu)$/);
		await expect(page.getByTestId('feature-map')).toHaveAttribute('data-width', '13');
		await expect(page.getByTestId('error')).toHaveCount(0);
	});
});
