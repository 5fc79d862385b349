import type { Trainable } from './session';

/** A model a lesson trains live: a Trainable whose settings and data can change while it runs. */
export interface LiveModel<Config, Data, Snapshot, Detail = never> extends Trainable<
	Snapshot,
	Detail
> {
	/** Settings that apply from the next step on (learning rate, batch size, ...). */
	configure(config: Config): void;
	setData(data: Data): void;
	/**
	 * A CPU copy of the weights as of the last evaluate() (read in the same GPU read-back), to
	 * carry training over to another backend when the GPU device is lost.
	 */
	backup?(): unknown;
	/** Puts back weights from backup(). */
	restoreBackup?(backup: unknown): void;
	/**
	 * Compiles the shaders of a step and an evaluation without changing the model. Without it the
	 * host warms up on a throwaway copy made by the definition's `create`.
	 */
	warmUp?(): Promise<void>;
	/** Lesson-specific questions: predict a drawing, export the weights, ... */
	handleRequest?(name: string, payload: unknown): Promise<unknown>;
	/** Requests that replace the weights (loading a model): the page gets a fresh report after them. */
	readonly weightChangingRequests?: readonly string[];
	/** How often a running session reads results back, at most; defaults to 100 ms. */
	readonly reportEveryMs?: number;
	/** The share of training time reports may take; defaults to 5% (see SessionOptions). */
	readonly reportShare?: number;
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
