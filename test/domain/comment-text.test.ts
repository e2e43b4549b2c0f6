import { describe, expect, it } from 'vitest';
import { countLinks, findBannedWord, parseAuthorName, parseCommentBody, splitLinks } from '../../src/domain/comment/comment-text.js';
import { buildThreads } from '../../src/domain/comment/thread.js';
import type { Comment } from '../../src/domain/comment/comment.js';

describe('comment text', () => {
  it('keeps line breaks, folds long runs of blank lines, and refuses control characters', () => {
    expect(parseCommentBody('  one\r\ntwo\n\n\n\nthree  ')).toBe('one\ntwo\n\nthree');
    expect(() => parseCommentBody('a\u0000b')).toThrow(expect.objectContaining({ code: 'COMMENT_CONTROL_CHARACTERS' }));
    expect(() => parseAuthorName('Ann\nBob')).toThrow(expect.objectContaining({ code: 'COMMENT_CONTROL_CHARACTERS' }));
    expect(parseAuthorName('Айбек 🇰🇬')).toBe('Айбек 🇰🇬');
  });

  it('links web addresses only, leaving trailing punctuation and other schemes as text', () => {
    expect(splitLinks('See https://example.org/a?b=1, or www.example.com. Not javascript:alert(1)')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { kind: 'text', text: ', or ' },
      { kind: 'link', text: 'www.example.com', href: 'https://www.example.com' },
      { kind: 'text', text: '. Not javascript:alert(1)' },
    ]);
    expect(countLinks('http://a.example http://b.example www.c.example')).toBe(3);
  });

  it('finds banned words as whole words in any script and case', () => {
    expect(findBannedWord('Это МОШЕННИК!', ['мошенник'])).toBe('мошенник');
    expect(findBannedWord('Scampi', ['scam'])).toBeNull();
    expect(findBannedWord('buy cheap pills', ['cheap pills'])).toBe('cheap pills');
  });
});

describe('threads', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  const c = (id: number, parentId: number | null, rootId: number | null): Comment => ({
    id, storyId: 1, parentId, rootId, authorName: `a${id}`, body: 'b', state: 'visible', createdAt: at, editedAt: null,
  });

  it('nests replies under their parents and keeps deep replies at the deepest level', () => {
    const [thread] = buildThreads([c(1, null, null)], [c(2, 1, 1), c(3, 2, 1), c(4, 3, 1), c(5, 4, 1)]);
    expect(thread?.replies[0]?.comment.id).toBe(2);
    expect(thread?.replies[0]?.replies[0]?.depth).toBe(3);
    expect(thread?.replies[0]?.replies[0]?.replies[0]?.depth).toBe(3);
  });

  it('hangs a reply whose parent is not shown from its thread root', () => {
    const [thread] = buildThreads([c(1, null, null)], [c(3, 2, 1)]);
    expect(thread?.replies.map((r) => r.comment.id)).toEqual([3]);
  });
});
