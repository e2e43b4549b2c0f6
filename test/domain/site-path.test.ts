import { describe, expect, it } from 'vitest';
import { parseAlertInput } from '../../src/domain/alert/alert.js';
import { hrefProblem } from '../../src/domain/body/parse-body.js';
import { isSitePath } from '../../src/domain/shared/site-path.js';

/** Paths a browser resolves off-site, or whose meaning the URL parser changes silently. */
const OFF_SITE_PATHS = [
  '//evil.example/',
  '/\\evil.example/',
  '/\\t/evil.example/',
  '/\t/evil.example/',
  '/\n/evil.example/',
  '/\r\n/evil.example',
  '\\/evil.example/',
  '/\\\\evil.example',
  '/%0a/x\u0000',
  '/en/\u007f',
];

describe('the site path rule', () => {
  it('accepts paths of this site', () => {
    for (const path of ['/', '/en/', '/en/a/kyrgyz-president/1', '/en/search?q=a%20b#top', '/fa/t/ایران', '/en/a/x/1/comments?page=2']) {
      expect(isSitePath(path), path).toBe(true);
      expect(hrefProblem(path), path).toBeNull();
    }
  });

  it('refuses paths a browser would follow to another site, and tabs and line breaks anywhere', () => {
    for (const path of OFF_SITE_PATHS) {
      expect(isSitePath(path), JSON.stringify(path)).toBe(false);
      expect(hrefProblem(path), JSON.stringify(path)).not.toBeNull();
    }
    expect(hrefProblem('https://exa\tmple.org/')).not.toBeNull();
    expect(hrefProblem('https://example.org/a\nb')).not.toBeNull();
  });

  it('applies to alert links', () => {
    const times = { startsAt: new Date(0), expiresAt: new Date(60_000) };
    expect(parseAlertInput({ text: 'x', linkUrl: '/en/a/x/1', ...times }).linkUrl).toBe('/en/a/x/1');
    expect(parseAlertInput({ text: 'x', linkUrl: 'https://example.org/live', ...times }).linkUrl).toBe('https://example.org/live');
    for (const linkUrl of [...OFF_SITE_PATHS.map((p) => `${p}x`), 'https://exa\tmple.org/']) {
      expect(() => parseAlertInput({ text: 'x', linkUrl, ...times }), JSON.stringify(linkUrl)).toThrow(expect.objectContaining({ field: 'linkUrl' }));
    }
  });
});
