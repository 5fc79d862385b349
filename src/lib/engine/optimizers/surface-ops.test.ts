import { describe, expect, it } from 'vitest';
import { createRng, uniform } from '../random';
import * as tf from '../tf';
import { surfaceLoss, surfaceValue } from './surface-ops';
import { surfaceIds, surfaces, type Point } from './surfaces';

const closeTo = (actual: number, expected: number, relative: number, absolute: number) =>
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(absolute + relative * Math.abs(expected));

/** Points to check at: the start, the minima and a few drawn over the domain. */
function probes(id: (typeof surfaceIds)[number]): Point[] {
	const { domain, start, minima } = surfaces[id];
	const rng = createRng(5);
	const drawn = Array.from({ length: 6 }, (): Point => [
		uniform(rng, domain.xMin, domain.xMax),
		uniform(rng, domain.yMin, domain.yMax)
	]);
	return [start, ...minima, ...drawn];
}

describe('the surfaces in tfjs', () => {
	it('compute the plain functions', async () => {
		for (const id of surfaceIds) {
			const points = probes(id);
			const values = tf.tidy(() =>
				surfaceValue(id, tf.tensor1d(points.map((p) => p[0])), tf.tensor1d(points.map((p) => p[1])))
			);
			const data = await values.data();
			values.dispose();
			points.forEach(([x, y], i) => closeTo(data[i], surfaces[id].f(x, y), 2e-5, 1e-5));
		}
	});

	it('have autodiff gradients that match finite differences of the plain functions', async () => {
		const h = 1e-6;
		for (const id of surfaceIds) {
			const { f } = surfaces[id];
			for (const [x, y] of probes(id)) {
				const gradient = tf.tidy(() =>
					tf.grad((p: tf.Tensor) => surfaceLoss(id, p as tf.Tensor1D))(tf.tensor1d([x, y]))
				);
				const [gx, gy] = await gradient.data();
				gradient.dispose();
				const fx = (f(x + h, y) - f(x - h, y)) / (2 * h);
				const fy = (f(x, y + h) - f(x, y - h)) / (2 * h);
				// float32 autodiff against float64 differences: the scale of f sets the tolerance.
				const scale = 1e-5 * (1 + Math.abs(f(x, y)));
				closeTo(gx, fx, 1e-4, scale);
				closeTo(gy, fy, 1e-4, scale);
			}
		}
	});

	it('add the noise vector to the gradient, through the loss, so autodiff sees it', async () => {
		const noise = tf.tensor1d([0.3, -1.2]);
		const at = tf.tensor1d([0.5, -0.25]);
		const [plain, noisy] = [null, noise].map((n) =>
			tf.grad((p: tf.Tensor) => surfaceLoss('noisyQuadratic', p as tf.Tensor1D, n))(at)
		);
		const [a, b] = [await plain.data(), await noisy.data()];
		expect(Array.from(a)).toEqual([0.5, -2.5]);
		expect(b[0]).toBeCloseTo(0.5 + 0.3, 6);
		expect(b[1]).toBeCloseTo(-2.5 - 1.2, 6);
		tf.dispose([noise, at, plain, noisy]);
	});
});
