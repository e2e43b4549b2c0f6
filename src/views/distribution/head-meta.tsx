import { JsonLd } from './json-ld.js';
import type { FeedLink, PageMeta } from './page-meta.js';

/** Open Graph, Twitter card, feed discovery and JSON-LD in a reader page's head. */
export function HeadMeta({ meta, feeds, url, siteName, locale }: { meta: PageMeta | undefined; feeds: readonly FeedLink[]; url: string | null; siteName: string; locale: string }) {
  return (
    <>
      {feeds.map((feed) => (
        <link key={feed.href} rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
      ))}
      {meta ? (
        <>
          <meta property="og:type" content={meta.type} />
          <meta property="og:title" content={meta.title} />
          {meta.description ? <meta property="og:description" content={meta.description} /> : null}
          {url ? <meta property="og:url" content={url} /> : null}
          <meta property="og:site_name" content={siteName} />
          <meta property="og:locale" content={locale.replace('-', '_')} />
          {meta.image ? <meta property="og:image" content={meta.image.url} /> : null}
          {meta.image?.width ? <meta property="og:image:width" content={String(meta.image.width)} /> : null}
          {meta.image?.height ? <meta property="og:image:height" content={String(meta.image.height)} /> : null}
          {meta.image?.alt ? <meta property="og:image:alt" content={meta.image.alt} /> : null}
          {meta.player ? <meta property="og:video" content={meta.player.url} /> : null}
          {meta.oembed ? <link rel="alternate" type="application/json+oembed" href={meta.oembed} title={meta.title} /> : null}
          {meta.article?.publishedTime ? <meta property="article:published_time" content={meta.article.publishedTime} /> : null}
          {meta.article?.modifiedTime ? <meta property="article:modified_time" content={meta.article.modifiedTime} /> : null}
          {meta.article?.section ? <meta property="article:section" content={meta.article.section} /> : null}
          {meta.article?.tags.map((tag) => <meta key={tag} property="article:tag" content={tag} />)}
          <meta name="twitter:card" content={meta.player ? 'player' : meta.image ? 'summary_large_image' : 'summary'} />
          <meta name="twitter:title" content={meta.title} />
          {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
          {meta.image ? <meta name="twitter:image" content={meta.image.url} /> : null}
          {meta.player ? <meta name="twitter:player" content={meta.player.url} /> : null}
          {meta.player ? <meta name="twitter:player:width" content={String(meta.player.width)} /> : null}
          {meta.player ? <meta name="twitter:player:height" content={String(meta.player.height)} /> : null}
          {(meta.alternates ?? []).map((alternate) => (
            <link key={alternate.hreflang} rel="alternate" hreflang={alternate.hreflang} href={alternate.href} />
          ))}
          {meta.jsonLd.map((data, index) => (
            <JsonLd key={index} data={data} />
          ))}
        </>
      ) : null}
    </>
  );
}
