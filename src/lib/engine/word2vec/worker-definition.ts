import { loadCorpus, type CorpusSource, type CorpusText } from '../data/corpus';
import type { LiveModelDefinition } from '../live-model';
import { Word2VecModel } from './model';
import type { Word2VecConfig, Word2VecSnapshot } from './spec';

/** What the lesson's worker hosts: a corpus loaded once per change, the model built on it. */
export const word2vecDefinition: LiveModelDefinition<
	Word2VecConfig,
	CorpusSource,
	Word2VecSnapshot,
	never,
	CorpusText
> = {
	load: (source, progress) => loadCorpus(source, progress),
	create: (config, corpus) => new Word2VecModel(config, corpus)
};
