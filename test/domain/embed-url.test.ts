import { describe, expect, it } from 'vitest';
import { embedFrameSrc, embedLink, embedProviderName, parseEmbedUrl, EMBED_FRAME_ORIGINS } from '../../src/domain/body/embed-url.js';

describe('parseEmbedUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://m.youtube.com/shorts/dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'vimeo', 'https://vimeo.com/76979871'],
    ['https://player.vimeo.com/video/76979871', 'vimeo', 'https://vimeo.com/76979871'],
    ['https://twitter.com/azattyk/status/1234567890123456789?s=20', 'x', 'https://x.com/azattyk/status/1234567890123456789'],
    ['https://x.com/RFERL/status/42', 'x', 'https://x.com/RFERL/status/42'],
    ['https://t.me/azattyk/12345', 'telegram', 'https://t.me/azattyk/12345'],
    ['https://t.me/s/azattyk/12345', 'telegram', 'https://t.me/azattyk/12345'],
    ['https://www.facebook.com/azattyk/posts/pfbid0abc', 'facebook', 'https://www.facebook.com/azattyk/posts/pfbid0abc'],
    ['https://m.facebook.com/watch/?v=1234', 'facebook', 'https://www.facebook.com/watch/?v=1234'],
    ['https://www.instagram.com/p/C0abcDEF12/?igsh=1', 'instagram', 'https://www.instagram.com/p/C0abcDEF12/'],
    ['https://www.instagram.com/reel/C0abcDEF12/', 'instagram', 'https://www.instagram.com/reel/C0abcDEF12/'],
    ['https://www.tiktok.com/@azattyk/video/7312345678901234567', 'tiktok', 'https://www.tiktok.com/@azattyk/video/7312345678901234567'],
    ['https://publish.example.org/oembed?url=https%3A%2F%2Fexample.org%2Fpost%2F1&format=json', 'oembed', 'https://publish.example.org/oembed?url=https%3A%2F%2Fexample.org%2Fpost%2F1'],
  ])('recognises %s', (input, provider, url) => {
    expect(parseEmbedUrl(input)).toEqual({ provider, url });
  });

  it.each([
    ['', /is empty/],
    ['not a url', /is not a web address/],
    ['http://www.youtube.com/watch?v=dQw4w9WgXcQ', /must start with https:\/\//],
    ['javascript:alert(1)', /must start with https:\/\//],
    ['https://user:pw@youtube.com/watch?v=dQw4w9WgXcQ', /user name, password or port/],
    ['https://www.youtube.com.example.net/watch?v=dQw4w9WgXcQ', /not from a site that can be embedded/],
    ['https://evilyoutube.com/watch?v=dQw4w9WgXcQ', /not from a site that can be embedded/],
    ['https://www.youtube.com/watch?v=short', /YouTube address but not of a single post or video/],
    ['https://www.youtube.com/', /YouTube address but not of a single post or video/],
    ['https://x.com/home', /X address but not/],
    ['https://t.me/azattyk', /Telegram address but not/],
    ['https://www.facebook.com/azattyk', /Facebook address but not/],
    ['https://www.instagram.com/azattyk/', /Instagram address but not/],
    ['https://www.tiktok.com/@azattyk', /TikTok address but not/],
    ['https://example.org/oembed', /without the url/],
    ['https://example.org/oembed?url=http://example.org/a', /does not start with https/],
    ['https://example.org/news/1', /not from a site that can be embedded \(YouTube, Vimeo, X, Telegram, Facebook, Instagram, TikTok, or an oEmbed endpoint\)/],
  ])('refuses %s with a clear reason', (input, problem) => {
    const result = parseEmbedUrl(input);
    expect('problem' in result && result.problem).toMatch(problem);
  });
});

describe('what the reader page loads', () => {
  it('loads privacy-enhanced frames from the origins the policy allows, and none for generic oEmbed', () => {
    const cases = [
      ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
      ['vimeo', 'https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
      ['x', 'https://x.com/RFERL/status/42', 'https://platform.twitter.com/embed/Tweet.html?dnt=true&id=42'],
      ['telegram', 'https://t.me/azattyk/12345', 'https://t.me/azattyk/12345?embed=1'],
      ['instagram', 'https://www.instagram.com/p/C0abcDEF12/', 'https://www.instagram.com/p/C0abcDEF12/embed/'],
      ['tiktok', 'https://www.tiktok.com/@a/video/7', 'https://www.tiktok.com/embed/v2/7'],
    ] as const;
    for (const [provider, url, frame] of cases) {
      expect(embedFrameSrc(provider, url)).toBe(frame);
      expect(EMBED_FRAME_ORIGINS).toContain(new URL(frame).origin);
    }
    expect(embedFrameSrc('facebook', 'https://www.facebook.com/a/videos/1')).toMatch(/^https:\/\/www\.facebook\.com\/plugins\/video\.php\?href=/);
    const oembed = 'https://publish.example.org/oembed?url=https%3A%2F%2Fwww.example.org%2Fpost%2F1';
    expect(embedFrameSrc('oembed', oembed)).toBeNull();
    expect(embedLink('oembed', oembed)).toBe('https://www.example.org/post/1');
    expect(embedProviderName('oembed', oembed)).toBe('example.org');
    expect(embedProviderName('x', 'https://x.com/a/status/1')).toBe('X');
  });
});
