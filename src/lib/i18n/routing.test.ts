import { describe, expect, it } from 'vitest';
import { localeFromSegment, localizePath, splitLocalePath } from './routing';

describe('locale routing', () => {
	it('maps the zh segment to Simplified Chinese and anything else to English', () => {
		expect(localeFromSegment('zh')).toBe('zh-CN');
		expect(localeFromSegment(undefined)).toBe('en');
		expect(localeFromSegment('lessons')).toBe('en');
	});

	it('localises and splits paths both ways', () => {
		expect(localizePath('/lessons/perceptron/', 'zh-CN')).toBe('/zh/lessons/perceptron/');
		expect(localizePath('/lessons/perceptron/', 'en')).toBe('/lessons/perceptron/');
		expect(splitLocalePath('/zh/lessons/perceptron/')).toEqual({
			locale: 'zh-CN',
			path: '/lessons/perceptron/'
		});
		expect(splitLocalePath('/zh/')).toEqual({ locale: 'zh-CN', path: '/' });
		expect(splitLocalePath('/zh')).toEqual({ locale: 'zh-CN', path: '/' });
		expect(splitLocalePath('/lessons/x/')).toEqual({ locale: 'en', path: '/lessons/x/' });
	});
});
