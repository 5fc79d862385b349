import type { DetectOptions } from '$lib/engine/detection/detector';
import { choiceParam, integerParam, numberParam } from '$lib/training/query-params';

export const bundledPhotos = ['chelsea', 'coffee', 'astronaut'] as const;
export type BundledPhoto = (typeof bundledPhotos)[number];

/** The detection lesson's settings; all of them live in the URL. */
export interface DetectionSettings {
	scoreThreshold: number;
	iouThreshold: number;
	maxBoxes: number;
	photo: BundledPhoto;
}

export const maxBoxesLimit = 50;

export const defaultSettings: DetectionSettings = {
	scoreThreshold: 0.5,
	iouThreshold: 0.5,
	maxBoxes: 20,
	photo: 'chelsea'
};

/** The boxes handed to the NMS step-through: enough to show crowding, few enough to follow. */
const candidateLimit = 40;

export function parseSettings(params: URLSearchParams): DetectionSettings {
	const d = defaultSettings;
	const threshold = (name: string, fallback: number) =>
		Math.round(numberParam(params.get(name), 0.05, 0.95, fallback) * 100) / 100;
	return {
		scoreThreshold: threshold('score', d.scoreThreshold),
		iouThreshold: threshold('iou', d.iouThreshold),
		maxBoxes: integerParam(params.get('max'), 1, maxBoxesLimit, d.maxBoxes),
		photo: choiceParam(bundledPhotos, params.get('photo'), d.photo)
	};
}

export function settingsToQuery(settings: DetectionSettings): string {
	return new URLSearchParams({
		score: String(settings.scoreThreshold),
		iou: String(settings.iouThreshold),
		max: String(settings.maxBoxes),
		photo: settings.photo
	}).toString();
}

export function optionsOf(settings: DetectionSettings): DetectOptions {
	return {
		scoreThreshold: settings.scoreThreshold,
		iouThreshold: settings.iouThreshold,
		maxBoxes: settings.maxBoxes,
		candidateLimit
	};
}
