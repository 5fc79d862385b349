/** What every labelled field of a settings panel takes. */
export interface FieldBase {
	label: string;
	/** The control's `data-testid`, the name the e2e tests drive it by. */
	testid: string;
	disabled?: boolean;
	/** Takes a row of its own in a panel. */
	wide?: boolean;
}

/** The attributes a field puts on its control: the id its label points at, and the rest. */
export function control(id: string, field: FieldBase) {
	return { id, disabled: field.disabled ?? false, 'data-testid': field.testid };
}
