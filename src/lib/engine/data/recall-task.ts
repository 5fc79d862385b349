/**
 * "Remember the first symbol": a sequence of symbols from a small alphabet, and the answer is the
 * symbol it started with. Everything after the first symbol is noise, so a network must carry one
 * fact across the whole sequence: the task that separates recurrent cells by their memory.
 */
import type { Rng } from '../random';

export const alphabetSize = 8;

export interface RecallBatch {
	count: number;
	length: number;
	/** count × length symbol ids, sequence after sequence. */
	symbols: Int32Array;
	/** The first symbol of each sequence. */
	answers: Int32Array;
}

export function recallBatch(count: number, length: number, rng: Rng): RecallBatch {
	const symbols = Int32Array.from({ length: count * length }, () =>
		Math.floor(rng() * alphabetSize)
	);
	const answers = Int32Array.from({ length: count }, (_, i) => symbols[i * length]);
	return { count, length, symbols, answers };
}

/** Symbols as the letters A, B, C, … */
export const symbolName = (id: number): string => String.fromCharCode(65 + id);
