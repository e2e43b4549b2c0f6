import { invalid } from '../shared/errors.js';

/** Where a picture's crops centre: x from 0 (left edge) to 1 (right), y from 0 (top) to 1 (bottom). */
export interface FocalPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * A focal point from a form or a request: both coordinates, each a number from 0 to 1, or both
 * empty (null: the centre). Names the coordinate at fault.
 */
export function parseFocalPoint(x: unknown, y: unknown): FocalPoint | null {
  const empty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  if (empty(x) && empty(y)) return null;
  return { x: coordinate(x, 'focalX'), y: coordinate(y, 'focalY') };
}

function coordinate(input: unknown, field: string): number {
  const value = typeof input === 'string' && input.trim() !== '' ? Number(input.trim()) : input;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw invalid('MEDIA_FOCAL_POINT_INVALID', `${field} must be a number from 0 to 1 (both coordinates, or neither)`, field);
  }
  return Math.round(value * 1000) / 1000;
}

/**
 * The classes that place a crop on the focal point (the stylesheet sets object-position from
 * them: no inline style under the Content-Security-Policy), in steps of 5 %.
 */
export function focalClasses(point: FocalPoint | null | undefined): string | undefined {
  if (!point) return undefined;
  const step = (value: number) => Math.round(value * 20) * 5;
  return `focal fx-${step(point.x)} fy-${step(point.y)}`;
}
