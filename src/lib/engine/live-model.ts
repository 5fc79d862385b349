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
}

export type LiveModelFactory<Config, Data, Snapshot, Detail = never> = (
	config: Config,
	data: Data
) => LiveModel<Config, Data, Snapshot, Detail>;
