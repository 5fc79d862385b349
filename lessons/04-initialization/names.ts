import type { InitializerChoice, InitializerKind } from '$lib/engine/initialization/spec';
import { m } from '$lib/paraglide/messages';

export const kindNames: Record<InitializerKind, () => string> = {
	zeros: m.init_kind_zeros,
	constant: m.init_kind_constant,
	normal: m.init_kind_normal,
	glorotUniform: m.init_kind_glorot_uniform,
	glorotNormal: m.init_kind_glorot_normal,
	heNormal: m.init_kind_he_normal,
	lecunNormal: m.init_kind_lecun_normal
};

/** The name of an initialiser with its parameter, in the page's language: 'Random normal (σ = 1)'. */
export function choiceName(choice: InitializerChoice): string {
	const name = kindNames[choice.kind]();
	if (choice.kind === 'normal' && choice.std !== undefined) return `${name} (σ = ${choice.std})`;
	if (choice.kind === 'constant' && choice.value !== undefined) return `${name} (${choice.value})`;
	return name;
}
