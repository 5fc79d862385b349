import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { cocoSsdArtifacts, photoPixels } from '../testing/coco-ssd';
import { iou, nonMaxSuppression } from './boxes';
import { cocoLabel, cocoNamedClasses } from './coco-classes';
import { CocoSsd, type DetectOptions } from './detector';

const options: DetectOptions = {
	scoreThreshold: 0.5,
	iouThreshold: 0.5,
	maxBoxes: 20,
	candidateLimit: 50
};

describe('COCO labels', () => {
	it('name the 80 classes by their dataset ids', () => {
		expect(cocoNamedClasses).toBe(80);
		expect([1, 17, 18, 47, 90].map(cocoLabel)).toEqual([
			'person',
			'cat',
			'dog',
			'cup',
			'toothbrush'
		]);
		expect(cocoLabel(12)).toBe('class 12');
	});
});

describe('COCO-SSD with our pipeline (real weights, CPU backend)', () => {
	let detector: CocoSsd;
	beforeAll(async () => {
		detector = await CocoSsd.load(tf.io.fromMemory(cocoSsdArtifacts()));
	}, 120_000);
	afterAll(() => detector?.dispose());

	it('finds the cat in chelsea.png, over the cat, and leaks no tensor', async () => {
		const photo = photoPixels('chelsea');
		const before = tf.memory().numTensors;
		const result = await detector.detect(photo, options);
		expect(tf.memory().numTensors).toBe(before);
		expect(result.tensors).toBe(before);
		expect([result.width, result.height]).toEqual([451, 300]);

		const cat = result.detections.find((d) => d.label === 'cat');
		expect(cat?.classId).toBe(17);
		expect(cat?.score).toBeGreaterThan(0.8);
		// The cat fills most of the photo; its box must too (zeros could not fake this).
		const { top, left, bottom, right } = cat!.box;
		expect((bottom - top) * (right - left)).toBeGreaterThan(0.3);
		expect(iou(cat!.box, { top: 0, left: 0, bottom: 1, right: 1 })).toBeGreaterThan(0.3);
	}, 120_000);

	it('keeps the boxes our step-through NMS keeps, and honours the options', async () => {
		const photo = photoPixels('astronaut');
		const loose = { ...options, scoreThreshold: 0.2, iouThreshold: 0.3 };
		const result = await detector.detect(photo, loose);
		expect(result.detections.some((d) => d.label === 'person')).toBe(true);
		for (const d of result.detections) expect(d.score).toBeGreaterThan(0.2);
		const replay = nonMaxSuppression(
			result.candidates.map((c) => c.box),
			result.candidates.map((c) => c.score),
			loose
		);
		expect(replay.kept.map((i) => result.candidates[i].score)).toEqual(
			result.detections.map((d) => d.score)
		);
		const one = await detector.detect(photo, { ...loose, maxBoxes: 1 });
		expect(one.detections).toHaveLength(1);
		expect(one.detections[0].score).toBe(result.detections[0].score);
	}, 120_000);
});
