/** The character-level LSTM's settings, snapshots and requests: plain data, importable without tfjs. */
import type { CharChoice } from '../data/corpus';
import type { ModelFiles } from './cnn-spec';

export interface CharLstmConfig {
	/** Stacked LSTM layers: 1 or 2. */
	layers: number;
	/** Units (cells) in each LSTM layer. */
	units: number;
	/** Characters per training window (how far back the gradient flows). */
	sequenceLength: number;
	batchSize: number;
	learningRate: number;
	seed: number;
}

export interface CharLstmSnapshot {
	corpus: { name: string; chars: number; truncatedFrom: number | null };
	vocabularySize: number;
	/** Share of the corpus outside the vocabulary (drawn as the unknown symbol). */
	unknownShare: number;
	parameters: number;
	/** The architecture actually running (a loaded model brings its own). */
	layers: number;
	units: number;
}

/** Where generation stands: what was just sampled and what may come next. */
export interface Generation {
	/** Characters sampled by this request ('' for a start). */
	text: string;
	/** The likeliest next characters at the requested temperature. */
	next: CharChoice[];
}

export type CharLstmRequests = {
	/** Resets the generator's memory and reads the seed text into it. */
	generateStart: { payload: { seed: string; temperature: number }; result: Generation };
	generateNext: { payload: { temperature: number; count: number }; result: Generation };
	saveInBrowser: { payload: null; result: { savedAt: string } };
	loadFromBrowser: { payload: null; result: { savedAt: string } };
	exportFiles: { payload: null; result: ModelFiles };
	importFiles: { payload: ModelFiles; result: null };
};

export const sameArchitecture = (
	a: Pick<CharLstmConfig, 'layers' | 'units'>,
	b: Pick<CharLstmConfig, 'layers' | 'units'>
) => a.layers === b.layers && a.units === b.units;
