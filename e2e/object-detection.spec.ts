import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions } from './browser.js';
import { expect, setHidden, test, watchLongTasks } from './fixtures';

// A fake webcam that films chelsea.png (CC0, from Debian's python3-skimage), made here with ffmpeg;
// Chromium plays it in a loop as the camera. The file must exist before the browser starts.
const photo = 'static/datasets/photos/chelsea.png';
const fakeCamera = join(tmpdir(), 'tensor-trail-chelsea.y4m');
execFileSync('ffmpeg', [
	...['-y', '-v', 'error', '-loop', '1', '-i', photo],
	...['-vf', 'scale=640:-2,format=yuv420p', '-t', '2', '-r', '5', fakeCamera]
]);
test.use({
	launchOptions: chromiumLaunchOptions([
		'--use-fake-device-for-media-stream',
		`--use-file-for-fake-video-capture=${fakeCamera}`
	])
});

const lesson = '/lessons/object-detection/?score=0.5&iou=0.5&max=20&photo=chelsea';

async function detectionsOf(page: Page) {
	return page
		.getByTestId('detections')
		.locator('li')
		.evaluateAll((items) =>
			items.map((item) => ({
				label: item.getAttribute('data-label'),
				score: Number(item.getAttribute('data-score')),
				box: item.getAttribute('data-box')!.split(',').map(Number)
			}))
		);
}

/** The cat fills most of chelsea.png: a box over it covers over a third of the picture. */
function expectCat(detections: Awaited<ReturnType<typeof detectionsOf>>) {
	const cat = detections.find((d) => d.label === 'cat');
	expect(cat, JSON.stringify(detections)).toBeDefined();
	expect(cat!.score).toBeGreaterThanOrEqual(0.5);
	const [top, left, bottom, right] = cat!.box;
	expect((bottom - top) * (right - left)).toBeGreaterThan(0.35);
}

async function waitForFrames(page: Page, atLeast: number) {
	await expect
		.poll(async () => Number(await page.getByTestId('status').getAttribute('data-step')), {
			timeout: 150_000
		})
		.toBeGreaterThanOrEqual(atLeast);
}

test('the webcam: a cat box over the cat on WebGPU, frames keep coming, the page never blocks', async ({
	page,
	context
}) => {
	await context.grantPermissions(['camera']);
	await page.goto(lesson);
	await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
	await waitForFrames(page, 1); // the bundled photo, once the model is ready
	const stillFrames = Number(await page.getByTestId('status').getAttribute('data-step'));

	await page.getByTestId('camera-start').click();
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'true');
	// Watched from the first camera frame on: opening the camera is the browser's work, once.
	await waitForFrames(page, stillFrames + 1);
	const longTasks = await watchLongTasks(page);
	await waitForFrames(page, stillFrames + 2);
	expectCat(await detectionsOf(page));
	const status = page.getByTestId('status');
	expect(Number(await status.getAttribute('data-detections'))).toBeGreaterThanOrEqual(1);
	expect(Number(await page.getByTestId('latency').getAttribute('data-latency'))).toBeGreaterThan(0);
	// The model's own tensors, and nothing left behind by each frame.
	const tensors = await status.getAttribute('data-tensors');
	await waitForFrames(page, stillFrames + 3);
	expect(await status.getAttribute('data-tensors')).toBe(tensors);
	expect(await longTasks()).toEqual([]);

	// A hidden tab pauses detection and says so; coming back resumes it.
	await setHidden(page, true);
	await expect(status).toHaveAttribute('data-running', 'false');
	await expect(page.getByTestId('paused-hidden')).toBeVisible();
	await setHidden(page, false);
	await expect(status).toHaveAttribute('data-running', 'true');
	await waitForFrames(page, Number(await status.getAttribute('data-step')) + 1);

	await page.keyboard.press('Space');
	await expect(status).toHaveAttribute('data-running', 'false');
	await expect(page.getByTestId('camera-start')).toBeVisible();
});

test('camera denied: its message, and uploads still detect; a broken file keeps the picture', async ({
	page
}) => {
	await page.goto(lesson);
	await waitForFrames(page, 1);
	await page.getByTestId('camera-start').click();
	await expect(page.getByTestId('camera-problem')).toContainText('denied');
	await expect(page.getByTestId('status')).toHaveAttribute('data-running', 'false');

	const frames = Number(await page.getByTestId('status').getAttribute('data-step'));
	await page.getByTestId('photo-astronaut').click();
	await waitForFrames(page, frames + 1);
	await expect(page.getByTestId('detections').locator('li[data-label="person"]')).not.toHaveCount(
		0
	);

	await page.getByTestId('image-upload').setInputFiles(photo);
	await waitForFrames(page, frames + 2);
	expectCat(await detectionsOf(page));

	// A text file whose name and content carry HTML: named in the message as text, never markup.
	const payload = '<img src=x onerror=alert(1)>';
	await page.getByTestId('image-upload').setInputFiles({
		name: `${payload}.png`,
		mimeType: 'image/png',
		buffer: Buffer.from(`${payload} this is text`)
	});
	await expect(page.getByTestId('file-problem')).toContainText(`${payload}.png`);
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	expectCat(await detectionsOf(page));
});

