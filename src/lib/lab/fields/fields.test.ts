import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CheckField from './CheckField.svelte';
import ChoiceField from './ChoiceField.svelte';
import FileField from './FileField.svelte';
import NumberField from './NumberField.svelte';
import RangeField from './RangeField.svelte';
import SelectField from './SelectField.svelte';

/** The label's `for` names the control's `id`: a screen reader reads the label with the control. */
function expectLabelled(body: string, label: string, testid: string): void {
	const labelFor = body.match(new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${label}`))?.[1];
	expect(labelFor, `a label "${label}" with a for`).toBeTruthy();
	const control = body.match(new RegExp(`<(input|select)[^>]*id="${labelFor}"[^>]*>`))?.[0];
	expect(control, `a control with id ${labelFor}`).toContain(`data-testid="${testid}"`);
}

const html = <Props extends Record<string, unknown>>(component: Component<Props>, props: Props) =>
	render(component, { props }).body;

describe('the kit fields', () => {
	it('SelectField: labelled options, named, the value selected', () => {
		const body = html(SelectField<number>, {
			label: 'Dropout',
			value: 0.2,
			options: [0, 0.2, 0.5],
			name: (rate: number) => (rate === 0 ? 'none' : `${rate * 100}%`),
			testid: 'dropout'
		});
		expectLabelled(body, 'Dropout', 'dropout');
		expect(body.match(/<option/g)).toHaveLength(3);
		expect(body).toMatch(/<option[^>]*selected[^>]*>20%<\/option>/);
		expect(body).toContain('>none</option>');
		expect(body).not.toContain('disabled');
	});

	it('SelectField can be disabled and reads the values themselves without a name', () => {
		const body = html(SelectField<string>, {
			label: 'Rate',
			value: 'b',
			options: ['a', 'b'],
			testid: 'rate',
			disabled: true
		});
		expect(body).toContain('disabled');
		expect(body).toContain('>a</option>');
	});

	it('RangeField shows its value and says it to screen readers', () => {
		const body = html(RangeField, {
			label: 'Noise',
			value: 0.3,
			min: 0,
			max: 1,
			step: 0.1,
			format: (v: number) => `${v * 100}%`,
			testid: 'noise'
		});
		expectLabelled(body, 'Noise', 'noise');
		expect(body).toContain('<output');
		expect(body).toContain('30%</output>');
		expect(body).toContain('aria-valuetext="30%"');
	});

	it('NumberField, CheckField and FileField are labelled controls', () => {
		expectLabelled(html(NumberField, { label: 'Seed', value: 3, testid: 'seed' }), 'Seed', 'seed');
		const check = html(CheckField, { label: 'Show test', checked: true, testid: 'show-test' });
		expectLabelled(check, 'Show test', 'show-test');
		expect(check).toContain('checked');
		const file = html(FileField, {
			label: 'Upload',
			accept: '.csv',
			multiple: true,
			testid: 'csv',
			message: { tone: 'danger' as const, text: 'line 3: not a number' },
			messageTestid: 'csv-message',
			onfiles: () => undefined
		});
		expectLabelled(file, 'Upload', 'csv');
		expect(file).toContain('multiple');
		expect(file).toContain('line 3: not a number');
		expect(file).toContain('data-testid="csv-message"');
	});

	it('ChoiceField is a named radio group with the value checked', () => {
		const body = html(ChoiceField<string>, {
			label: 'Activation',
			value: 'step',
			options: ['sigmoid', 'step'],
			testid: 'act'
		});
		const labelId = body.match(/<span class="lab-name" id="([^"]+)">Activation/)?.[1];
		expect(body).toContain(`role="radiogroup" aria-labelledby="${labelId}"`);
		expect(body.match(/type="radio"/g)).toHaveLength(2);
		expect(body).toMatch(/value="step"[^>]*checked/);
		expect(body).toContain('data-testid="act-sigmoid"');
	});
});
