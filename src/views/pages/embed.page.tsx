import { renderDocument } from '../render.js';
import { storyPath } from '../../domain/story/story-path.js';
import type { MediaItem } from '../../domain/media/media.js';
import type { LanguageService } from '../../domain/service/service.js';
import { translatorFor } from '../../i18n/i18n.js';
import { Player } from '../components/player.js';
import type { Assets } from '../page-model.js';

export interface EmbedPageModel {
  readonly media: MediaItem;
  readonly story: { readonly id: number; readonly serviceCode: string; readonly slug: string; readonly headline: string };
  readonly service: LanguageService;
  readonly assets: Assets;
  readonly mediaBase: string;
  readonly siteUrl: URL;
}

/** The player alone, for other sites to frame: the same player as the story page, and a link to the story. */
export function EmbedPage({ model }: { model: EmbedPageModel }) {
  const { media, story, service, assets } = model;
  const i18n = translatorFor(service.locale);
  const storyUrl = new URL(storyPath(story), model.siteUrl).href;
  return (
    <html lang={service.locale} dir={service.direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${media.title} | ${service.name}`}</title>
        <link rel="canonical" href={storyUrl} />
        <link rel="stylesheet" href={assets.css} />
        {assets.playerScript ? <script src={assets.playerScript} defer /> : null}
      </head>
      <body class="embed">
        <main>
          <h1 class="embed-source">
            <a href={storyUrl} target="_blank" rel="noopener">
              {story.headline}
            </a>{' '}
            · {service.name}
          </h1>
          <Player item={media} i18n={i18n} mediaBase={model.mediaBase} hlsScript={assets.hlsScript} lead />
        </main>
      </body>
    </html>
  );
}

export function renderEmbedPage(model: EmbedPageModel): string {
  return renderDocument(<EmbedPage model={model} />);
}
