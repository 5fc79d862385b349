import { hostCompute } from '$lib/engine/compute-host';
import type { MessageEndpoint } from '$lib/engine/protocol';
import { raceOnNetwork, type NetworkRaceRequest } from '$lib/engine/optimizers/network-race';

hostCompute(self as unknown as MessageEndpoint, {
	race: (request: NetworkRaceRequest) => raceOnNetwork(request)
});
