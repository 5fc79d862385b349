import type { Box } from '$lib/engine/detection/boxes';

/** Grid sizes the YOLO widget offers: 7 is YOLO's own, 13 YOLOv2's. */
export const gridSizes = [3, 5, 7, 9, 13] as const;
export const yoloGridSize = 7;

/** What YOLO asks the responsible cell to predict for one object. */
export interface GridTarget {
	row: number;
	col: number;
	/** The box's centre within its cell, 0 to 1 from the cell's top left: YOLO's x and y. */
	x: number;
	y: number;
	/** Width and height as fractions of the image: YOLO's w and h (its loss takes their roots). */
	w: number;
	h: number;
}

const cellOf = (centre: number, size: number) =>
	Math.min(size - 1, Math.max(0, Math.floor(centre * size)));

/**
 * The cell of a `size`×`size` grid over the image that holds the box's centre, and so is
 * responsible for the object, with the box written as YOLO's targets. Coordinates are fractions
 * of the image, as YOLO sees it after squeezing the picture into a square.
 */
export function responsibleCell(box: Box, size: number): GridTarget {
	const cx = (box.left + box.right) / 2;
	const cy = (box.top + box.bottom) / 2;
	const col = cellOf(cx, size);
	const row = cellOf(cy, size);
	return {
		row,
		col,
		x: cx * size - col,
		y: cy * size - row,
		w: box.right - box.left,
		h: box.bottom - box.top
	};
}

/** A grid cell as a box, to draw it. */
export function cellBox(row: number, col: number, size: number): Box {
	return { top: row / size, left: col / size, bottom: (row + 1) / size, right: (col + 1) / size };
}

/**
 * Cells responsible for more than one object, keyed "row,col", with the objects' indices. YOLO
 * gives a cell one set of class probabilities, so such a cell can report only one class.
 */
export function sharedCells(targets: GridTarget[]): Map<string, number[]> {
	const byCell = new Map<string, number[]>();
	targets.forEach((t, i) => {
		const key = `${t.row},${t.col}`;
		byCell.set(key, [...(byCell.get(key) ?? []), i]);
	});
	return new Map([...byCell].filter(([, objects]) => objects.length > 1));
}
