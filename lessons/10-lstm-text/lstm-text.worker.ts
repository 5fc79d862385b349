import { loadCorpus, type CorpusSource, type CorpusText } from '$lib/engine/data/corpus';
import { CharLstmModel, type CharLstmConfig } from '$lib/engine/models/char-lstm';
import type { MessageEndpoint } from '$lib/engine/protocol';
import { hostLiveModel } from '$lib/engine/worker-host';

hostLiveModel(self as unknown as MessageEndpoint, {
	load: (source: CorpusSource, progress): Promise<CorpusText> => loadCorpus(source, progress),
	create: (config: CharLstmConfig, corpus: CorpusText) => new CharLstmModel(config, corpus)
});
