import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import SelectField from './SelectField.svelte';

describe('SelectField', () => {
	it('labels a select of the options, named, with the value selected', () => {
		const { body } = render(SelectField<number>, {
			props: {
				label: 'Dropout',
				value: 0.2,
				options: [0, 0.2, 0.5],
				name: (rate: number) => (rate === 0 ? 'none' : `${rate * 100}%`),
				testid: 'dropout'
			}
		});
		expect(body).toContain('<span class="lab-name">Dropout</span>');
		expect(body).toContain('data-testid="dropout"');
		expect(body.match(/<option/g)).toHaveLength(3);
		expect(body).toMatch(/<option[^>]*selected[^>]*>20%<\/option>/);
		expect(body).toContain('>none</option>');
		expect(body).not.toContain('disabled');
	});

	it('can be disabled, and reads the values themselves without a name', () => {
		const { body } = render(SelectField<string>, {
			props: { label: 'Rate', value: 'b', options: ['a', 'b'], testid: 'rate', disabled: true }
		});
		expect(body).toContain('disabled');
		expect(body).toContain('>a</option>');
	});
});
