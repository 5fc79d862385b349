import type { MessageEndpoint } from '$lib/engine/protocol';
import { hostLiveModel } from '$lib/engine/worker-host';
import { word2vecDefinition } from '$lib/engine/word2vec/worker-definition';

hostLiveModel(self as unknown as MessageEndpoint, word2vecDefinition);
