import type { CommentSettings } from '../../../domain/comment/comment-settings.js';
import type { QueuedComment } from '../../../domain/comment/comment.js';
import type { LanguageService } from '../../../domain/service/service.js';
import { NewsroomLayout, type NewsroomChrome } from '../../layouts/newsroom.layout.js';
import { Pager, ServicePicker } from './parts.js';
import { NAME_SLOT, WithNames } from '../../components/isolate.js';

export interface CommentsPageProps {
  readonly chrome: NewsroomChrome;
  /** The services the signed-in person moderates. */
  readonly services: readonly LanguageService[];
  readonly serviceCode: string;
  readonly comments: readonly QueuedComment[];
  readonly page: number;
  readonly hasNext: boolean;
  /** The service's settings, when the person may change them (editors, admins). */
  readonly settings: CommentSettings | null;
}

/** The moderation queue of one service, a decision form per comment, and the service's comment rules for editors. */
export function CommentsPage({ chrome, services, serviceCode, comments, page, hasNext, settings }: CommentsPageProps) {
  const { t } = chrome.i18n;
  const csrf = chrome.user?.csrfToken ?? '';
  const pageUrl = (n: number) => `/newsroom/comments?service=${encodeURIComponent(serviceCode)}&page=${n}`;
  return (
    <NewsroomLayout chrome={chrome} title={t('newsroom.comments.title')}>
      <h1>{t('newsroom.comments.title')}</h1>
      <ServicePicker
        chrome={chrome}
        action="/newsroom/comments"
        id="queue-service"
        label={t('newsroom.comments.service')}
        none={t('newsroom.comments.noServices')}
        services={services}
        serviceCode={serviceCode}
      />
      {services.length > 0 && comments.length === 0 ? <p>{t('newsroom.comments.none')}</p> : null}
      {comments.length > 0 ? (
        <ol class="moderation-queue" aria-label={t('newsroom.comments.title')}>
          {comments.map((comment) => (
            <li>
              <article class="queued-comment" aria-labelledby={`comment-${comment.id}-by`}>
                <p class="meta">
                  {t('newsroom.comments.onStory')}: <a href={`/newsroom/stories/${comment.storyId}`}>{comment.storyHeadline}</a>
                </p>
                <p class="meta" id={`comment-${comment.id}-by`}>
                  <WithNames text={t('newsroom.comments.by', { name: NAME_SLOT, time: chrome.i18n.dateTime(comment.createdAt) })} names={[comment.authorName]} />
                </p>
                <p class="meta">
                  {t(comment.state === 'held' ? 'newsroom.comments.state.held' : 'newsroom.comments.state.visible')} ·{' '}
                  {t('newsroom.comments.reports', { count: String(comment.reportCount) })}
                </p>
                <blockquote class="comment-text">
                  {comment.body.split(/\n{2,}/).map((paragraph) => (
                    <p>{paragraph}</p>
                  ))}
                </blockquote>
                <div class="moderation-actions" role="group" aria-label={t('newsroom.comments.actionsFor', { name: comment.authorName })}>
                  {(['approve', 'reject', 'spam'] as const).map((verb) => (
                    <form method="post" action={`/newsroom/comments/${comment.id}/${verb}`}>
                      <input type="hidden" name="_csrf" value={csrf} />
                      <input type="hidden" name="service" value={serviceCode} />
                      <button type="submit">{t(`newsroom.comments.${verb}`)}</button>
                    </form>
                  ))}
                  <form method="post" action={`/newsroom/comments/${comment.id}/ban`}>
                    <input type="hidden" name="_csrf" value={csrf} />
                    <input type="hidden" name="service" value={serviceCode} />
                    <label>
                      <input type="checkbox" name="address" value="1" checked /> {t('newsroom.comments.banByAddress')}
                    </label>{' '}
                    <label>
                      <input type="checkbox" name="token" value="1" checked /> {t('newsroom.comments.banByToken')}
                    </label>{' '}
                    <button type="submit">{t('newsroom.comments.ban')}</button>
                  </form>
                </div>
              </article>
            </li>
          ))}
        </ol>
      ) : null}
      <Pager chrome={chrome} page={page} hasNext={hasNext} pageUrl={pageUrl} />
      {settings ? <SettingsForm chrome={chrome} settings={settings} csrf={csrf} /> : null}
    </NewsroomLayout>
  );
}

function SettingsForm({ chrome, settings, csrf }: { chrome: NewsroomChrome; settings: CommentSettings; csrf: string }) {
  const { t } = chrome.i18n;
  return (
    <section aria-labelledby="settings-title" class="comment-settings">
      <h2 id="settings-title">
        {t('newsroom.settings.title')} ({settings.serviceCode})
      </h2>
      <form method="post" action="/newsroom/comments/settings" class="newsroom-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="service" value={settings.serviceCode} />
        <fieldset>
          <legend>{t('newsroom.settings.moderation')}</legend>
          {(['pre', 'post'] as const).map((mode) => (
            <label>
              <input type="radio" name="moderation" value={mode} checked={settings.moderation === mode} /> {t(`newsroom.settings.${mode}`)}
            </label>
          ))}
        </fieldset>
        <p>
          <label for="settings-auto-close">{t('newsroom.settings.autoClose')}</label>
          <input id="settings-auto-close" name="autoCloseDays" type="number" min="1" max="3650" value={settings.autoCloseDays ?? ''} />
        </p>
        <p>
          <label for="settings-max-links">{t('newsroom.settings.maxLinks')}</label>
          <input id="settings-max-links" name="maxLinks" type="number" min="0" max="50" value={settings.maxLinks} />
        </p>
        <p>
          <label for="settings-banned-words">{t('newsroom.settings.bannedWords')}</label>
          <textarea id="settings-banned-words" name="bannedWords" rows={6}>
            {settings.bannedWords.join('\n')}
          </textarea>
        </p>
        <button type="submit">{t('newsroom.settings.save')}</button>
      </form>
    </section>
  );
}
