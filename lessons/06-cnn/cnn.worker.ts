import { loadDigitSplits } from '$lib/engine/data/mnist';
import {
	CnnModel,
	type CnnConfig,
	type DigitData,
	type DigitSources
} from '$lib/engine/models/cnn';
import type { MessageEndpoint } from '$lib/engine/protocol';
import { hostLiveModel } from '$lib/engine/worker-host';

hostLiveModel(self as unknown as MessageEndpoint, {
	load: (sources: DigitSources, progress): Promise<DigitData> => loadDigitSplits(sources, progress),
	create: (config: CnnConfig, data: DigitData) => new CnnModel(config, data)
});
