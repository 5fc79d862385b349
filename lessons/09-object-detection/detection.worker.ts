import { hostCompute } from '$lib/engine/compute-host';
import { CocoSsd, type DetectOptions, type DetectionResult } from '$lib/engine/detection/detector';
import type { MessageEndpoint } from '$lib/engine/protocol';
import * as tf from '$lib/engine/tf';

export interface LoadRequest {
	url: string;
}

export interface DetectRequest {
	frame: ImageBitmap;
	options: DetectOptions;
}

export type DetectionRequests = {
	load: { payload: LoadRequest; result: { backend: string } };
	detect: { payload: DetectRequest; result: DetectionResult };
};

/** The graph resizes every image to 300×300; larger frames only cost copying. */
const maxSide = 640;

const endpoint = self as unknown as MessageEndpoint;
let modelUrl: string | null = null;
let detector: CocoSsd | null = null;
const canvas = new OffscreenCanvas(1, 1);
const context = canvas.getContext('2d', { willReadFrequently: true })!;

/** Loads the model on the backend in use; again after a lost GPU moved us to another backend. */
async function ready(): Promise<CocoSsd> {
	if (detector?.backend === tf.getBackend()) return detector;
	if (!modelUrl) throw new Error('no model loaded');
	try {
		detector?.dispose();
	} catch {
		// Its weights lived on a device that is gone.
	}
	detector = null;
	detector = await CocoSsd.load(modelUrl, (fraction) =>
		endpoint.postMessage({ type: 'loading', fraction })
	);
	return detector;
}

/** The frame's pixels, scaled down to maxSide; read once even if the request is retried. */
const pixelCache = new WeakMap<ImageBitmap, ImageData>();
function pixelsOf(frame: ImageBitmap): ImageData {
	let pixels = pixelCache.get(frame);
	if (!pixels) {
		const scale = Math.min(1, maxSide / Math.max(frame.width, frame.height));
		canvas.width = Math.max(1, Math.round(frame.width * scale));
		canvas.height = Math.max(1, Math.round(frame.height * scale));
		context.drawImage(frame, 0, 0, canvas.width, canvas.height);
		pixels = context.getImageData(0, 0, canvas.width, canvas.height);
		pixelCache.set(frame, pixels);
		frame.close();
	}
	return pixels;
}

hostCompute(endpoint, {
	load: async ({ url }: LoadRequest) => {
		modelUrl = url;
		detector?.dispose();
		detector = null;
		return { backend: (await ready()).backend };
	},
	detect: async ({ frame, options }: DetectRequest) =>
		(await ready()).detect(pixelsOf(frame), options)
});
