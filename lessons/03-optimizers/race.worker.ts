import type { MessageEndpoint } from '$lib/engine/protocol';
import { SurfaceRaceModel, type RaceConfig } from '$lib/engine/optimizers/race-model';
import { hostLiveModel } from '$lib/engine/worker-host';

hostLiveModel(self as unknown as MessageEndpoint, {
	create: (config: RaceConfig) => new SurfaceRaceModel(config)
});
