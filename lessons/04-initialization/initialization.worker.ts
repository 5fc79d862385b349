import { DeepMlp } from '$lib/engine/initialization/deep-mlp';
import type { Dataset, InitializationConfig } from '$lib/engine/initialization/spec';
import type { MessageEndpoint } from '$lib/engine/protocol';
import { hostLiveModel } from '$lib/engine/worker-host';

hostLiveModel(self as unknown as MessageEndpoint, {
	create: (config: InitializationConfig, data: Dataset) => new DeepMlp(config, data)
});
