/** What the word2vec lab and its worker say to each other (types only: the page loads no tfjs). */
import type { Scored } from './query';
import type { TrainerConfig } from './trainer';

export type { Architecture, ExampleDetail } from './trainer';
export type { Scored } from './query';

export interface Word2VecConfig extends TrainerConfig {
	/** Words seen fewer times are left out of the vocabulary. */
	minCount: number;
}

/** Words the projection shows: the most frequent ones. */
export const projectedWords = 300;
/** A vocabulary smaller than this cannot give neighbours worth the name. */
export const minVocabulary = 20;

export interface Word2VecSnapshot {
	corpus: {
		name: string;
		/** Tokens in the text. */
		tokens: number;
		/** Words in the vocabulary (seen at least min-count times). */
		vocabulary: number;
		/** Tokens of vocabulary words. */
		inVocabulary: number;
		/** Tokens this epoch kept after subsampling. */
		kept: number;
		truncatedFrom: number | null;
	};
	/** Centre words trained per second of training since the last report; null when none trained. */
	wordsPerSecond: number | null;
	/** Share of all epochs done. */
	progress: number;
	rate: number;
	finished: boolean;
	dimensions: number;
	projection: { words: string[]; x: number[]; y: number[] };
}

export interface WordAnswer {
	/** The words of the question that are not in the vocabulary, with spellings that are. */
	unknown: { word: string; suggestions: string[] }[];
	results: Scored[];
}

/** One tfjs-ops run on the worker's backend next to the typed-array loop, on the same settings. */
export interface EngineComparison {
	backend: string;
	tfjsWordsPerSecond: number;
	typedWordsPerSecond: number;
}

/** The Embedding Projector's two files: one vector per line (tab-separated), one word per line. */
export interface ProjectorFiles {
	vectors: string;
	metadata: string;
	words: number;
}

export interface SimilarityAnswer {
	unknown: WordAnswer['unknown'];
	/** Cosine of the two words' vectors; null when one is unknown. */
	score: number | null;
}

export type Word2VecRequests = {
	neighbours: { payload: { word: string }; result: WordAnswer };
	analogy: { payload: { a: string; b: string; c: string }; result: WordAnswer };
	similarity: { payload: { a: string; b: string }; result: SimilarityAnswer };
	exportProjector: { payload: null; result: ProjectorFiles };
	compareEngines: { payload: null; result: EngineComparison };
};
