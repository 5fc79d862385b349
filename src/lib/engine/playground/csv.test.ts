import { describe, expect, it } from 'vitest';
import { parsePointsCsv } from './csv';

const only = (text: string) => {
	const parsed = parsePointsCsv(text);
	expect(parsed.errors).toHaveLength(1);
	return parsed.errors[0];
};

describe('reading points from CSV', () => {
	it('reads good rows as a classification set', () => {
		const parsed = parsePointsCsv('1,2,0\n-3.5,0.25,1\n6,-6,2\n');
		expect(parsed).toEqual({
			points: [
				{ x1: 1, x2: 2, label: 0 },
				{ x1: -3.5, x2: 0.25, label: 1 },
				{ x1: 6, x2: -6, label: 2 }
			],
			problem: 'classification',
			classes: 3,
			errors: []
		});
	});

	it('gives two classes at least, even when one label appears', () => {
		expect(parsePointsCsv('1,1,0\n2,2,0')).toMatchObject({ problem: 'classification', classes: 2 });
	});

	it("reads TensorFlow Playground's -1 / 1 labels as classes 0 and 1", () => {
		const parsed = parsePointsCsv('1,1,-1\n2,2,1\n3,3,1');
		expect(parsed.classes).toBe(2);
		expect(parsed.points.map((p) => p.label)).toEqual([0, 1, 1]);
	});

	it('reads fractional labels as regression targets', () => {
		const parsed = parsePointsCsv('1,1,0.5\n2,2,-1\n3,3,1');
		expect(parsed).toMatchObject({ problem: 'regression', classes: 1, errors: [] });
		expect(parsed.points.map((p) => p.label)).toEqual([0.5, -1, 1]);
	});

	it('skips a header, blank lines and comments, and trims whitespace', () => {
		const text = '# my points\nx, y, label\n\n  1 , 2 ,1  \n# more\n\t\n-1,-2,0\n';
		const parsed = parsePointsCsv(text);
		expect(parsed.errors).toEqual([]);
		expect(parsed.points).toEqual([
			{ x1: 1, x2: 2, label: 1 },
			{ x1: -1, x2: -2, label: 0 }
		]);
	});

	it('skips only the first row as a header', () => {
		const parsed = parsePointsCsv('x,y,label\n1,1,0\nx,y,label');
		expect(parsed.points).toHaveLength(1);
		expect(parsed.errors).toMatchObject([{ line: 3, code: 'number' }]);
	});

	it('accepts semicolons, tabs, decimal commas, quotes, a BOM and Windows line ends', () => {
		const expected = [
			{ x1: 1.5, x2: -2, label: 1 },
			{ x1: 0, x2: 3, label: 0 }
		];
		expect(parsePointsCsv('x;y;label\r\n1,5;-2;1\r\n0;3;0').points).toEqual(expected);
		expect(parsePointsCsv('1.5\t-2\t1\n0\t3\t0').points).toEqual(expected);
		expect(parsePointsCsv('\uFEFF"x","y","label"\n"1.5","-2","1"\n0,3,0').points).toEqual(expected);
		expect(parsePointsCsv('1.5,-2,1\r0,3,0\r').points).toEqual(expected);
		expect(parsePointsCsv('15e-1,-2E0,1\n.0,+3,0').points).toEqual(expected);
	});
});

