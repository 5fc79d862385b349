import { describe, expect, it } from 'vitest';
import * as tf from '../tf';
import {
	defaultSettings,
	gradientNoise,
	optimizerKinds,
	type OptimizerKind,
	type RaceReadout
} from './optimizer-spec';
import { createOptimizer, disposeOptimizer, SurfaceRace } from './optimizers';
import { surfaces, type SurfaceId } from './surfaces';

const race = (surface: SurfaceId, kinds: readonly OptimizerKind[], seed = 1) =>
	new SurfaceRace({ surface, seed, racers: kinds.map((kind) => defaultSettings(kind, surface)) });

/** ∇f at (x, y) by central differences of the plain function. */
function exactGradient(surface: SurfaceId, x: number, y: number): [number, number] {
	const { f } = surfaces[surface];
	const h = 1e-6;
	return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}

describe('createOptimizer', () => {
	it("builds tfjs's own optimisers with the settings given", () => {
		const before = tf.memory().numTensors;
		const names = optimizerKinds.map((kind) => {
			const optimizer = createOptimizer(kind, { learningRate: 0.02 });
			const name = optimizer.getClassName();
			const config = optimizer.getConfig();
			disposeOptimizer(optimizer);
			expect(config.learningRate).toBe(0.02);
			return [name, config.useNesterov ?? null];
		});
		expect(names).toEqual([
			['SGD', null],
			['SGD', null],
			['Momentum', false],
			['Momentum', true],
			['Adagrad', null],
			['RMSProp', null],
			['Adam', null]
		]);
		const adam = createOptimizer('adam', { beta1: 0.8, beta2: 0.99, epsilon: 1e-6 });
		expect(adam.getConfig()).toMatchObject({ beta1: 0.8, beta2: 0.99, epsilon: 1e-6 });
		disposeOptimizer(adam);
		// disposeOptimizer frees what tfjs's own dispose() leaves of momentum's (see there).
		expect(tf.memory().numTensors).toBe(before);
	});
});

describe('gradient noise', () => {
	it("is none for 'gd', the surface's σ for 'sgd', and for the others only on the noisy surface", () => {
		const sigma = (kind: OptimizerKind, surface: SurfaceId) =>
			gradientNoise(defaultSettings(kind, surface), surface);
		expect(sigma('gd', 'noisyQuadratic')).toBe(0);
		expect(sigma('sgd', 'rosenbrock')).toBe(surfaces.rosenbrock.noise);
		expect(sigma('adam', 'rosenbrock')).toBe(0);
		expect(sigma('adam', 'noisyQuadratic')).toBe(surfaces.noisyQuadratic.noise);
		expect(gradientNoise({ ...defaultSettings('sgd'), noise: 0 }, 'beale')).toBe(0);
	});
});

