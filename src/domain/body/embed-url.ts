import type { EmbedProvider } from './body.js';

/**
 * Which site a pasted address is a post or video of, from the address alone (no request is made):
 * the provider, and the address in its canonical form. Hosts are matched exactly, so
 * `youtube.com.example.net` is nobody's video. A generic oEmbed address is an https endpoint whose
 * path ends in `oembed` (or `oembed.json`) with the content's https address in its `url` parameter.
 */
export type EmbedUrl = { readonly provider: EmbedProvider; readonly url: string };

export const EMBED_PROVIDER_NAMES: Readonly<Record<EmbedProvider, string>> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  x: 'X',
  telegram: 'Telegram',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  oembed: 'oEmbed',
};

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const DIGITS = /^\d{1,25}$/;
const HANDLE = /^[A-Za-z0-9_]{1,50}$/;
const TELEGRAM_CHANNEL = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
const INSTAGRAM_CODE = /^[A-Za-z0-9_-]{5,40}$/;
const TIKTOK_USER = /^@[A-Za-z0-9_.]{1,40}$/;
const FACEBOOK_SEGMENT = /^[A-Za-z0-9_.-]{1,100}$/;

type Recogniser = (url: URL, segments: readonly string[]) => string | null;

const PROVIDERS: ReadonlyArray<{ provider: Exclude<EmbedProvider, 'oembed'>; hosts: readonly string[]; recognise: Recogniser }> = [
  {
    provider: 'youtube',
    hosts: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com'],
    recognise: (url, [first, second]) => {
      const id =
        url.hostname === 'youtu.be'
          ? first
          : first === 'watch'
            ? url.searchParams.get('v')
            : first === 'shorts' || first === 'embed' || first === 'live'
              ? second
              : null;
      return id && YOUTUBE_ID.test(id) ? `https://www.youtube.com/watch?v=${id}` : null;
    },
  },
  {
    provider: 'vimeo',
    hosts: ['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'],
    recognise: (url, segments) => {
      const id = url.hostname === 'player.vimeo.com' ? (segments[0] === 'video' ? segments[1] : null) : segments.length === 1 ? segments[0] : null;
      return id && DIGITS.test(id) ? `https://vimeo.com/${id}` : null;
    },
  },
  {
    provider: 'x',
    hosts: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'mobile.x.com'],
    recognise: (_url, [user, status, id]) =>
      user && HANDLE.test(user) && status === 'status' && id && DIGITS.test(id) ? `https://x.com/${user}/status/${id}` : null,
  },
  {
    provider: 'telegram',
    hosts: ['t.me', 'telegram.me'],
    recognise: (_url, segments) => {
      const [channel, id] = segments[0] === 's' ? segments.slice(1) : segments;
      return channel && TELEGRAM_CHANNEL.test(channel) && id && DIGITS.test(id) ? `https://t.me/${channel}/${id}` : null;
    },
  },
  {
    provider: 'facebook',
    hosts: ['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com', 'fb.watch'],
    recognise: (url, segments) => {
      if (url.hostname === 'fb.watch') return segments.length === 1 && FACEBOOK_SEGMENT.test(segments[0]!) ? `https://fb.watch/${segments[0]}/` : null;
      const [first, second, third] = segments;
      if (first === 'watch' && segments.length === 1) {
        const v = url.searchParams.get('v');
        return v && DIGITS.test(v) ? `https://www.facebook.com/watch/?v=${v}` : null;
      }
      if ((first === 'reel' || first === 'videos') && second && DIGITS.test(second) && segments.length === 2) return `https://www.facebook.com/${first}/${second}`;
      if (first === 'permalink.php' || first === 'story.php') {
        const story = url.searchParams.get('story_fbid');
        const page = url.searchParams.get('id');
        return story && page && FACEBOOK_SEGMENT.test(story) && DIGITS.test(page)
          ? `https://www.facebook.com/permalink.php?story_fbid=${story}&id=${page}`
          : null;
      }
      if (first && FACEBOOK_SEGMENT.test(first) && (second === 'posts' || second === 'videos') && third && FACEBOOK_SEGMENT.test(third) && segments.length === 3) {
        return `https://www.facebook.com/${first}/${second}/${third}`;
      }
      return null;
    },
  },
  {
    provider: 'instagram',
    hosts: ['instagram.com', 'www.instagram.com'],
    recognise: (_url, [kind, code, ...rest]) =>
      (kind === 'p' || kind === 'reel' || kind === 'tv') && code && INSTAGRAM_CODE.test(code) && rest.every((s) => s === 'embed')
        ? `https://www.instagram.com/${kind}/${code}/`
        : null,
  },
  {
    provider: 'tiktok',
    hosts: ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com'],
    recognise: (_url, [user, video, id]) =>
      user && TIKTOK_USER.test(user) && video === 'video' && id && DIGITS.test(id) ? `https://www.tiktok.com/${user}/video/${id}` : null,
  },
];

