import type { MessageEndpoint } from '$lib/engine/protocol';
import { PlaygroundNetwork } from '$lib/engine/playground/network-model';
import type { Dataset, NetworkConfig } from '$lib/engine/playground/spec';
import { hostLiveModel } from '$lib/engine/worker-host';

hostLiveModel(self as unknown as MessageEndpoint, {
	create: (config: NetworkConfig, data: Dataset) => new PlaygroundNetwork(config, data)
});
