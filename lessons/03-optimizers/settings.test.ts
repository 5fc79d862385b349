import { describe, expect, it } from 'vitest';
import { learningRates } from '$lib/engine/optimizers/optimizer-spec';
import { surfaces } from '$lib/engine/optimizers/surfaces';
import { defaultSettings, parseSettings, racersFor, settingsToQuery, startOf } from './settings';

const parse = (query: string) => parseSettings(new URLSearchParams(query));

describe('optimiser race settings in the URL', () => {
	it('leaves everything out by default and reads the defaults back', () => {
		expect(settingsToQuery(defaultSettings)).toBe('');
		expect(parse('')).toEqual(defaultSettings);
	});

	it('round-trips a changed race', () => {
		const settings = structuredClone(defaultSettings);
		settings.surface = 'beale';
		settings.start = [1.25, -0.5];
		settings.racers.gd.enabled = false;
		settings.racers.adam.learningRate = 0.2;
		settings.racers.adam.beta1 = 0.5;
		settings.racers.momentum.momentum = 0.5;
		settings.racers.rmsprop.decay = 0.8;
		settings.follow = 'rmsprop';
		settings.parameter = 1;
		settings.seed = 7;
		settings.speed = 5;
		const query = settingsToQuery(settings);
		expect(query).toContain('start=1.25,-0.5');
		expect(query).toContain('off=gd');
		expect(parse(query)).toEqual(settings);
	});

	it('ignores a start outside the surface and malformed numbers', () => {
		expect(parse('start=100,0').start).toBeNull();
		expect(parse('start=a,b').start).toBeNull();
		expect(parse('lr.adam=-1').racers.adam.learningRate).toBeNull();
		expect(parse('mu.momentum=2').racers.momentum.momentum).toBe(0.9);
		expect(parse('surface=nope').surface).toBe('rosenbrock');
	});

	it("fills in the surface's default rates and start, and leaves out disabled racers", () => {
		const settings = parse('surface=saddle&off=sgd,adagrad&lr.adam=0.3');
		const racers = racersFor(settings);
		expect(racers.map((racer) => racer.kind)).toEqual([
			'gd',
			'momentum',
			'nesterov',
			'rmsprop',
			'adam'
		]);
		expect(racers.find((r) => r.kind === 'gd')!.learningRate).toBe(learningRates.saddle.gd);
		expect(racers.find((r) => r.kind === 'adam')!.learningRate).toBe(0.3);
		expect(startOf(settings)).toEqual(surfaces.saddle.start);
	});
});
