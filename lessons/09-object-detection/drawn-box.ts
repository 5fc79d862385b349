import type { Box } from '$lib/engine/detection/boxes';

/** A box to draw over a picture, with its role in the explanation. */
export interface DrawnBox {
	box: Box;
	text?: string;
	tone: 'kept' | 'candidate' | 'suppressed' | 'current' | 'anchor';
	dashed?: boolean;
}
