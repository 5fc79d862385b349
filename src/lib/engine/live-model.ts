import type { Trainable } from './session';

/** A model a lesson trains live: a Trainable whose settings and data can change while it runs. */
export interface LiveModel<Config, Data, Snapshot, Detail = never> extends Trainable<
	Snapshot,
	Detail
> {
	/** Settings that apply from the next step on (learning rate, batch size, ...). */
	configure(config: Config): void;
	setData(data: Data): void;
	/** Puts back weights read in an earlier snapshot, for example after a lost GPU device. */
	restore?(snapshot: Snapshot): void;
	/**
	 * Compiles the shaders of a step and an evaluation without changing the model. Without it the
	 * host warms up on a throwaway copy made by the definition's `create`.
	 */
	warmUp?(): Promise<void>;
	/** Lesson-specific questions: predict a drawing, export the weights, ... */
	handleRequest?(name: string, payload: unknown): Promise<unknown>;
	/** How often a running session reads results back; defaults to 100 ms. */
	readonly reportEveryMs?: number;
}

export interface LiveModelDefinition<Config, Data, Snapshot, Detail = never, Loaded = Data> {
	/**
	 * Turns what the page sent into what the model trains on (downloads, decoding), once per data
	 * change. CPU-side, so it survives a change of backend.
	 */
	load?(data: Data, progress: (fraction: number) => void): Promise<Loaded>;
	/** Builds the model, its tensors on the current backend. */
	create(config: Config, data: Loaded): LiveModel<Config, Loaded, Snapshot, Detail>;
}
