import type { DetectOptions, DetectionResult } from '$lib/engine/detection/detector';

/**
 * The last still image the lab detected on, for the explainers further down the page (NMS
 * step-through, default boxes): they replay what the network really produced for it.
 */
export const explainerFrame = $state<{
	imageUrl: string | null;
	result: DetectionResult | null;
	options: DetectOptions | null;
}>({ imageUrl: null, result: null, options: null });
