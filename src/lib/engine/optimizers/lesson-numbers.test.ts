import { describe, expect, it } from 'vitest';
import { defaultSettings, type OptimizerKind } from './optimizer-spec';
import { SurfaceRace } from './optimizers';
import type { Point, SurfaceId } from './surfaces';

/** The numbers the optimiser lesson's text states, measured with the lab's own race. */

async function run(
	surface: SurfaceId,
	racers: { kind: OptimizerKind; learningRate?: number }[],
	steps: number,
	start?: Point
) {
	const race = new SurfaceRace({
		surface,
		start,
		seed: 1,
		historyCap: 2 * steps + 2,
		racers: racers.map(({ kind, learningRate }) => ({
			...defaultSettings(kind, surface),
			...(learningRate ? { learningRate } : {})
		}))
	});
	race.step(steps);
	const { racers: readouts } = await race.read();
	race.dispose();
	return readouts;
}

describe('the optimiser lesson, in numbers', () => {
	it('saddle: steps until |y| passes 1.3 (the valleys lie at ±√2) from y = 0.1, 0.01, 0.001', async () => {
		const kinds = ['gd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const;
		const steps: Record<string, number[]> = {};
		for (const y of [0.1, 0.01, 0.001]) {
			const readouts = await run(
				'saddle',
				kinds.map((kind) => ({ kind })),
				480,
				[-1.5, y]
			);
			readouts.forEach((r, i) => {
				let at = -1;
				for (let s = 0; s < r.trajectory.length / 2 && at < 0; s++)
					if (Math.abs(r.trajectory[2 * s + 1]) > 1.3) at = s * r.stride;
				(steps[kinds[i]] ??= []).push(at);
			});
		}
		// GD and momentum: y grows by a fixed factor per step, so each tenfold closer start costs a
		// fixed number of steps more (about 116 for GD).
		expect(steps.gd).toEqual([176, 292, 408]);
		expect(steps.momentum).toEqual([190, 324, 458]);
		// Adagrad: G₀ = 0.1 dwarfs these g², so it is GD at η/√G₀ ≈ 0.32: fast, but still a few
		// steps more per decade.
		expect(steps.adagrad).toEqual([41, 47, 51]);
		// RMSprop and Adam divide by the gradient's own size: nearly the same from every start.
		expect(steps.rmsprop).toEqual([107, 111, 112]);
		expect(steps.adam).toEqual([105, 107, 107]);
	});

	it('saddle: on the ridge y = 0 no optimiser with an exact gradient ever leaves it', async () => {
		const readouts = await run(
			'saddle',
			(['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const).map((kind) => ({
				kind
			})),
			300,
			[-1.5, 0]
		);
		for (const r of readouts) expect(r.position[1]).toBe(0);
	});

	it('Rosenbrock: GD survives up to 2e-3, 2/λ at the minimum, though 2/λ at the start is 0.96e-3', async () => {
		// The largest curvature (Hessian eigenvalue) at the start (−1.5, 2) and at the minimum (1, 1).
		const largest = (x: number, y: number) => {
			const [a, b, d] = [1200 * x * x - 400 * y + 2, -400 * x, 200];
			return (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
		};
		expect(2 / largest(-1.5, 2)).toBeCloseTo(0.96e-3, 5);
		expect(2 / largest(1, 1)).toBeCloseTo(2.0e-3, 5);
		const rates = [1.5e-3, 2e-3, 2.1e-3];
		const gd = await run(
			'rosenbrock',
			rates.map((learningRate) => ({ kind: 'gd', learningRate })),
			500
		);
		expect(gd.map((r) => r.status)).toEqual(['running', 'running', 'diverged']);
		expect(gd[2].divergedAt).toBeLessThanOrEqual(10);
		const momentum = await run(
			'rosenbrock',
			[2.1e-3, 2.2e-3].map((learningRate) => ({ kind: 'momentum', learningRate })),
			500
		);
		expect(momentum.map((r) => r.status)).toEqual(['running', 'diverged']);
		const nesterov = await run(
			'rosenbrock',
			[1.1e-3, 1.15e-3].map((learningRate) => ({ kind: 'nesterov', learningRate })),
			500
		);
		expect(nesterov.map((r) => r.status)).toEqual(['running', 'diverged']);
	});

	it('Beale: RMSprop ends bouncing between two points η apart, Adam settles on (3, 0.5)', async () => {
		const [rmsprop, adam] = await run('beale', [{ kind: 'rmsprop' }, { kind: 'adam' }], 2000);
		const t = rmsprop.trajectory;
		const n = t.length / 2;
		for (const axis of [0, 1]) {
			const last = t[2 * (n - 1) + axis];
			const before = t[2 * (n - 2) + axis];
			expect(Math.abs(last - before)).toBeCloseTo(0.01, 3);
			expect(t[2 * (n - 3) + axis]).toBeCloseTo(last, 4);
		}
		expect(adam.position[0]).toBeCloseTo(3, 3);
		expect(adam.position[1]).toBeCloseTo(0.5, 3);
	});
});
