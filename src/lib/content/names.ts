import { m } from '$lib/paraglide/messages';
import type { PartId, StopSlug } from './trail';

/** Translated names of the trail's parts and stops. Messages are functions, so they follow the locale. */
export const partName: Record<PartId, () => string> = {
	neurons: m.part_neurons,
	ann: m.part_ann,
	cnn: m.part_cnn,
	transfer: m.part_transfer,
	detection: m.part_detection,
	rnn: m.part_rnn,
	embeddings: m.part_embeddings,
	transformers: m.part_transformers,
	deploy: m.part_deploy
};

export const stopName: Record<StopSlug, { name: () => string; topics: () => string }> = {
	perceptron: { name: m.stop_perceptron, topics: m.stop_perceptron_topics },
	'neural-networks': { name: m.stop_neural_networks, topics: m.stop_neural_networks_topics },
	optimizers: { name: m.stop_optimizers, topics: m.stop_optimizers_topics },
	initialization: { name: m.stop_initialization, topics: m.stop_initialization_topics },
	convolution: { name: m.stop_convolution, topics: m.stop_convolution_topics },
	cnn: { name: m.stop_cnn, topics: m.stop_cnn_topics },
	augmentation: { name: m.stop_augmentation, topics: m.stop_augmentation_topics },
	'transfer-learning': { name: m.stop_transfer_learning, topics: m.stop_transfer_learning_topics },
	'object-detection': { name: m.stop_object_detection, topics: m.stop_object_detection_topics },
	'lstm-text': { name: m.stop_lstm_text, topics: m.stop_lstm_text_topics },
	'rnn-variants': { name: m.stop_rnn_variants, topics: m.stop_rnn_variants_topics },
	word2vec: { name: m.stop_word2vec, topics: m.stop_word2vec_topics },
	attention: { name: m.stop_attention, topics: m.stop_attention_topics },
	transformers: { name: m.stop_transformers, topics: m.stop_transformers_topics },
	bert: { name: m.stop_bert, topics: m.stop_bert_topics },
	deploy: { name: m.stop_deploy, topics: m.stop_deploy_topics }
};
