/** How strongly each training image is distorted; 0 (or false) turns a distortion off. */
export interface AugmentSettings {
	/** Largest rotation, in degrees, either way. */
	rotation: number;
	/** Largest shift, as a fraction of the image side, in each direction. */
	shift: number;
	/** Largest zoom in or out, as a fraction (0.2: between 80% and 120%). */
	zoom: number;
	/** Mirror left-right half the time. */
	flip: boolean;
	/** Standard deviation of the Gaussian noise added to every pixel (pixels run 0 to 1). */
	noise: number;
}

export const noAugmentation: AugmentSettings = {
	rotation: 0,
	shift: 0,
	zoom: 0,
	flip: false,
	noise: 0
};

/**
 * The projective transform (tf.image.transform's 8 numbers) that maps each output pixel back to
 * the input pixel it is sampled from, for a rotation by `angle` radians, a zoom by `scale`, a
 * shift by (dx, dy) pixels and an optional mirror, all about the image centre.
 */
export function inverseTransform(
	size: number,
	angle: number,
	scale: number,
	dx: number,
	dy: number,
	mirror: boolean
): number[] {
	const c = (size - 1) / 2;
	const cos = Math.cos(angle) / scale;
	const sin = Math.sin(angle) / scale;
	const f = mirror ? -1 : 1;
	// input = R(-angle) · M · (output - centre - shift) / scale + centre, M mirrors x.
	const a0 = cos * f;
	const a1 = sin;
	const b0 = -sin * f;
	const b1 = cos;
	const ox = c + dx;
	const oy = c + dy;
	return [a0, a1, c - a0 * ox - a1 * oy, b0, b1, c - b0 * ox - b1 * oy, 0, 0];
}
