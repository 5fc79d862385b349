import { m } from '$lib/paraglide/messages';
import { optionsWith } from '$lib/training/query-params';

/**
 * A settings panel described as data: each field one line naming the setting it edits, so a panel
 * states what it offers and `Fields` lays it out with the kit's labelled controls.
 */
type Key<S> = keyof S & string;
type Choice = string | number;

interface Common<S> {
	key: Key<S>;
	label: string;
	testid: string;
	disabled?: boolean;
	/** A row of its own. */
	wide?: boolean;
	/** After the reader changed it (a new architecture starts over, ...). */
	onchange?: () => void;
}

export type FieldSpec<S> =
	| (Common<S> & { kind: 'select'; options: readonly Choice[]; name?: (option: Choice) => string })
	| (Common<S> & {
			kind: 'range';
			min: number;
			max: number;
			step?: number;
			format?: (value: number) => string;
			/** False where the label already says the value. */
			showValue?: boolean;
	  })
	| (Common<S> & { kind: 'number'; min?: number; max?: number; step?: number })
	| (Common<S> & { kind: 'check' });

type More<S, Kind extends FieldSpec<S>['kind']> = Omit<
	Extract<FieldSpec<S>, { kind: Kind }>,
	'kind' | 'key' | 'label' | 'testid'
>;

/** Builders for the specs, typed against the settings object they edit. */
export function fieldsOf<S>() {
	return {
		/** The learning rate, from `rates` plus the one in use (a link may carry any). */
		learningRate(rates: readonly number[], current: number, optimizer?: string): FieldSpec<S> {
			const label = optimizer
				? `${m.learning_rate_label()} (${optimizer})`
				: m.learning_rate_label();
			return this.select(
				'learningRate' as Key<S>,
				label,
				optionsWith(rates, current) as S[Key<S>][],
				'learning-rate'
			);
		},
		seed(): FieldSpec<S> {
			return this.number('seed' as Key<S>, m.seed_label(), 'seed');
		},
		select<K extends Key<S>>(
			key: K,
			label: string,
			options: readonly S[K][],
			testid: string,
			more: Omit<More<S, 'select'>, 'options' | 'name'> & { name?: (option: S[K]) => string } = {}
		): FieldSpec<S> {
			const { name, ...rest } = more;
			return {
				kind: 'select',
				key,
				label,
				options: options as readonly Choice[],
				testid,
				name: name as ((option: Choice) => string) | undefined,
				...rest
			};
		},
		range(key: Key<S>, label: string, testid: string, more: More<S, 'range'>): FieldSpec<S> {
			return { kind: 'range', key, label, testid, ...more };
		},
		number(key: Key<S>, label: string, testid: string, more: More<S, 'number'> = {}): FieldSpec<S> {
			return { kind: 'number', key, label, testid, min: 0, ...more };
		},
		check(key: Key<S>, label: string, testid: string, more: More<S, 'check'> = {}): FieldSpec<S> {
			return { kind: 'check', key, label, testid, ...more };
		}
	};
}
