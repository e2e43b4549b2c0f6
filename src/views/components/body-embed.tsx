import type { BodyElement } from '../../domain/body/body.js';
import { embedFrameSrc, embedLink, embedProviderName } from '../../domain/body/embed-url.js';
import type { Translator } from '../../i18n/i18n.js';

type EmbedElement = Extract<BodyElement, { type: 'embed' }>;

/**
 * A post or video of another site, privacy-first: a placeholder naming the site, with a plain
 * link to the post. Nothing is requested from the other site until the reader presses Load (the
 * embeds script, which also shows the button, puts the frame in); without JavaScript the link works.
 */
export function BodyEmbed({ embed, i18n }: { embed: EmbedElement; i18n: Translator }) {
  const { t } = i18n;
  const provider = embedProviderName(embed.provider, embed.url);
  const frame = embedFrameSrc(embed.provider, embed.url);
  return (
    <figure class={`embed embed-${embed.provider}`} data-embed={frame ?? undefined} data-embed-title={t('embed.frameTitle', { provider })}>
      <div class="embed-placeholder">
        <p class="embed-notice">{t('embed.notice', { provider })}</p>
        {frame ? (
          <button type="button" class="embed-load" data-embed-load hidden>
            {t('embed.load', { provider })}
          </button>
        ) : null}
        <p class="embed-link">
          <a href={embedLink(embed.provider, embed.url)} rel="noopener noreferrer">
            {t('embed.open', { provider })}
          </a>
        </p>
      </div>
      {embed.caption ? <figcaption dir="auto">{embed.caption}</figcaption> : null}
    </figure>
  );
}
