/**
 * The lab kit: what every lab is built from. A lab states only what is its own: its settings, its
 * worker, its panels. See README, "Adding a lesson".
 */
export { default as Lab } from './Lab.svelte';
export { default as Columns } from './Columns.svelte';
export { default as Column } from './Column.svelte';
export { default as Panel } from './Panel.svelte';
export { default as ToggleGroup } from './ToggleGroup.svelte';
export { default as Notice } from './Notice.svelte';
export { default as StatusLine } from './StatusLine.svelte';
export { default as KeyShortcuts } from './KeyShortcuts.svelte';
export { default as SelectField } from './fields/SelectField.svelte';
export { default as RangeField } from './fields/RangeField.svelte';
export { default as NumberField } from './fields/NumberField.svelte';
export { default as TextField } from './fields/TextField.svelte';
export { default as CheckField } from './fields/CheckField.svelte';
export { default as FileField } from './fields/FileField.svelte';
export { default as ChoiceField } from './fields/ChoiceField.svelte';
export { default as Fields } from './fields/Fields.svelte';
export { default as SettingsPanel } from './SettingsPanel.svelte';
export { fieldsOf, type FieldSpec } from './fields/specs';
export {
	useLab,
	useLiveLab,
	useComputeLab,
	changeDetector,
	type SettingsModule
} from './live-lab.svelte';
export { HiddenPause, type Pausable } from './visibility.svelte';
export { backendLabel } from './backend-text';
