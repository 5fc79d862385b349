import { describe, expect, it } from 'vitest';
import { cellBox, responsibleCell, sharedCells } from './yolo-grid';

describe("YOLO's grid: the cell holding the centre is responsible", () => {
	it('finds the cell of the centre and writes the box as YOLO targets', () => {
		// Centre (0.5, 0.25) on a 7×7 grid: column 3 (0.5·7 = 3.5), row 1 (0.25·7 = 1.75).
		const t = responsibleCell({ top: 0.15, left: 0.3, bottom: 0.35, right: 0.7 }, 7);
		expect([t.row, t.col]).toEqual([1, 3]);
		expect(t.x).toBeCloseTo(0.5, 10);
		expect(t.y).toBeCloseTo(0.75, 10);
		expect(t.w).toBeCloseTo(0.4, 10);
		expect(t.h).toBeCloseTo(0.2, 10);
		// The centre lies inside the responsible cell's box.
		const cell = cellBox(t.row, t.col, 7);
		expect(cell.left).toBeLessThanOrEqual(0.5);
		expect(cell.right).toBeGreaterThan(0.5);
		expect(cell.top).toBeLessThanOrEqual(0.25);
		expect(cell.bottom).toBeGreaterThan(0.25);
	});

	it('keeps a centre on the far edge in the last cell, and a centre on a line in the cell below it', () => {
		const edge = responsibleCell({ top: 0.98, left: 0.98, bottom: 1.02, right: 1.02 }, 7);
		expect([edge.row, edge.col]).toEqual([6, 6]);
		expect(edge.x).toBeCloseTo(1, 10);
		const onLine = responsibleCell({ top: 0.4, left: 0.4, bottom: 0.6, right: 0.6 }, 2);
		expect([onLine.row, onLine.col]).toEqual([1, 1]);
		expect(onLine.x).toBeCloseTo(0, 10);
	});

	it('changes cell with the grid, and reports cells that two objects share', () => {
		const cat = { top: 0.1, left: 0.1, bottom: 0.5, right: 0.5 };
		const cup = { top: 0.15, left: 0.15, bottom: 0.25, right: 0.25 };
		const far = { top: 0.7, left: 0.7, bottom: 0.9, right: 0.9 };
		const coarse = [cat, cup, far].map((b) => responsibleCell(b, 3));
		expect([...sharedCells(coarse)]).toEqual([['0,0', [0, 1]]]);
		const fine = [cat, cup, far].map((b) => responsibleCell(b, 13));
		expect(sharedCells(fine).size).toBe(0);
	});
});
