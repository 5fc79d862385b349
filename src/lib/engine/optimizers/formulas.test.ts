import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { updateRule } from './formulas';
import { defaultSettings, hyperParameters, optimizerKinds } from './optimizer-spec';
import { SurfaceRace } from './optimizers';

describe('update rules', () => {
	it('are valid KaTeX, lines and symbols alike', () => {
		for (const kind of optimizerKinds) {
			for (const noisy of [false, true]) {
				const rule = updateRule(kind, noisy);
				const symbols = [...rule.live, ...rule.settings].map((s) => s.symbol);
				for (const tex of [...rule.lines, ...symbols]) {
					expect(() => katex.renderToString(tex, { throwOnError: true }), tex).not.toThrow();
				}
			}
		}
	});

	it('name the settings each kind uses, σ where the gradient is noisy', () => {
		for (const kind of optimizerKinds) {
			const settings = updateRule(kind, false).settings.map((s) => s.setting);
			const used = hyperParameters[kind].filter((p) => p !== 'noise');
			expect(settings.sort()).toEqual(used.sort());
			expect(updateRule(kind, true).settings.map((s) => s.setting)).toContain('sigma');
		}
	});

	it('map every live symbol to a number the race reads back for that kind, and nothing more', async () => {
		for (const surface of ['rosenbrock', 'noisyQuadratic'] as const) {
			const race = new SurfaceRace({
				surface,
				seed: 3,
				racers: optimizerKinds.map((kind) => defaultSettings(kind, surface))
			});
			race.step(2);
			for (const racer of (await race.read(1)).racers) {
				const rule = updateRule(racer.settings.kind, racer.noise > 0);
				const keys = rule.live.map((s) => s.key);
				for (const key of keys) {
					expect(Number.isFinite(racer.update.values[key]), `${racer.settings.kind} ${key}`).toBe(
						true
					);
				}
				const shown = new Set([...keys, 'noise']);
				const unshown = Object.keys(racer.update.values).filter((key) => !shown.has(key as never));
				expect(unshown, racer.settings.kind).toEqual([]);
			}
			race.dispose();
		}
	});
});
