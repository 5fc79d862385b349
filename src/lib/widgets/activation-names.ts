import { m } from '$lib/paraglide/messages';

/** Activation functions as the settings panels name them. */
export const activationNames = {
	relu: m.nn_activation_relu,
	tanh: m.nn_activation_tanh,
	sigmoid: m.activation_sigmoid,
	linear: m.nn_activation_linear
} as const;
