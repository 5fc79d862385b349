import { loadCorpus, type CorpusSource, type CorpusText } from '../data/corpus';
import type { LiveModelDefinition } from '../live-model';
import { Word2VecModel } from './model';
import type { Word2VecConfig, Word2VecSnapshot } from './spec';
import type { ExampleDetail } from './trainer';

/** What the lesson's worker hosts: a corpus loaded once per change, the model built on it. */
export const word2vecDefinition: LiveModelDefinition<
	Word2VecConfig,
	CorpusSource,
	Word2VecSnapshot,
	ExampleDetail | null,
	CorpusText
> = {
	load: (source, progress) => loadCorpus(source, progress),
	create: (config, corpus) => new Word2VecModel(config, corpus)
};
