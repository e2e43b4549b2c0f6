import { bodyText } from '../../domain/body/body.js';
import { isoDuration } from '../../domain/media/duration.js';
import { playableRenditions, posterOf, thumbnailOf, type MediaItem, type Rendition } from '../../domain/media/media.js';
import { profilePath, type Profile } from '../../domain/profile/profile.js';
import { leadMediaText } from '../../domain/story/lead-media-text.js';
import { storyPath } from '../../domain/story/story-path.js';
import { embedPath } from '../../domain/distribution/embed-paths.js';
import type { MastheadModel, StoryPageModel } from '../page-model.js';
import type { PageMeta } from './page-meta.js';

const ORGANISATION_TYPES = { person: 'Person', organisation: 'Organization', place: 'Place' } as const;

/** Absolute addresses for what a page shows: JSON-LD and Open Graph take no relative URLs. */
export function absolute(masthead: MastheadModel, path: string): string {
  return new URL(path, masthead.siteUrl).href;
}

export function mediaUrl(masthead: MastheadModel, rendition: Pick<Rendition, 'path'>): string {
  return absolute(masthead, `${masthead.mediaBase}${rendition.path}`);
}

/** The biggest JPEG/poster that stands for a media item in previews. */
export function previewImage(item: MediaItem): Rendition | undefined {
  if (item.state !== 'ready') return undefined;
  const poster = posterOf(item);
  if (poster) return poster;
  const images = item.renditions.filter((r) => r.kind === 'image' && r.mimeType === 'image/jpeg');
  return images.sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0] ?? thumbnailOf(item);
}

export function publisherLd(masthead: MastheadModel) {
  return {
    '@type': 'NewsMediaOrganization',
    name: masthead.service.name,
    url: absolute(masthead, `/${masthead.service.code}/`),
    logo: { '@type': 'ImageObject', url: absolute(masthead, masthead.assets.logo), width: 600, height: 60 },
  };
}

/**
 * The story page's previews and structured data: schema.org NewsArticle (with a Person for
 * each byline that has a profile), VideoObject for lead video, BreadcrumbList, and Open Graph.
 * A live story is a LiveBlogPosting instead, its entries on the page as `liveBlogUpdate`.
 */
export function storyMeta(masthead: MastheadModel, model: StoryPageModel): PageMeta {
  const { story, section, tags, media } = model;
  const { service } = masthead;
  const url = model.canonicalUrl;
  const lead = story.leadMediaId !== null ? media.get(story.leadMediaId) : undefined;
  const picture = lead ? previewImage(lead) : undefined;
  const images = [...media.values()].map(previewImage).filter((r): r is Rendition => r !== undefined);
  // The lead picture as an ImageObject with the caption and credit the story shows under it.
  const leadText = lead ? leadMediaText(story, lead) : null;
  const imageLd = images.map((r) =>
    r === picture && leadText && (leadText.caption || leadText.credit)
      ? {
          '@type': 'ImageObject',
          url: mediaUrl(masthead, r),
          ...(r.width ? { width: r.width } : {}),
          ...(r.height ? { height: r.height } : {}),
          ...(leadText.caption ? { caption: leadText.caption } : {}),
          ...(leadText.credit ? { creditText: leadText.credit } : {}),
        }
      : mediaUrl(masthead, r),
  );
  const modified = story.updatedAt ?? story.publishedAt;
  const authors = story.bylines.map((name) => {
    const profile = model.authors.get(name);
    return profile ? personLd(masthead, profile) : { '@type': 'Person', name };
  });
  const corrections = story.notes
    .filter((note) => note.kind === 'correction')
    .map((note) => ({ '@type': 'CorrectionComment', text: note.text, datePublished: note.at.toISOString() }));
  const video = lead && lead.kind === 'video' && lead.state === 'ready' ? videoLd(masthead, { ...lead, ...leadMediaText(story, lead) }, story.publishedAt) : null;

  const live = model.live ? liveBlogLd(url, model.live, modified) : null;
  const article = {
    '@context': 'https://schema.org',
    '@type': live ? 'LiveBlogPosting' : 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: story.headline,
    ...(story.deck ? { description: story.deck } : {}),
    ...(story.publishedAt ? { datePublished: story.publishedAt.toISOString() } : {}),
    ...(modified ? { dateModified: modified.toISOString() } : {}),
    author: authors.length ? authors : [publisherLd(masthead)],
    publisher: publisherLd(masthead),
    ...(imageLd.length ? { image: imageLd } : {}),
    ...(section ? { articleSection: section.name } : {}),
    ...(tags.length ? { keywords: tags.map((tag) => tag.name) } : {}),
    inLanguage: service.locale,
    isAccessibleForFree: true,
    wordCount: bodyText(story.body).split(/\s+/u).filter(Boolean).length,
    ...(corrections.length ? { correction: corrections } : {}),
    ...(video ? { video } : {}),
    ...live,
  };
  const crumbs = [
    { name: service.name, path: `/${service.code}/` },
    ...(section ? [{ name: section.name, path: `/${service.code}/s/${encodeURIComponent(section.slug)}` }] : []),
    { name: story.headline, path: storyPath(story) },
  ];
  const breadcrumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absolute(masthead, crumb.path),
    })),
  };
  const player = lead && lead.kind !== 'image' && playableRenditions(lead).length ? playerSize(masthead, lead) : null;
  return {
    type: 'article',
    title: story.headline,
    description: story.deck,
    image: picture ? { url: mediaUrl(masthead, picture), width: picture.width, height: picture.height, alt: lead?.altText ?? lead?.title ?? null } : null,
    article: {
      publishedTime: story.publishedAt?.toISOString() ?? null,
      modifiedTime: modified?.toISOString() ?? null,
      section: section?.name ?? null,
      tags: tags.map((tag) => tag.name),
    },
    player,
    oembed: `${absolute(masthead, '/oembed')}?url=${encodeURIComponent(url)}&format=json`,
    alternates: alternates(masthead, model),
    jsonLd: [article, ...(video ? [{ '@context': 'https://schema.org', ...video }] : []), breadcrumbs],
  };
}

