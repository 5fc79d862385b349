import type { PointSet } from '$lib/engine/data/points2d';
import { PerceptronModel, type PerceptronConfig } from '$lib/engine/models/perceptron';
import type { MessageEndpoint } from '$lib/engine/protocol';
import { hostLiveModel } from '$lib/engine/worker-host';

hostLiveModel(self as unknown as MessageEndpoint, {
	create: (config: PerceptronConfig, data: PointSet) => new PerceptronModel(config, data)
});
