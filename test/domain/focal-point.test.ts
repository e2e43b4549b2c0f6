import { describe, expect, it } from 'vitest';
import { focalClasses, parseFocalPoint } from '../../src/domain/media/focal-point.js';

describe('focal point', () => {
  it('takes both coordinates from 0 to 1 (text from a form or numbers), or neither', () => {
    expect(parseFocalPoint('0.25', ' 1 ')).toEqual({ x: 0.25, y: 1 });
    expect(parseFocalPoint(0, 0.3333)).toEqual({ x: 0, y: 0.333 });
    expect(parseFocalPoint('', '')).toBeNull();
    expect(parseFocalPoint(undefined, null)).toBeNull();
  });

  it.each([
    ['-0.1', '0.5', 'focalX'],
    ['0.5', '1.01', 'focalY'],
    ['0.5', '', 'focalY'],
    ['NaN', '0.5', 'focalX'],
    ['Infinity', '0.5', 'focalX'],
    [true, '0.5', 'focalX'],
  ])('refuses %s, %s naming %s', (x, y, field) => {
    expect(() => parseFocalPoint(x, y)).toThrow(expect.objectContaining({ code: 'MEDIA_FOCAL_POINT_INVALID', field }));
  });

  it('places crops in steps of 5 %, and leaves the centre to the default', () => {
    expect(focalClasses({ x: 0.3, y: 0.72 })).toBe('focal fx-30 fy-70');
    expect(focalClasses({ x: 1, y: 0 })).toBe('focal fx-100 fy-0');
    expect(focalClasses(null)).toBeUndefined();
  });
});
