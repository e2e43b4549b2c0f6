import { formatDuration } from '../../../domain/media/duration.js';
import { MEDIA_KINDS, thumbnailOf, type MediaSizeLimitsInMb, type StoredMediaItem } from '../../../domain/media/media.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';

export interface MediaLibraryPageProps {
  readonly masthead: NewsroomMasthead;
  readonly filter: { readonly q: string; readonly kind: string };
  readonly items: readonly StoredMediaItem[];
  readonly total: number;
  readonly mediaBase: string;
  readonly limitsMb: MediaSizeLimitsInMb;
  /** The resumable upload island; without it the form posts the file in one request. */
  readonly uploadScript: string | null;
  readonly mayUpload: boolean;
}

/** The newsroom's media library: upload, search by title or caption, filter by kind. */
export function MediaLibraryPage({ masthead, filter, items, total, mediaBase, limitsMb, uploadScript, mayUpload }: MediaLibraryPageProps) {
  const { t } = masthead.i18n;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.media.title')} scripts={uploadScript ? [uploadScript] : []}>
      <h1>{t('newsroom.media.title')}</h1>
      {mayUpload && masthead.user ? (
        <section aria-labelledby="upload-heading" class="media-upload">
          <h2 id="upload-heading">{t('newsroom.media.upload.title')}</h2>
          <form
            method="post"
            action="/newsroom/media"
            enctype="multipart/form-data"
            data-upload
            data-endpoint="/api/admin/v1/uploads"
            data-text-sent={t('newsroom.media.upload.sent', { percent: '{percent}' })}
            data-text-retrying={t('newsroom.media.upload.retrying', { percent: '{percent}' })}
            data-text-done={t('newsroom.media.upload.done')}
            data-text-refused={t('newsroom.media.upload.refused')}
            data-text-unfinished={t('newsroom.media.upload.unfinished', { name: '{name}' })}
            data-text-resume={t('newsroom.media.upload.resume', { percent: '{percent}' })}
          >
            <input type="hidden" name="_csrf" value={masthead.user.csrfToken} />
            <p class="field">
              <label for="upload-title">{t('newsroom.media.field.title')}</label>
              <input id="upload-title" name="title" required maxLength={300} dir="auto" />
            </p>
            <p class="field">
              <label for="upload-caption">{t('newsroom.media.field.caption')}</label>
              <input id="upload-caption" name="caption" maxLength={2000} dir="auto" />
            </p>
            <p class="field">
              <label for="upload-credit">{t('newsroom.media.field.credit')}</label>
              <input id="upload-credit" name="credit" maxLength={200} dir="auto" />
            </p>
            <p class="field">
              <label for="upload-alt">{t('newsroom.media.field.alt')}</label>
              <input id="upload-alt" name="alt" maxLength={1000} dir="auto" />
            </p>
            <p class="field">
              <label for="upload-file">{t('newsroom.media.upload.file')}</label>
              <input id="upload-file" name="file" type="file" required accept="video/*,audio/*,image/*" aria-describedby="upload-limits" />
            </p>
            <p id="upload-limits" class="help">
              {t('newsroom.media.upload.limits', { video: limitsMb.video, audio: limitsMb.audio, image: limitsMb.image })}
            </p>
            <p>
              <button type="submit">{t('newsroom.media.upload.submit')}</button>
            </p>
            <p class="upload-progress" data-upload-progress hidden>
              <label for="upload-progress-bar">{t('newsroom.media.upload.progress')}</label>{' '}
              <progress id="upload-progress-bar" max={100} value={0} />
            </p>
            <p role="status" data-upload-status />
          </form>
        </section>
      ) : null}
      <form method="get" action="/newsroom/media" class="newsroom-filter">
        <label for="media-q">{t('newsroom.media.search')}</label>
        <input id="media-q" name="q" type="search" value={filter.q} />
        <label for="media-kind">{t('newsroom.media.kind')}</label>
        <select id="media-kind" name="kind">
          <option value="">{t('newsroom.filter.any')}</option>
          {MEDIA_KINDS.map((kind) => (
            <option value={kind} selected={kind === filter.kind}>
              {t(`newsroom.media.kind.${kind}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('newsroom.filter.submit')}</button>
      </form>
      {items.length === 0 ? (
        <p>{t('newsroom.media.none')}</p>
      ) : (
        <ul class="media-library" aria-label={t('newsroom.media.count', { count: total })}>
          {items.map((item) => {
            const thumbnail = thumbnailOf(item);
            return (
              <li>
                {thumbnail ? <img src={`${mediaBase}${thumbnail.path}`} alt="" width={160} loading="lazy" /> : null}
                <h2>
                  <a href={`/newsroom/media/${item.id}`}>{item.title}</a>
                </h2>
                <p class="meta">
                  {t(`newsroom.media.kind.${item.kind}`)} · {t(`newsroom.media.state.${item.state}`)}
                  {item.durationMs !== null ? ` · ${formatDuration(item.durationMs)}` : ''} · <time dateTime={item.createdAt.toISOString()}>{masthead.i18n.dateTime(item.createdAt)}</time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </NewsroomLayout>
  );
}
