import { loadDigitSplits } from '$lib/engine/data/mnist';
import { AugmentationRace, type RaceConfig } from '$lib/engine/models/augmentation-race';
import type { DigitData, DigitSources } from '$lib/engine/models/cnn';
import type { MessageEndpoint } from '$lib/engine/protocol';
import { hostLiveModel } from '$lib/engine/worker-host';

hostLiveModel(self as unknown as MessageEndpoint, {
	load: (sources: DigitSources, progress): Promise<DigitData> => loadDigitSplits(sources, progress),
	create: (config: RaceConfig, data: DigitData) => new AugmentationRace(config, data)
});
