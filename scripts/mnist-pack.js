// The MNIST subset format the lessons fetch ("ttm"), gzipped on disk:
//   bytes 0-3   "TTM1"
//   bytes 4-7   image count, uint32 little-endian
//   byte 8, 9   rows, columns
//   bytes 10-11 zero
//   then one label byte per image, then rows*cols pixel bytes per image (0 = white paper).
// src/lib/engine/data/mnist.ts reads it.

/** @typedef {{ dims: number[], data: Uint8Array }} Idx */

/**
 * Parses an idx file (big-endian dims) into its dimensions and the bytes after the header.
 * @param {Uint8Array} buffer
 * @returns {Idx}
 */
export function readIdx(buffer) {
	const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
	const magic = view.getUint32(0);
	if (magic >> 8 !== 0x08) throw new Error('not an unsigned-byte idx file');
	const dims = Array.from({ length: magic & 0xff }, (_, i) => view.getUint32(4 + 4 * i));
	return { dims, data: buffer.subarray(4 + 4 * dims.length) };
}

/**
 * @param {Idx} images
 * @param {Idx} labels
 * @param {number} count how many of the first images to keep
 */
export function encodeMnistPack(images, labels, count) {
	const [total, rows, cols] = images.dims;
	if (labels.dims[0] !== total) throw new Error('image and label counts differ');
	const n = Math.min(count, total);
	const pack = new Uint8Array(12 + n + n * rows * cols);
	pack.set([0x54, 0x54, 0x4d, 0x31]);
	new DataView(pack.buffer).setUint32(4, n, true);
	pack[8] = rows;
	pack[9] = cols;
	pack.set(labels.data.subarray(0, n), 12);
	pack.set(images.data.subarray(0, n * rows * cols), 12 + n);
	return pack;
}