describe('bad rows', () => {
	const good = '1,1,0\n2,2,1\n';

	it('reports a wrong number of fields and keeps the good rows', () => {
		const parsed = parsePointsCsv(`${good}3,3\n4,4,1,5\n5,5,0`);
		expect(parsed.points).toHaveLength(3);
		expect(parsed.errors).toEqual([
			{ line: 3, code: 'fields', message: expect.stringMatching(/3 values.*found 2/) },
			{ line: 4, code: 'fields', message: expect.stringMatching(/found 4/) }
		]);
	});

	it('reports a value that is not a number, naming the field', () => {
		const parsed = parsePointsCsv(`${good}abc,1,0\n1,,0\n1,2,cat`);
		expect(parsed.points).toHaveLength(2);
		expect(parsed.errors).toEqual([
			{ line: 3, code: 'number', message: 'The x coordinate "abc" is not a number.' },
			{ line: 4, code: 'number', message: 'The y coordinate is missing.' },
			{ line: 5, code: 'number', message: expect.stringMatching(/label "cat".*must be numbers/) }
		]);
	});

	it('refuses hexadecimal and other things Number() would accept', () => {
		expect(only(`${good}0x1,1,0`)).toMatchObject({ line: 3, code: 'number' });
		expect(only(`${good}1,2,3,`)).toMatchObject({ line: 3, code: 'fields' });
	});

	it('reports non-finite numbers', () => {
		const parsed = parsePointsCsv(`${good}Infinity,1,0\n1,NaN,0\n1,1e999,0\n1,1,-inf`);
		expect(parsed.points).toHaveLength(2);
		expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([
			[3, 'finite'],
			[4, 'finite'],
			[5, 'finite'],
			[6, 'finite']
		]);
		expect(parsed.errors[0].message).toBe('The x coordinate "Infinity" is not a finite number.');
	});

	it('reports coordinates outside [-6, 6]', () => {
		const parsed = parsePointsCsv(`${good}6.5,0,1\n0,-7,0\n6,-6,1`);
		expect(parsed.points).toHaveLength(3);
		expect(parsed.errors).toEqual([
			{ line: 3, code: 'range', message: 'The x coordinate 6.5 is outside [-6, 6].' },
			{ line: 4, code: 'range', message: 'The y coordinate -7 is outside [-6, 6].' }
		]);
	});

	it('reports regression targets outside [-1, 1], keeping the rest', () => {
		const parsed = parsePointsCsv('1,1,0.5\n2,2,3\n3,3,-0.25');
		expect(parsed.problem).toBe('regression');
		expect(parsed.points.map((p) => p.label)).toEqual([0.5, -0.25]);
		expect(parsed.errors).toEqual([
			{ line: 2, code: 'target', message: expect.stringMatching(/value 3 is outside \[-1, 1\]/) }
		]);
	});

	it('reads at most maxRows rows, then reports once and stops', () => {
		const text = Array.from({ length: 10 }, (_, i) => `${i % 6},0,${i % 2}`).join('\n');
		const parsed = parsePointsCsv(`x,y,label\n${text}`, { maxRows: 4 });
		expect(parsed.points).toHaveLength(4);
		expect(parsed.errors).toEqual([
			{ line: 6, code: 'too-many', message: expect.stringMatching(/first 4 rows/) }
		]);
		expect(parsePointsCsv(text).points).toHaveLength(10);
	});

	it('counts the default limit of 5000 rows', () => {
		const text = '0,0,1\n'.repeat(5001);
		const parsed = parsePointsCsv(text);
		expect(parsed.points).toHaveLength(5000);
		expect(parsed.errors).toMatchObject([{ line: 5001, code: 'too-many' }]);
	});
});

describe('whole-file errors', () => {
	it('explains an empty file', () => {
		for (const text of ['', '\n \n', '# only a comment\n', 'x,y,label\n']) {
			const parsed = parsePointsCsv(text);
			expect(parsed.points).toEqual([]);
			expect(parsed.errors).toEqual([
				{ line: 0, code: 'empty', message: expect.stringMatching(/no data rows/) }
			]);
		}
	});

	it('explains a file where no row is good', () => {
		const parsed = parsePointsCsv('x,y,label\n1,2\n9,9,0');
		expect(parsed.points).toEqual([]);
		expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([
			[0, 'empty'],
			[2, 'fields'],
			[3, 'range']
		]);
		expect(parsed.errors[0].message).toMatch(/No row could be used/);
	});

	it('refuses more than 8 classes for the whole file', () => {
		const parsed = parsePointsCsv('1,1,0\n2,2,7\n3,3,8\n4,4,12');
		expect(parsed.points).toEqual([]);
		expect(parsed.errors).toEqual([
			{ line: 3, code: 'classes', message: expect.stringMatching(/13 classes; at most 8/) }
		]);
		expect(parsePointsCsv('1,1,0\n2,2,7').classes).toBe(8);
	});
});
