/**
 * Each optimiser's update rule as KaTeX, in the exact form tfjs computes it (tfjs's momentum
 * accumulates v = μv + g and steps by ηv; Adagrad and RMSprop add ε under the root, Adam after
 * it), and which live numbers of the race's UpdateReadout stand for which symbol. Pure math:
 * the same strings serve every language.
 */
import type { LiveKey, OptimizerKind, OptimizerSettings } from './optimizer-spec';

/** A symbol whose value is a live number of the readout's `values`. */
export interface LiveSymbol {
	symbol: string;
	key: LiveKey;
}

/**
 * A symbol whose value is a setting; 'sigma' is the racer's gradient noise σ (RacerReadout.noise:
 * the `noise` setting times the surface's σ).
 */
export interface SettingSymbol {
	symbol: string;
	setting: keyof OptimizerSettings | 'sigma';
}

export interface UpdateRule {
	kind: OptimizerKind;
	/** The rule, one display-math line each, from the gradient to the new θ. */
	lines: string[];
	live: LiveSymbol[];
	settings: SettingSymbol[];
}

const exactGradient = 'g_t = \\nabla_\\theta f(\\theta_{t-1})';
const noisyGradient =
	'g_t = \\nabla_\\theta f(\\theta_{t-1}) + \\sigma\\,\\xi_t, \\quad \\xi_t \\sim \\mathcal{N}(0, 1)';

const theta: LiveSymbol = { symbol: '\\theta_t', key: 'parameter' };
const gradient: LiveSymbol = { symbol: 'g_t', key: 'gradient' };
const noiseTerm: LiveSymbol = { symbol: '\\sigma\\,\\xi_t', key: 'noise' };
const step: LiveSymbol = { symbol: '\\Delta\\theta_t = \\theta_t - \\theta_{t-1}', key: 'step' };
const eta: SettingSymbol = { symbol: '\\eta', setting: 'learningRate' };
const epsilon: SettingSymbol = { symbol: '\\varepsilon', setting: 'epsilon' };

const rules: Record<OptimizerKind, Omit<UpdateRule, 'kind'>> = {
	gd: {
		lines: ['\\theta_t = \\theta_{t-1} - \\eta\\, g_t'],
		live: [],
		settings: [eta]
	},
	sgd: {
		lines: ['\\theta_t = \\theta_{t-1} - \\eta\\, g_t'],
		live: [],
		settings: [eta]
	},
	momentum: {
		lines: ['v_t = \\mu\\, v_{t-1} + g_t', '\\theta_t = \\theta_{t-1} - \\eta\\, v_t'],
		live: [{ symbol: 'v_t', key: 'velocity' }],
		settings: [eta, { symbol: '\\mu', setting: 'momentum' }]
	},
	nesterov: {
		lines: [
			'v_t = \\mu\\, v_{t-1} + g_t',
			'\\theta_t = \\theta_{t-1} - \\eta\\,(g_t + \\mu\\, v_t)'
		],
		live: [{ symbol: 'v_t', key: 'velocity' }],
		settings: [eta, { symbol: '\\mu', setting: 'momentum' }]
	},
	adagrad: {
		lines: [
			'G_t = G_{t-1} + g_t^2',
			'\\theta_t = \\theta_{t-1} - \\frac{\\eta}{\\sqrt{G_t + \\varepsilon}}\\, g_t'
		],
		live: [{ symbol: 'G_t', key: 'accumulator' }],
		settings: [eta, { symbol: 'G_0', setting: 'initialAccumulator' }]
	},
	rmsprop: {
		lines: [
			's_t = \\rho\\, s_{t-1} + (1 - \\rho)\\, g_t^2',
			'\\theta_t = \\theta_{t-1} - \\frac{\\eta}{\\sqrt{s_t + \\varepsilon}}\\, g_t'
		],
		live: [
			{ symbol: 's_t', key: 'meanSquare' },
			{ symbol: '\\frac{\\eta\\, g_t}{\\sqrt{s_t + \\varepsilon}}', key: 'rmsMoment' }
		],
		settings: [eta, { symbol: '\\rho', setting: 'decay' }, epsilon]
	},
	adam: {
		lines: [
			'm_t = \\beta_1\\, m_{t-1} + (1 - \\beta_1)\\, g_t',
			'v_t = \\beta_2\\, v_{t-1} + (1 - \\beta_2)\\, g_t^2',
			'\\hat m_t = \\frac{m_t}{1 - \\beta_1^{\\,t}}, \\quad \\hat v_t = \\frac{v_t}{1 - \\beta_2^{\\,t}}',
			'\\theta_t = \\theta_{t-1} - \\eta\\, \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\varepsilon}'
		],
		live: [
			{ symbol: 'm_t', key: 'm' },
			{ symbol: 'v_t', key: 'v' },
			{ symbol: '\\hat m_t', key: 'mHat' },
			{ symbol: '\\hat v_t', key: 'vHat' }
		],
		settings: [
			eta,
			{ symbol: '\\beta_1', setting: 'beta1' },
			{ symbol: '\\beta_2', setting: 'beta2' },
			epsilon
		]
	}
};

/**
 * The rule of a kind, its first line saying where the gradient comes from: with the noise term
 * when the racer's gradient is noisy (RacerReadout.noise > 0), exact otherwise.
 */
export function updateRule(kind: OptimizerKind, noisy: boolean): UpdateRule {
	const rule = rules[kind];
	return {
		kind,
		lines: [noisy ? noisyGradient : exactGradient, ...rule.lines],
		live: [theta, gradient, ...(noisy ? [noiseTerm] : []), ...rule.live, step],
		settings: [
			...rule.settings,
			...(noisy ? [{ symbol: '\\sigma', setting: 'sigma' as const }] : [])
		]
	};
}
