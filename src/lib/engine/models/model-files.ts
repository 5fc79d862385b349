import * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '../tf';
import type { ModelFiles } from './cnn-spec';

/**
 * Saving and loading tfjs Layers models for the lessons: in this browser (IndexedDB) and as the
 * two files tfjs writes (model.json and the weights), with messages a student can act on.
 */

export async function saveInBrowser(
	model: tfl.LayersModel,
	key: string
): Promise<{ savedAt: string }> {
	await model.save(`indexeddb://${key}`);
	return { savedAt: new Date().toISOString() };
}

export async function loadFromBrowser(
	key: string
): Promise<{ model: tfl.LayersModel; savedAt: string }> {
	const url = `indexeddb://${key}`;
	const saved = (await tf.io.listModels())[url];
	if (!saved) throw new Error('no model saved in this browser yet');
	const model = await tfl.loadLayersModel(url);
	return { model, savedAt: new Date(saved.dateSaved).toISOString() };
}

/** model.json's content and the weights' bytes, as `model.save('downloads://…')` would write them. */
export async function exportFiles(
	model: tfl.LayersModel,
	weightsName: string
): Promise<ModelFiles> {
	let files: ModelFiles | null = null;
	await model.save(
		tf.io.withSaveHandler(async (artifacts) => {
			const weightData = artifacts.weightData!;
			files = {
				modelJson: {
					format: 'layers-model',
					generatedBy: 'Tensor Trail',
					modelTopology: artifacts.modelTopology,
					weightsManifest: [{ paths: [weightsName], weights: artifacts.weightSpecs }],
					...(artifacts.userDefinedMetadata
						? { userDefinedMetadata: artifacts.userDefinedMetadata }
						: {})
				},
				weightData: Array.isArray(weightData)
					? tf.io.concatenateArrayBuffers(weightData)
					: weightData
			};
			return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
		})
	);
	return files!;
}

export async function importFiles(files: ModelFiles): Promise<tfl.LayersModel> {
	const json = files.modelJson as {
		modelTopology?: object;
		weightsManifest?: { weights: tf.io.WeightsManifestEntry[] }[];
		userDefinedMetadata?: Record<string, unknown>;
	};
	if (!json.modelTopology || !Array.isArray(json.weightsManifest)) {
		throw new Error(
			'model.json has no modelTopology or weightsManifest: is it a tfjs Layers model?'
		);
	}
	return tfl.loadLayersModel(
		tf.io.fromMemory({
			modelTopology: json.modelTopology,
			weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
			weightData: files.weightData,
			userDefinedMetadata: json.userDefinedMetadata
		})
	);
}
