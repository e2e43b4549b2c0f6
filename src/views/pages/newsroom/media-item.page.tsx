import { formatDuration } from '../../../domain/media/duration.js';
import { thumbnailOf, type StoredMediaItem } from '../../../domain/media/media.js';
import { Player } from '../../components/player.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';

export interface MediaItemPageProps {
  readonly masthead: NewsroomMasthead;
  readonly item: StoredMediaItem;
  readonly mediaBase: string;
  /** What the details form shows: the item's words, or what was sent when it was refused. */
  readonly values: {
    readonly title: string;
    readonly caption: string;
    readonly credit: string;
    readonly alt: string;
    readonly focalX: string;
    readonly focalY: string;
  };
  readonly error: string | null;
  readonly captionsError: string | null;
  readonly mayEdit: boolean;
}

/** One media item: its state (processing, failed with the reason, ready), a preview, its details and captions. */
export function MediaItemPage({ masthead, item, mediaBase, values, error, captionsError, mayEdit }: MediaItemPageProps) {
  const { t } = masthead.i18n;
  const thumbnail = thumbnailOf(item);
  const csrf = masthead.user ? <input type="hidden" name="_csrf" value={masthead.user.csrfToken} /> : null;
  return (
    <NewsroomLayout masthead={masthead} title={item.title}>
      <p>
        <a href="/newsroom/media">{t('newsroom.media.back')}</a>
      </p>
      <h1>{item.title}</h1>
      <p class={`media-state media-state-${item.state}`} data-media-state={item.state} data-media-id={String(item.id)}>
        {t('newsroom.media.item.status', { status: t(`newsroom.media.state.${item.state}`) })}
      </p>
      {item.state === 'processing' ? (
        <p
          id="media-processing"
          role="status"
          data-text-watching={t('newsroom.media.item.watching')}
          data-text-changed={t('newsroom.media.item.changed')}
        >
          {t('newsroom.media.item.processing')}
        </p>
      ) : null}
      {item.state === 'failed' && item.failureReason ? <p role="alert">{t('newsroom.media.item.failedReason', { reason: item.failureReason })}</p> : null}
      <p class="meta">
        {t(`newsroom.media.kind.${item.kind}`)}
        {item.durationMs !== null ? ` · ${t('newsroom.media.item.duration', { duration: formatDuration(item.durationMs) })}` : ''} ·{' '}
        {t('newsroom.media.item.added', { time: masthead.i18n.dateTime(item.createdAt) })}
      </p>

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t('newsroom.media.item.preview')}</h2>
        {item.kind === 'image' ? (
          thumbnail ? <img src={`${mediaBase}${thumbnail.path}`} alt={item.altText ?? ''} class="media-preview" /> : null
        ) : (
          <Player item={item} i18n={masthead.i18n} mediaBase={mediaBase} />
        )}
        {item.renditions.length ? (
          <>
            <h3>{t('newsroom.media.item.renditions')}</h3>
            <ul>
              {item.renditions.map((r) => (
                <li>
                  <a href={`${mediaBase}${r.path}`}>{r.label}</a> ({r.mimeType}
                  {r.width && r.height ? `, ${r.width}×${r.height}` : ''}, {masthead.i18n.number(Math.max(1, Math.round(r.sizeBytes / 1024)))} KB)
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('newsroom.media.item.details')}</h2>
        {error ? <p role="alert">{error}</p> : null}
        <form method="post" action={`/newsroom/media/${item.id}`}>
          {csrf}
          <p class="field">
            <label for="media-title">{t('newsroom.media.field.title')}</label>
            <input id="media-title" name="title" required maxLength={300} value={values.title} disabled={!mayEdit} dir="auto" />
          </p>
          <p class="field">
            <label for="media-caption">{t('newsroom.media.field.caption')}</label>
            <textarea id="media-caption" name="caption" rows={3} maxLength={2000} disabled={!mayEdit} dir="auto">
              {values.caption}
            </textarea>
          </p>
          <p class="field">
            <label for="media-credit">{t('newsroom.media.field.credit')}</label>
            <input id="media-credit" name="credit" maxLength={200} value={values.credit} disabled={!mayEdit} dir="auto" />
          </p>
          <p class="field">
            <label for="media-alt">{t('newsroom.media.field.alt')}</label>
            <textarea id="media-alt" name="alt" rows={2} maxLength={1000} disabled={!mayEdit} dir="auto">
              {values.alt}
            </textarea>
          </p>
          {item.kind === 'image' ? (
            <fieldset class="field">
              <legend>{t('newsroom.media.field.focalPoint')}</legend>
              <p id="focal-help" class="meta">
                {t('newsroom.media.field.focalHelp')}
              </p>
              <label for="media-focal-x">{t('newsroom.media.field.focalX')}</label>{' '}
              <input id="media-focal-x" name="focalX" inputMode="decimal" maxLength={8} value={values.focalX} disabled={!mayEdit} aria-describedby="focal-help" />{' '}
              <label for="media-focal-y">{t('newsroom.media.field.focalY')}</label>{' '}
              <input id="media-focal-y" name="focalY" inputMode="decimal" maxLength={8} value={values.focalY} disabled={!mayEdit} aria-describedby="focal-help" />
            </fieldset>
          ) : null}
          {mayEdit ? (
            <p>
              <button type="submit">{t('newsroom.media.item.save')}</button>
            </p>
          ) : null}
        </form>
      </section>

      {item.kind === 'video' ? (
        <section aria-labelledby="captions-heading">
          <h2 id="captions-heading">{t('newsroom.media.captions.title')}</h2>
          {item.captions.length ? (
            <ul>
              {item.captions.map((caption) => (
                <li>
                  <a href={`${mediaBase}${caption.path}`} hreflang={caption.language}>
                    {caption.label}
                  </a>{' '}
                  ({caption.language})
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('newsroom.media.captions.none')}</p>
          )}
          {captionsError ? <p role="alert">{captionsError}</p> : null}
          {mayEdit ? (
            <form method="post" action={`/newsroom/media/${item.id}/captions`} enctype="multipart/form-data">
              {csrf}
              <p class="field">
                <label for="captions-language">{t('newsroom.media.captions.language')}</label>
                <input id="captions-language" name="language" required maxLength={35} pattern="[a-z]{2,3}(-[A-Za-z0-9]{2,8})*" />
              </p>
              <p class="field">
                <label for="captions-label">{t('newsroom.media.captions.label')}</label>
                <input id="captions-label" name="label" required maxLength={60} dir="auto" />
              </p>
              <p class="field">
                <label for="captions-file">{t('newsroom.media.captions.file')}</label>
                <input id="captions-file" name="file" type="file" required accept=".vtt,text/vtt" />
              </p>
              <p>
                <button type="submit">{t('newsroom.media.captions.submit')}</button>
              </p>
            </form>
          ) : null}
        </section>
      ) : null}
    </NewsroomLayout>
  );
}
