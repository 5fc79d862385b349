import type { Grid } from '$lib/engine/vision/conv-math';

/** Why the camera could not start; the UI says each in the reader's language. */
export type CameraProblem = 'insecure' | 'denied' | 'missing' | 'busy' | 'failed';

export class CameraError extends Error {
	constructor(
		readonly problem: CameraProblem,
		detail: string
	) {
		super(detail);
	}
}

/** Maps getUserMedia's DOMException names to what the reader can do about them. */
export function cameraProblemOf(error: unknown): CameraProblem {
	const name = error instanceof DOMException || error instanceof Error ? error.name : '';
	if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
	if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
	if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
	return 'failed';
}

/** Asks for the camera; throws a CameraError that says which problem it met. */
export async function openCamera(): Promise<MediaStream> {
	if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
		throw new CameraError(
			'insecure',
			'navigator.mediaDevices is unavailable (not a secure context)'
		);
	}
	try {
		return await navigator.mediaDevices.getUserMedia({
			video: { width: 640, height: 480 },
			audio: false
		});
	} catch (error) {
		throw new CameraError(cameraProblemOf(error), String(error));
	}
}

/** A video frame as a grayscale grid (0 black, 1 white), scaled to `width` pixels across. */
export function grayscaleFrame(
	source: CanvasImageSource,
	sourceWidth: number,
	sourceHeight: number,
	width: number,
	canvas: HTMLCanvasElement
): Grid {
	const height = Math.round((sourceHeight / sourceWidth) * width);
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
	ctx.drawImage(source, 0, 0, width, height);
	return toGrayscale(ctx.getImageData(0, 0, width, height));
}

/** Luma (Rec. 601) of each pixel, 0 to 1. */
export function toGrayscale(image: ImageData): Grid {
	const values = new Float32Array(image.width * image.height);
	for (let i = 0; i < values.length; i++) {
		const [r, g, b] = image.data.subarray(i * 4, i * 4 + 3);
		values[i] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
	}
	return { width: image.width, height: image.height, values };
}
