import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { gridSize, type Dataset, type NetworkSnapshot } from '$lib/engine/playground/spec';
import NetworkDiagram from './NetworkDiagram.svelte';
import PlaygroundPlane from './PlaygroundPlane.svelte';

/** Server rendering: the markup, test ids and labels (the canvases are painted in the browser). */

const cells = gridSize * gridSize;

function snapshotOf(sizes: number[]): NetworkSnapshot {
	return {
		sizes,
		weights: sizes
			.slice(1)
			.map((n, l) => Float32Array.from({ length: sizes[l] * n }, (_, i) => i - 1.5)),
		biases: sizes.slice(1).map((n) => new Float32Array(n)),
		grids: sizes.map((n) => new Float32Array(n * cells)),
		confusion: null,
		engine: 'cpu-typed',
		engineRates: null
	};
}

const count = (body: string, text: string) => body.split(text).length - 1;
const noop = () => {};

describe('NetworkDiagram', () => {
	const config = {
		problem: 'classification' as const,
		outputs: 3,
		features: ['x1' as const, 'sinX2' as const],
		hidden: [4, 2],
		activation: 'tanh' as const
	};

	it('draws a column per layer and an edge per weight, with the weights', () => {
		const { body } = render(NetworkDiagram, {
			props: { config, snapshot: snapshotOf([2, 4, 2, 3]), onchange: noop, onfeatures: noop }
		});
		expect(count(body, 'data-testid="network-diagram"')).toBe(1);
		const units = [...body.matchAll(/data-testid="layer" data-units="(\d+)"/g)].map((m) => m[1]);
		expect(units).toEqual(['2', '4', '2', '3']);
		expect(count(body, 'data-testid="edge"')).toBe(2 * 4 + 4 * 2 + 2 * 3);
		expect(body).toContain('data-weight="-1.5"');
		// Every feature is drawn; the used ones are pressed.
		expect(count(body, 'aria-pressed="true"')).toBe(2);
		expect(count(body, 'aria-pressed="false"')).toBe(5);
		expect(count(body, 'data-testid="neuron-add"')).toBe(2);
		expect(body).toContain('aria-label="Add a hidden layer"');
	});

	it('ignores a snapshot of another network', () => {
		const { body } = render(NetworkDiagram, {
			props: { config, snapshot: snapshotOf([2, 5, 2, 3]), onchange: noop, onfeatures: noop }
		});
		expect(count(body, 'data-testid="edge"')).toBe(2 * 4 + 4 * 2 + 2 * 3);
		expect(body).not.toContain('data-weight');
	});

	it('has no hidden layer buttons without hidden layers, and no remove button enabled', () => {
		const { body } = render(NetworkDiagram, {
			props: {
				config: { ...config, hidden: [], problem: 'regression', outputs: 1 },
				snapshot: null,
				onchange: noop,
				onfeatures: noop
			}
		});
		expect(count(body, 'data-testid="layer"')).toBe(2);
		expect(count(body, 'data-testid="neuron-add"')).toBe(0);
		expect(body).toMatch(
			/data-testid="layer-remove"[^>]*disabled|disabled[^>]*data-testid="layer-remove"/
		);
	});
});

describe('PlaygroundPlane', () => {
	const dataset: Dataset = {
		problem: 'classification',
		classes: 2,
		train: [
			{ x1: 1, x2: 1, label: 0 },
			{ x1: -1, x2: 2, label: 1 }
		],
		test: [{ x1: 0, x2: 0, label: 1 }]
	};

	it('is a focusable, labelled plane that counts its points', () => {
		const props = { dataset, snapshot: null, addClass: 0, onadd: noop, showTest: false };
		const hidden = render(PlaygroundPlane, { props }).body;
		expect(hidden).toContain('data-testid="playground-plane"');
		expect(hidden).toContain('data-train="2"');
		expect(hidden).toContain('data-test="0"');
		expect(hidden).toContain('tabindex="0"');
		expect(hidden).toContain('Enter adds a point');
		const shown = render(PlaygroundPlane, { props: { ...props, showTest: true } }).body;
		expect(shown).toContain('data-test="1"');
	});

	it('says when it has the network output to show', () => {
		const props = { dataset, addClass: 0, onadd: noop, showTest: false };
		const body = render(PlaygroundPlane, {
			props: { ...props, snapshot: snapshotOf([2, 2]) }
		}).body;
		expect(body).toContain('data-output="classification"');
		// Three outputs do not belong to a two-class data set.
		const other = render(PlaygroundPlane, {
			props: { ...props, snapshot: snapshotOf([2, 3]) }
		}).body;
		expect(other).not.toContain('data-output');
	});
});
