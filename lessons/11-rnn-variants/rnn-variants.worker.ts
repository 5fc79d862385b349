import { RnnRace, type RnnRaceConfig } from '$lib/engine/models/rnn-race';
import type { MessageEndpoint } from '$lib/engine/protocol';
import { hostLiveModel } from '$lib/engine/worker-host';

hostLiveModel(self as unknown as MessageEndpoint, {
	create: (config: RnnRaceConfig) => new RnnRace(config)
});