test('NMS replayed on the real candidates ends with the boxes the lab kept; IoU and anchors respond', async ({
	page
}) => {
	await page.goto(
		lesson.replace('score=0.5', 'score=0.2').replace('photo=chelsea', 'photo=astronaut')
	);
	await waitForFrames(page, 1);
	const kept = (await detectionsOf(page)).length;
	const stepper = page.getByTestId('nms-stepper');
	await expect(stepper).toHaveAttribute('data-kept', String(kept));
	await expect(stepper).toHaveAttribute('data-steps', String(kept));
	await expect(page.getByTestId('nms-description')).toContainText('Before NMS');
	await page.getByTestId('nms-next').click();
	await expect(page.getByTestId('nms-description')).toContainText(`Round 1 of ${kept}`);
	await page.getByTestId('nms-last').click();
	await expect(page.getByTestId('nms-description')).toContainText(`${kept} box(es) kept`);

	const iou = page.getByTestId('iou-value');
	const before = Number(await iou.getAttribute('data-iou'));
	expect(before).toBeGreaterThan(0);
	await page.getByRole('button', { name: /Box B/ }).focus();
	for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
	expect(Number(await iou.getAttribute('data-iou'))).toBeLessThan(before);

	await page.getByTestId('anchor-layer-19').click();
	await expect(page.getByTestId('anchor-grid')).toHaveAttribute('data-boxes', '3');
	await expect(page.getByTestId('anchor-description')).toContainText('1083');
	await page.getByTestId('anchor-layer-10').click();
	await expect(page.getByTestId('anchor-grid')).toHaveAttribute('data-boxes', '6');

	// YOLO's grid: each kept box's responsible cell is the one holding its centre, on 7×7 and 3×3.
	const yolo = page.getByTestId('yolo-grid');
	const boxes = (await detectionsOf(page)).map((d) => d.box);
	for (const size of [7, 3]) {
		await page.getByTestId(`yolo-size-${size}`).check();
		await expect(yolo).toHaveAttribute('data-size', String(size));
		const cell = (v: number) => Math.min(size - 1, Math.floor(v * size));
		const expected = boxes.map(([top, left, bottom, right]) =>
			[cell((top + bottom) / 2), cell((left + right) / 2)].join(',')
		);
		await expect(yolo).toHaveAttribute('data-cells', expected.join(';'));
	}

	// Two stages: the candidates as proposals, a RoI resampled both ways, NMS's boxes at the end.
	const walk = page.getByTestId('two-stage');
	const proposals = Number(await walk.getAttribute('data-proposals'));
	expect(proposals).toBeGreaterThanOrEqual(kept);
	await page.getByTestId('two-stage-crops').click();
	await expect(walk).toHaveAttribute('data-painted', 'true');
	const shift = Number(await walk.getAttribute('data-shift'));
	expect(shift).toBeGreaterThanOrEqual(0);
	expect(shift).toBeLessThanOrEqual(8);
	await page.getByTestId('two-stage-classified').click();
	await expect(walk).toHaveAttribute('data-kept', String(kept));
	await expect(page.getByTestId('two-stage-description')).toContainText(
		`keeps ${kept} of the ${proposals}`
	);
});

test('a lost GPU device: detection moves to another backend, reloads the model, keeps the settings', async ({
	page
}) => {
	await page.goto(lesson.replace('max=20', 'max=7'));
	await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
	await waitForFrames(page, 1);
	await page.getByTestId('live-model').dispatchEvent('tensor-trail:lose-device');
	await page.getByTestId('score-threshold').fill('0.6');

	await expect(page.getByTestId('device-lost')).toBeVisible();
	await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', /^(webgl|cpu)$/);
	await waitForFrames(page, 2);
	expectCat(await detectionsOf(page));
	await expect(page.getByTestId('max-boxes')).toHaveValue('7');
	await expect(page).toHaveURL(/score=0.6/);
	await expect(page.getByTestId('detect-problem')).toHaveCount(0);
});

test('without the model files: the page says so, offers the hosted copy, and keeps the photo', async ({
	page
}) => {
	await page.route('**/models/coco-ssd/model.json', (route) => route.fulfill({ status: 404 }));
	await page.goto(lesson);
	const problem = page.getByTestId('model-problem');
	await expect(problem).toContainText('could not be loaded from this site');
	// Offered, not taken: nothing leaves this machine unless the reader presses it.
	await expect(page.getByTestId('use-hosted')).toContainText('storage.googleapis.com');
	await expect(page.getByTestId('detection-view').locator('img')).toBeVisible();
	await expect(page.getByTestId('status')).toHaveAttribute('data-step', '0');
});