describe('SurfaceRace', () => {
	it('with default rates, every optimiser brings Rosenbrock from (−1.5, 2) below 40% in 500 steps', async () => {
		const start = surfaces.rosenbrock.f(-1.5, 2);
		const r = race('rosenbrock', optimizerKinds);
		expect(r.start).toEqual([-1.5, 2]);
		let readout: RaceReadout | null = null;
		for (let chunk = 0; chunk < 10; chunk++) {
			r.step(50);
			readout = await r.read();
		}
		const final = new Map(readout!.racers.map((racer) => [racer.settings.kind, racer]));
		for (const kind of optimizerKinds) {
			const racer = final.get(kind)!;
			expect(racer.status, kind).toBe('running');
			expect(racer.steps).toBe(500);
			expect(racer.loss, kind).toBeLessThan(0.4 * start);
			// The loss read back is f at the position read back.
			expect(racer.loss).toBeCloseTo(surfaces.rosenbrock.f(...racer.position), 3);
		}
		// Momentum, Nesterov, RMSprop and Adam get out of the valley's crawl: below 10%.
		for (const kind of ['momentum', 'nesterov', 'rmsprop', 'adam'] as const) {
			expect(final.get(kind)!.loss, kind).toBeLessThan(0.1 * start);
		}
		r.dispose();
	});

	it('leaks no tensors over 100 steps and reads, and frees everything when disposed', async () => {
		const before = tf.memory().numTensors;
		const r = race('noisyQuadratic', optimizerKinds);
		r.step(1);
		await r.read();
		const settled = tf.memory().numTensors;
		for (let i = 0; i < 100; i++) {
			r.step(1);
			if (i % 10 === 9) await r.read();
		}
		expect(tf.memory().numTensors).toBe(settled);
		r.restart();
		r.step(3);
		const restarted = await r.read();
		expect(restarted.steps).toBe(3);
		expect(restarted.racers.every((racer) => racer.steps === 3)).toBe(true);
		expect(Array.from(restarted.racers[0].trajectory.slice(0, 2))).toEqual(
			Array.from(new Float32Array(r.start))
		);
		expect(tf.memory().numTensors).toBe(settled);
		r.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});

	it("reads 'gd' as θ − η g on the exact gradient, and 'sgd' on the gradient plus its noise", async () => {
		const r = race('rosenbrock', ['gd', 'sgd']);
		const [x, y] = r.start;
		const exact = exactGradient('rosenbrock', x, y);
		r.step(1);
		for (const parameter of [0, 1] as const) {
			const [gd, sgd] = (await r.read(parameter)).racers;
			const eta = gd.settings.learningRate;
			expect(gd.update.values.gradient).toBeCloseTo(exact[parameter], 3);
			expect(gd.update.values.noise).toBe(0);
			expect(gd.update.values.step).toBeCloseTo(-eta * gd.update.values.gradient!, 5);
			const { gradient, noise, step } = sgd.update.values;
			expect(Math.abs(noise!)).toBeGreaterThan(0);
			expect(gradient).toBeCloseTo(exact[parameter] + noise!, 3);
			expect(step).toBeCloseTo(-eta * gradient!, 5);
			expect(gd.update.values.parameter).toBe(gd.position[parameter]);
		}
		r.dispose();
	});

	it('moves Nesterov otherwise than plain momentum: one step is η(1 + μ)g instead of ηg', async () => {
		const r = race('rosenbrock', ['momentum', 'nesterov']);
		r.step(1);
		const [momentum, nesterov] = (await r.read()).racers;
		const { learningRate: eta, momentum: mu } = momentum.settings;
		const g = momentum.update.values.gradient!;
		expect(nesterov.update.values.gradient).toBe(g);
		expect(momentum.update.values.step).toBeCloseTo(-eta * g, 5);
		expect(nesterov.update.values.step).toBeCloseTo(-eta * (1 + mu) * g, 5);
		// Both keep the velocity v = μ·0 + g, read from tfjs.
		expect(momentum.update.values.velocity).toBeCloseTo(g, 4);
		expect(nesterov.update.values.velocity).toBeCloseTo(g, 4);
		r.step(20);
		const later = (await r.read()).racers;
		expect(Math.abs(later[0].position[0] - later[1].position[0])).toBeGreaterThan(1e-3);
		r.dispose();
	});

	it("reads Adam's moments back as a hand computation gives them after one step", async () => {
		const r = race('rosenbrock', ['adam']);
		const [g0, g1] = exactGradient('rosenbrock', -1.5, 2);
		// By hand: ∂f/∂x = −2(1 − x) − 400x(y − x²) = −155 and ∂f/∂y = 200(y − x²) = −50.
		expect(g0).toBeCloseTo(-155, 5);
		expect(g1).toBeCloseTo(-50, 5);
		r.step(1);
		for (const [parameter, g] of [
			[0, g0],
			[1, g1]
		] as const) {
			const [adam] = (await r.read(parameter)).racers;
			const { beta1, beta2, learningRate: eta, epsilon } = adam.settings;
			const v = adam.update.values;
			expect(adam.update.iteration).toBe(1);
			expect(v.gradient).toBeCloseTo(g, 3);
			expect(v.m).toBeCloseTo((1 - beta1) * g, 4);
			expect(v.v! / ((1 - beta2) * g * g)).toBeCloseTo(1, 5);
			expect(v.mHat).toBeCloseTo(g, 3);
			expect(v.vHat! / (g * g)).toBeCloseTo(1, 5);
			// m̂ / (√v̂ + ε) = g / (|g| + ε): the first step is η against the gradient's sign.
			expect(v.step).toBeCloseTo(-eta * (g / (Math.abs(g) + epsilon)), 6);
		}
		r.dispose();
	});

	it('reads each kind’s tfjs state under its own name', async () => {
		const r = race('beale', optimizerKinds);
		r.step(2);
		const { racers } = await r.read();
		const keys = racers.map((racer) =>
			Object.keys(racer.update.values)
				.filter((key) => !['parameter', 'gradient', 'noise', 'step'].includes(key))
				.sort()
		);
		expect(keys).toEqual([
			[],
			[],
			['velocity'],
			['velocity'],
			['accumulator'],
			['meanSquare', 'rmsMoment'],
			['m', 'mHat', 'v', 'vHat']
		]);
		const [adagrad, rmsprop] = [racers[4], racers[5]];
		// RMSprop's tfjs "momentum" slot (momentum 0) holds the step with its sign flipped.
		expect(rmsprop.update.values.rmsMoment).toBeCloseTo(-rmsprop.update.values.step!, 6);
		// Adagrad's sum starts at G₀ and has grown by both squared gradients.
		expect(adagrad.update.values.accumulator).toBeGreaterThan(
			adagrad.settings.initialAccumulator + adagrad.update.values.gradient! ** 2 - 1e-3
		);
		r.dispose();
	});

	it('marks an optimiser with a huge learning rate diverged and lets the others go on', async () => {
		const r = new SurfaceRace({
			surface: 'rosenbrock',
			seed: 1,
			racers: [{ ...defaultSettings('gd'), learningRate: 1 }, defaultSettings('adam')]
		});
		r.step(10);
		const first = await r.read();
		const [gd, adam] = first.racers;
		expect(gd.status).toBe('diverged');
		expect(gd.steps).toBeLessThan(10);
		expect(gd.divergedAt).toBe(gd.steps + 1);
		expect(gd.position.every((p) => Number.isFinite(p) && Math.abs(p) <= r.escapeLimit)).toBe(true);
		expect(Number.isFinite(gd.loss)).toBe(true);
		expect(gd.trajectory.every(Number.isFinite)).toBe(true);
		expect(adam.status).toBe('running');
		expect(adam.divergedAt).toBeNull();
		expect(adam.steps).toBe(10);
		r.step(10);
		const second = await r.read();
		expect(second.racers[0].steps).toBe(gd.steps);
		expect(second.racers[0].position).toEqual(gd.position);
		expect(second.racers[1].steps).toBe(20);
		expect(second.racers[1].loss).toBeLessThan(adam.loss);
		r.dispose();
	});

	it('repeats noisy trajectories from the same seed, however the steps are grouped', async () => {
		const kinds = ['sgd', 'adam'] as const;
		const run = async (seed: number, chunks: number[]) => {
			const r = race('noisyQuadratic', kinds, seed);
			for (const n of chunks) r.step(n);
			const { racers } = await r.read();
			r.dispose();
			return racers.map((racer) => Array.from(racer.trajectory));
		};
		const a = await run(7, [30]);
		const b = await run(7, [10, 5, 15]);
		const c = await run(8, [30]);
		expect(a[0]).toHaveLength(2 * 31);
		expect(b).toEqual(a);
		expect(c[0]).not.toEqual(a[0]);
		expect(c[1]).not.toEqual(a[1]);
	});

	it('keeps the whole path in a capped history by thinning it', async () => {
		const r = new SurfaceRace({
			surface: 'saddle',
			seed: 1,
			historyCap: 8,
			racers: [defaultSettings('gd', 'saddle')]
		});
		r.step(40);
		const [gd] = (await r.read()).racers;
		expect(gd.steps).toBe(40);
		expect(gd.trajectory.length / 2).toBeLessThanOrEqual(8);
		expect(gd.losses).toHaveLength(gd.trajectory.length / 2);
		expect(gd.stride).toBeGreaterThan(1);
		expect(Array.from(gd.trajectory.slice(0, 2))).toEqual(Array.from(new Float32Array(r.start)));
		const n = gd.trajectory.length / 2;
		// The points kept are every stride-th step: the last is at step (n − 1)·stride.
		expect((n - 1) * gd.stride).toBeLessThanOrEqual(40);
		r.dispose();
	});
});
