import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../src/domain/shared/error-catalogue.js';
import { DomainError, invalid, notFound } from '../../src/domain/shared/errors.js';

const SRC = path.resolve(import.meta.dirname, '../../src');
const CATALOGUE = path.join(SRC, 'domain/shared/error-catalogue.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'client' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && full !== CATALOGUE ? [full] : [];
  });
}

/**
 * Every code a throw site names: the first argument of the error helpers and of `new DomainError`,
 * a `code:` in an answer, and a code compared against (`case 'X':`, `=== 'X'`).
 */
const USES = [
  /\b(?:invalid|notFound|conflict|unauthenticated|new DomainError)\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /\bcode: '([A-Z][A-Z0-9_]+)'/g,
  /\bcase '([A-Z][A-Z0-9_]+)':/g,
  // (Node's own codes, ENOENT and the like, have no underscore.)
  /\.code === '([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g,
];

describe('the error catalogue', () => {
  const uses = sourceFiles(SRC).flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return USES.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => ({ code: match[1] ?? '', at: path.relative(SRC, file) })));
  });

  it('declares every code thrown, answered or tested for in src/', () => {
    expect(uses.length).toBeGreaterThan(80);
    // Node's own error codes (ENOENT, EEXIST...) are compared against, never thrown as ours.
    const undeclared = uses.filter((use) => !(use.code in ERRORS) && !/^E[A-Z]+$/.test(use.code));
    expect(undeclared).toEqual([]);
  });

  it('declares each code once, with one kind', () => {
    const text = fs.readFileSync(CATALOGUE, 'utf8');
    const declared = [...text.matchAll(/^\s+([A-Z][A-Z0-9_]+): \{ kind: '([a-z-]+)'/gm)].map((match) => match[1]);
    expect(declared.length).toBe(Object.keys(ERRORS).length);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('gives every *_NOT_FOUND code the not-found kind, so every surface answers 404', () => {
    const notFoundCodes = (Object.keys(ERRORS) as ErrorCode[]).filter((code) => code.endsWith('_NOT_FOUND'));
    expect(notFoundCodes.length).toBeGreaterThanOrEqual(6);
    for (const code of notFoundCodes) expect([code, ERRORS[code].kind]).toEqual([code, 'not-found']);
  });

  it('takes the kind and the default public message from the catalogue; context stays private', () => {
    const error = notFound('STORY_NOT_FOUND', undefined, { field: 'body', context: { storyId: 7 } });
    expect(error).toMatchObject({ code: 'STORY_NOT_FOUND', kind: 'not-found', message: ERRORS.STORY_NOT_FOUND.message, field: 'body' });
    expect(error.context).toEqual({ storyId: 7 });
    expect(new DomainError('RATE_LIMITED').kind).toBe('rate-limited');
    expect(invalid('FIELD_INVALID', 'at must be a date', 'at')).toMatchObject({ message: 'at must be a date', field: 'at' });
  });

  it('refuses at compile time a code that is not declared, or one thrown as the wrong kind', () => {
    // @ts-expect-error: not a declared code
    expect(() => new DomainError('NO_SUCH_CODE')).toThrow();
    // @ts-expect-error: a not-found code is not an "invalid" one
    invalid('STORY_NOT_FOUND', 'no');
  });
});
