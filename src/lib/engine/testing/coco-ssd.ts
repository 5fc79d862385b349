import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '../tf';

/** The COCO-SSD files prepare-assets.js put under static/ (verified by sha256 there). */
const modelDir = join(import.meta.dirname, '../../../../static/models/coco-ssd');
const photoDir = join(import.meta.dirname, '../../../../static/datasets/photos');

interface WeightsManifest {
	paths: string[];
	weights: tf.io.WeightsManifestEntry[];
}

/** The model.json and weights as tfjs model artifacts, for loading in Node without a server. */
export function cocoSsdArtifacts(): tf.io.ModelArtifacts {
	const json = JSON.parse(readFileSync(join(modelDir, 'model.json'), 'utf8')) as {
		modelTopology: object;
		weightsManifest: WeightsManifest[];
	};
	const shards = json.weightsManifest.flatMap((group) =>
		group.paths.map((path) => readFileSync(join(modelDir, path)))
	);
	const bytes = Buffer.concat(shards);
	return {
		modelTopology: json.modelTopology,
		weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
		weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
	};
}

/** One float32 constant of the graph, by name (for checking what we compute against it). */
export function cocoSsdWeight(name: string): Float32Array {
	const artifacts = cocoSsdArtifacts();
	let offset = 0;
	for (const spec of artifacts.weightSpecs ?? []) {
		if (spec.quantization) throw new Error(`${spec.name} is quantised: not handled here`);
		const length = spec.shape.reduce((a, b) => a * b, 1);
		if (spec.name === name) {
			return new Float32Array(
				(artifacts.weightData as ArrayBuffer).slice(offset, offset + length * 4)
			);
		}
		offset += length * (spec.dtype === 'float32' || spec.dtype === 'int32' ? 4 : 1);
	}
	throw new Error(`no weight ${name}`);
}

/** A bundled photo as RGBA pixels, decoded by ffmpeg (a test-time tool, like the fake webcam). */
export function photoPixels(name: string): tf.PixelData {
	const path = join(photoDir, `${name}.png`);
	const probe = execFileSync('ffprobe', [
		...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height'],
		...['-of', 'csv=p=0', path]
	])
		.toString()
		.trim()
		.split(',')
		.map(Number);
	const [width, height] = probe;
	const raw = execFileSync('ffmpeg', [
		...['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-']
	]);
	return { width, height, data: new Uint8Array(raw.buffer, raw.byteOffset, raw.length) };
}
