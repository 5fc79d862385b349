import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './browser.js';
import { expect, test } from './fixtures';

// A fake camera filming chelsea.png (as in the detection lesson's test), made here with ffmpeg.
const fakeCamera = join(tmpdir(), 'tensor-trail-convolution.y4m');
execFileSync('ffmpeg', [
	...['-y', '-v', 'error', '-loop', '1', '-i', 'static/datasets/photos/chelsea.png'],
	...['-vf', 'scale=640:-2,format=yuv420p', '-t', '2', '-r', '5', fakeCamera]
]);
test.use({
	launchOptions: chromiumLaunchOptions([
		'--use-fake-device-for-media-stream',
		`--use-file-for-fake-video-capture=${fakeCamera}`
	])
});

const lab =
	'/lessons/convolution/?src=digit&digit=0&kernel=sobel-x&size=3&pad=valid&stride=1&pool=max&psize=2&pstride=2';

test('the camera: its frames are convolved on WebGPU, 160 pixels wide', async ({
	page,
	context
}) => {
	await context.grantPermissions(['camera']);
	await page.goto(lab);
	await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
	await expect(page.getByTestId('feature-map')).toHaveAttribute('data-width', '26');
	await page.getByTestId('source-webcam').click();
	await page.getByTestId('camera-start').click();
	const map = page.getByTestId('feature-map');
	// 160 − 3 + 1 columns: a valid 3×3 convolution of the camera's 160-pixel-wide grey frame.
	await expect(map).toHaveAttribute('data-width', '158');
	await expect(page.getByTestId('camera-problem')).toHaveCount(0);
	await page.getByTestId('camera-stop').click();
	await expect(page.getByTestId('camera-start')).toBeVisible();
});

test('camera denied: the lab says so and keeps working on the other inputs', async ({ page }) => {
	await page.goto(lab);
	const map = page.getByTestId('feature-map');
	await expect(map).toHaveAttribute('data-width', '26');
	const digitChecksum = await map.getAttribute('data-checksum');
	await page.getByTestId('source-webcam').click();
	await page.getByTestId('camera-start').click();
	await expect(page.getByTestId('camera-problem')).toContainText('denied');
	await expect(page.getByTestId('camera-start')).toBeVisible();

	await page.getByTestId('source-photo').click();
	await expect(map).not.toHaveAttribute('data-width', '26');
	await page.getByTestId('source-digit').click();
	await expect(map).toHaveAttribute('data-width', '26');
	await expect(map).toHaveAttribute('data-checksum', digitChecksum!);
	await expect(page).toHaveURL(/src=digit/);
});
