import type { AugmentSettings } from '../vision/augment-spec';
import type { CnnConfig, ImageStack } from './cnn-spec';

/** Two copies of the MNIST CNN race on a small training set; one of them sees augmented digits. */
export interface RaceConfig extends CnnConfig {
	/** Training digits both networks learn from (a small set, so that overfitting shows). */
	trainSize: number;
	augment: AugmentSettings;
}

export interface RaceCurves {
	trainLoss: number;
	testLoss: number;
	testAccuracy: number;
}

export interface RaceSnapshot {
	plain: RaceCurves;
	augmented: RaceCurves;
}

/** A preview: each row one training digit, first as it is, then distorted a few times. */
export interface AugmentPreview {
	digits: number;
	variants: number;
	images: ImageStack;
}

export type RaceRequests = {
	preview: { payload: AugmentSettings; result: AugmentPreview };
};
