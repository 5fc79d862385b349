import { hostCompute } from '$lib/engine/compute-host';
import type { MessageEndpoint } from '$lib/engine/protocol';
import { convolve, type ConvolveRequest } from '$lib/engine/vision/convolve';

hostCompute(self as unknown as MessageEndpoint, {
	convolve: (request: ConvolveRequest) => convolve(request)
});