function playerSize(masthead: MastheadModel, item: MediaItem) {
  const first = playableRenditions(item)[0];
  return { url: absolute(masthead, embedPath(item.id)), width: first?.width ?? 640, height: first?.height ?? (item.kind === 'audio' ? 120 : 360) };
}

/** schema.org VideoObject for a ready video. */
export function videoLd(masthead: MastheadModel, item: MediaItem, uploadDate: Date | null) {
  const poster = posterOf(item);
  const file = playableRenditions(item).sort((a, b) => (b.height ?? 0) - (a.height ?? 0))[0];
  return {
    '@type': 'VideoObject',
    name: item.title,
    description: item.caption ?? item.title,
    ...(poster ? { thumbnailUrl: [mediaUrl(masthead, poster)] } : {}),
    ...(uploadDate ? { uploadDate: uploadDate.toISOString() } : {}),
    ...(item.durationMs !== null ? { duration: isoDuration(item.durationMs) } : {}),
    ...(file ? { contentUrl: mediaUrl(masthead, file) } : {}),
    embedUrl: absolute(masthead, embedPath(item.id)),
    ...(item.credit ? { creditText: item.credit } : {}),
  };
}

/** A profile as schema.org Person, Organization or Place, with its page. */
export function personLd(masthead: MastheadModel, profile: Profile) {
  return {
    '@type': ORGANISATION_TYPES[profile.kind],
    name: profile.name,
    url: absolute(masthead, profilePath(masthead.service.code, profile)),
    ...(profile.summary ? { description: profile.summary } : {}),
  };
}

/** A live story's coverage start and the entries of this page as schema.org BlogPostings, newest first. */
function liveBlogLd(url: string, live: NonNullable<StoryPageModel['live']>, storyModified: Date | null) {
  const entries = [...live.entries].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const latest = Math.max(storyModified?.getTime() ?? 0, ...entries.map((entry) => entry.modifiedAt.getTime()));
  return {
    ...(live.since ? { coverageStartTime: live.since.toISOString() } : {}),
    ...(latest > 0 ? { dateModified: new Date(latest).toISOString() } : {}),
    liveBlogUpdate: entries.map((entry) => {
      const text = bodyText(entry.body);
      return {
        '@type': 'BlogPosting',
        '@id': `${url}#entry-${entry.id}`,
        url: `${url}#entry-${entry.id}`,
        headline: text.length > 110 ? `${text.slice(0, 109)}…` : text,
        articleBody: text,
        datePublished: entry.createdAt.toISOString(),
        dateModified: entry.modifiedAt.toISOString(),
      };
    }),
  };
}

/**
 * hreflang alternates of a story with published versions in other services: every version
 * (this page too, so each page names the others and is named back) and `x-default`, the
 * group's first story (the original, from which the others were translated).
 */
function alternates(masthead: MastheadModel, model: StoryPageModel): { hreflang: string; href: string }[] {
  const versions = model.translations ?? [];
  const first = versions[0];
  if (!first) return [];
  return [
    ...versions.map((version) => ({ hreflang: version.locale, href: absolute(masthead, storyPath(version)) })),
    { hreflang: 'x-default', href: absolute(masthead, storyPath(first)) },
  ];
}
