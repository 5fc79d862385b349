import { gpuBarrier } from '../backend';
import type { LiveModel } from '../live-model';
import type { Evaluation } from '../session';
import type { OptimizerSettings, RaceReadout } from './optimizer-spec';
import { SurfaceRace } from './optimizers';
import type { Point, SurfaceId } from './surfaces';

/** The race's settings: which surface, where everyone starts, who races, and with what. */
export interface RaceConfig {
	surface: SurfaceId;
	start: Point;
	racers: OptimizerSettings[];
	seed: number;
	/** Which parameter the update-rule panel follows: 0 for x, 1 for y. */
	parameter: 0 | 1;
}

/**
 * The surface race as a live model: one session step is one step of every optimiser still in the
 * race. Any change of settings starts the race again from the start point (the page resets its
 * step count at the same time).
 */
export class SurfaceRaceModel implements LiveModel<RaceConfig, null, RaceReadout> {
	/** The trajectories should move smoothly: reports may take a quarter of the time. */
	readonly reportShare = 0.25;
	#config: RaceConfig;
	#race: SurfaceRace;

	constructor(config: RaceConfig) {
		this.#config = config;
		this.#race = new SurfaceRace(config);
	}

	get epoch(): number {
		return this.#race.steps;
	}

	configure(config: RaceConfig): void {
		// Following the other parameter in the update-rule panel changes nothing in the race.
		const race = (c: RaceConfig) => JSON.stringify({ ...c, parameter: 0 });
		const changed = race(config) !== race(this.#config);
		this.#config = config;
		if (!changed) return;
		this.#race.dispose();
		this.#race = new SurfaceRace(config);
	}

	setData(): void {}

	trainStep(): void {
		this.#race.step(1);
	}

	async sync(): Promise<void> {
		await gpuBarrier();
	}

	/** Every racer's position, loss, path and update numbers in one read. */
	async evaluate(): Promise<Evaluation<RaceReadout>> {
		const readout = await this.#race.read(this.#config.parameter);
		// The session stops when this is no longer finite or grows far above its start: that is
		// when every racer has left (one diverging optimiser only drops out of the race).
		const running = readout.racers.filter((racer) => racer.status === 'running');
		const loss = running.length ? Math.min(...running.map((racer) => racer.loss)) : NaN;
		return { metrics: { loss }, snapshot: readout };
	}

	reinitialize(): void {
		this.#race.restart();
	}

	dispose(): void {
		this.#race.dispose();
	}
}
