/** The MNIST CNN's settings, snapshots and requests: plain data, importable without tfjs. */

export interface CnnConfig {
	learningRate: number;
	batchSize: number;
	seed: number;
	/** Test digits scored at every report (loss, accuracy, confusion matrix). */
	evalSize: number;
}

/** Where the page's MNIST subset lives (URLs on the app's own origin). */
export interface DigitSources {
	train: string;
	test: string;
}

/** The layers, in order, as the page names them. */
export const cnnLayerNames = ['conv1', 'pool1', 'conv2', 'pool2', 'logits'] as const;
export type CnnLayerName = (typeof cnnLayerNames)[number];

export interface ImageStack {
	width: number;
	height: number;
	/** Number of images (channels or filters). */
	count: number;
	/** Image after image, each row by row. */
	values: Float32Array;
}

export interface CnnSnapshot {
	/** The first layer's filters, 5×5 each: what the network has learned to look for. */
	filters: ImageStack;
	/** On the test digits scored at this report. */
	confusion: Confusion;
}

export interface FeatureMaps {
	label: number;
	image: Float32Array;
	layers: { name: CnnLayerName; maps: ImageStack }[];
	probabilities: number[];
}

export interface Confusion {
	/** matrix[actual * 10 + predicted] = count. */
	matrix: number[];
	accuracy: number;
	count: number;
}

/** A tfjs Layers model as files: model.json's content and the weights' bytes. */
export interface ModelFiles {
	modelJson: object;
	weightData: ArrayBuffer;
}

export type CnnRequests = {
	predict: { payload: { pixels: Float32Array }; result: number[] };
	featureMaps: { payload: { index: number }; result: FeatureMaps };
	saveInBrowser: { payload: null; result: { savedAt: string } };
	loadFromBrowser: { payload: null; result: { savedAt: string } };
	exportFiles: { payload: null; result: ModelFiles };
	importFiles: { payload: ModelFiles; result: null };
};
