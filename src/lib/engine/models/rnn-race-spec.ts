/** The recurrent-cell race's settings and snapshots: plain data, importable without tfjs. */
import type { LstmTrace } from './lstm-gates';

export const rnnKinds = ['simpleRnn', 'lstm', 'gru', 'biLstm'] as const;
export type RnnKind = (typeof rnnKinds)[number];

export interface RnnRaceConfig {
	/** Symbols per sequence: the distance the first one must be remembered over. */
	sequenceLength: number;
	/** Units in each recurrent layer (each direction, for the bidirectional one). */
	units: number;
	batchSize: number;
	learningRate: number;
	seed: number;
}

export interface RnnCurves {
	trainLoss: number;
	testLoss: number;
	testAccuracy: number;
	parameters: number;
}

export interface RnnRaceSnapshot {
	models: Record<RnnKind, RnnCurves>;
	/** The LSTM's gates over the first test sequence. */
	gates: LstmTrace & { symbols: number[] };
}