const MAX_URL = 2_000;

/** The provider and canonical address of an embed, or what is wrong with the address (in words a writer understands). */
export function parseEmbedUrl(input: string): EmbedUrl | { readonly problem: string } {
  const text = input.trim();
  if (text === '') return { problem: 'is empty: paste the address of a post or video' };
  if (text.length > MAX_URL) return { problem: `is longer than ${MAX_URL} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'is not a web address (it should start with https://)' };
  }
  if (url.protocol !== 'https:') return { problem: 'must start with https://' };
  if (url.username || url.password || url.port) return { problem: 'must not carry a user name, password or port' };
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
  const known = PROVIDERS.find((p) => p.hosts.includes(host));
  if (known) {
    const canonical = segments.every((s): s is string => s !== null) ? known.recognise(url, segments) : null;
    if (canonical) return { provider: known.provider, url: canonical };
    return { problem: `is a ${EMBED_PROVIDER_NAMES[known.provider]} address but not of a single post or video` };
  }
  if (/\/oembed(?:\.json)?\/?$/i.test(url.pathname)) {
    const target = url.searchParams.get('url');
    if (!target) return { problem: 'is an oEmbed endpoint without the url of what to embed' };
    let inner: URL;
    try {
      inner = new URL(target);
    } catch {
      return { problem: 'is an oEmbed endpoint whose url parameter is not a web address' };
    }
    if (inner.protocol !== 'https:') return { problem: 'is an oEmbed endpoint whose url parameter does not start with https://' };
    const endpoint = new URL(`https://${host}${url.pathname}`);
    endpoint.searchParams.set('url', inner.href);
    return { provider: 'oembed', url: endpoint.href };
  }
  return {
    problem: 'is not from a site that can be embedded (YouTube, Vimeo, X, Telegram, Facebook, Instagram, TikTok, or an oEmbed endpoint)',
  };
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The address a reader follows without the embed: the post itself (for oEmbed, the content's own address). */
export function embedLink(provider: EmbedProvider, url: string): string {
  return provider === 'oembed' ? (new URL(url).searchParams.get('url') ?? url) : url;
}

/** The name a reader knows the embed's site by: the provider, or the host of a generic oEmbed one ("example.org"). */
export function embedProviderName(provider: EmbedProvider, url: string): string {
  return provider === 'oembed' ? new URL(embedLink(provider, url)).hostname.replace(/^www\./, '') : EMBED_PROVIDER_NAMES[provider];
}

/**
 * The player or post frame loaded when the reader asks, or null (a generic oEmbed endpoint gives
 * HTML to insert, which this site does not run: the reader follows the link instead).
 * The privacy-enhanced variants are used where the provider has one.
 */
export function embedFrameSrc(provider: EmbedProvider, url: string): string | null {
  const parsed = new URL(url);
  const segments = parsed.pathname.split('/').filter(Boolean);
  switch (provider) {
    case 'youtube':
      return `https://www.youtube-nocookie.com/embed/${parsed.searchParams.get('v') ?? ''}`;
    case 'vimeo':
      return `https://player.vimeo.com/video/${segments[0] ?? ''}?dnt=1`;
    case 'x':
      return `https://platform.twitter.com/embed/Tweet.html?dnt=true&id=${segments[2] ?? ''}`;
    case 'telegram':
      return `https://t.me/${segments[0] ?? ''}/${segments[1] ?? ''}?embed=1`;
    case 'facebook': {
      const video = segments.includes('videos') || segments[0] === 'reel' || segments[0] === 'watch' || parsed.hostname === 'fb.watch';
      return `https://www.facebook.com/plugins/${video ? 'video' : 'post'}.php?href=${encodeURIComponent(url)}`;
    }
    case 'instagram':
      return `${url}embed/`;
    case 'tiktok':
      return `https://www.tiktok.com/embed/v2/${segments[2] ?? ''}`;
    case 'oembed':
      return null;
  }
}

/** The origins the frames above come from (the Content-Security-Policy's frame-src). */
export const EMBED_FRAME_ORIGINS = [
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
  'https://platform.twitter.com',
  'https://t.me',
  'https://www.facebook.com',
  'https://www.instagram.com',
  'https://www.tiktok.com',
] as const;
