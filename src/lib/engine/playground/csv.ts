import { planeExtent, type DataPoint, type Problem } from './spec';

/**
 * Reading the user's own points: rows of `x, y, label`.
 *
 * - Separators: comma, semicolon or tab, whichever the first row uses (tab first, then semicolon).
 *   With semicolons or tabs a decimal comma is read too (`1,5;2;0`, as spreadsheets write it).
 * - A first row with no number in it is a header and is skipped; blank lines and lines starting
 *   with `#` are ignored; fields are trimmed and may be quoted.
 * - x and y must lie in [-6, 6].
 * - Labels are numbers. When every label is an integer ≥ 0 the file is a classification set with
 *   max + 1 classes (at least 2, at most `maxCsvClasses`: more is an error for the whole file).
 *   Labels that are all -1 or 1 (TensorFlow Playground's export) are classes 0 and 1.
 *   Otherwise it is a regression set and each label is a target, which must lie in [-1, 1] like
 *   the built-in sets: rows outside are reported and left out rather than rescaled, so what is
 *   drawn is what the file says.
 * - Each bad row gives one error and is left out; the good rows are kept. Errors that concern the
 *   whole file have line 0 (or, for too many classes, the first line with a label too large).
 */

export const csvErrorCodes = [
	'fields',
	'number',
	'finite',
	'range',
	'target',
	'too-many',
	'classes',
	'empty'
] as const;
export type CsvErrorCode = (typeof csvErrorCodes)[number];

export interface CsvError {
	/** 1-based line of the file; 0 for the file as a whole. */
	line: number;
	/** For the page to translate. */
	code: CsvErrorCode;
	/** The same in English, with the values concerned. */
	message: string;
}

export interface ParsedPoints {
	points: DataPoint[];
	problem: Problem;
	/** Classes (≥ 2) for classification, 1 for regression. */
	classes: number;
	errors: CsvError[];
}

export interface CsvOptions {
	/** Data rows read (good or bad, header not counted); later rows give one 'too-many' error. */
	maxRows?: number;
}

export const defaultMaxCsvRows = 5000;
export const maxCsvClasses = 8;

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const nonFinitePattern = /^[+-]?(inf|infinity|nan)$/i;

type Field = { value: number } | { code: 'number' | 'finite' };

function readNumber(field: string, decimalComma: boolean): Field {
	const text = decimalComma ? field.replace(',', '.') : field;
	if (nonFinitePattern.test(text)) return { code: 'finite' };
	if (!numberPattern.test(text)) return { code: 'number' };
	const value = Number(text);
	return Number.isFinite(value) ? { value } : { code: 'finite' };
}

function unquote(field: string): string {
	const trimmed = field.trim();
	return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
		? trimmed.slice(1, -1).trim()
		: trimmed;
}

const fieldNames = ['x coordinate', 'y coordinate', 'label'] as const;

function fieldMessage(code: 'number' | 'finite', index: number, field: string): string {
	const name = fieldNames[index];
	const hint = index === 2 ? ' Labels must be numbers: class indices 0, 1, 2, … or values.' : '';
	if (code === 'finite') return `The ${name} "${field}" is not a finite number.${hint}`;
	if (field === '') return `The ${name} is missing.${hint}`;
	return `The ${name} "${field}" is not a number.${hint}`;
}

interface Row {
	line: number;
	x1: number;
	x2: number;
	label: number;
}

export function parsePointsCsv(text: string, options: CsvOptions = {}): ParsedPoints {
	const maxRows = Math.max(1, Math.floor(options.maxRows ?? defaultMaxCsvRows));
	const errors: CsvError[] = [];
	const rows: Row[] = [];
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	let separator: string | null = null;
	let firstRow = true;
	let dataRows = 0;

	for (let i = 0; i < lines.length; i++) {
		const line = i + 1;
		const content = lines[i].trim();
		if (content === '' || content.startsWith('#')) continue;
		separator ??= content.includes('\t') ? '\t' : content.includes(';') ? ';' : ',';
		const fields = content.split(separator).map(unquote);
		const read = fields.map((field) => readNumber(field, separator !== ','));
		if (firstRow) {
			firstRow = false;
			if (read.every((field) => !('value' in field))) continue;
		}
		if (dataRows === maxRows) {
			errors.push({
				line,
				code: 'too-many',
				message: `Only the first ${maxRows} rows are read: this row and the rest were skipped.`
			});
			break;
		}
		dataRows++;
		if (fields.length !== 3) {
			errors.push({
				line,
				code: 'fields',
				message: `Expected 3 values (x, y, label) separated by commas, semicolons or tabs, found ${fields.length}.`
			});
			continue;
		}
		const bad = read.findIndex((field) => !('value' in field));
		if (bad >= 0) {
			const field = read[bad];
			const code = 'code' in field ? field.code : 'number';
			errors.push({ line, code, message: fieldMessage(code, bad, fields[bad]) });
			continue;
		}
		const [x1, x2, label] = read.map((field) => ('value' in field ? field.value : NaN));
		const outside = [x1, x2].findIndex((value) => Math.abs(value) > planeExtent);
		if (outside >= 0) {
			errors.push({
				line,
				code: 'range',
				message: `The ${fieldNames[outside]} ${[x1, x2][outside]} is outside [-${planeExtent}, ${planeExtent}].`
			});
			continue;
		}
		rows.push({ line, x1, x2, label });
	}

	const result = interpret(rows, errors);
	if (result.points.length === 0 && !errors.some((error) => error.code === 'classes')) {
		errors.push({
			line: 0,
			code: 'empty',
			message:
				dataRows === 0
					? 'The file has no data rows: write one point per line as x, y, label.'
					: 'No row could be used: each row needs x and y in [-6, 6] and a numeric label.'
		});
	}
	errors.sort((a, b) => a.line - b.line);
	return { ...result, errors };
}

/** Decides between classification and regression from the labels of the good rows. */
function interpret(rows: Row[], errors: CsvError[]): Omit<ParsedPoints, 'errors'> {
	const point = (row: Row, label = row.label): DataPoint => ({ x1: row.x1, x2: row.x2, label });
	if (rows.length === 0) return { points: [], problem: 'classification', classes: 2 };

	const labels = rows.map((row) => row.label);
	if (labels.every((label) => label === -1 || label === 1) && labels.includes(-1)) {
		return {
			points: rows.map((row) => point(row, row.label === 1 ? 1 : 0)),
			problem: 'classification',
			classes: 2
		};
	}

	if (labels.every((label) => Number.isInteger(label) && label >= 0)) {
		const largest = Math.max(...labels);
		if (largest >= maxCsvClasses) {
			const first = rows.find((row) => row.label >= maxCsvClasses);
			errors.push({
				line: first?.line ?? 0,
				code: 'classes',
				message: `Label ${largest} would make ${largest + 1} classes; at most ${maxCsvClasses} are supported (labels 0 to ${maxCsvClasses - 1}, or regression values in [-1, 1]), so the file was not loaded.`
			});
			return { points: [], problem: 'classification', classes: 2 };
		}
		return {
			points: rows.map((row) => point(row)),
			problem: 'classification',
			classes: Math.max(2, largest + 1)
		};
	}

	const points: DataPoint[] = [];
	for (const row of rows) {
		if (Math.abs(row.label) <= 1) {
			points.push(point(row));
			continue;
		}
		errors.push({
			line: row.line,
			code: 'target',
			message: `The value ${row.label} is outside [-1, 1]. Not every label is a whole number ≥ 0, so they are read as regression targets, which must lie in [-1, 1].`
		});
	}
	return { points, problem: 'regression', classes: 1 };
}
