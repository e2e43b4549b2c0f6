import type { LanguageService, Section } from '../../../domain/service/service.js';
import { STORY_STATUSES, type StoryStatus } from '../../../domain/story/story.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { AnyServiceSelect, FormError, Pager } from './parts.js';
import { formatInZone } from '../../components/newsroom/zoned-time.js';

export interface NewsroomStoryRow {
  readonly id: number;
  readonly serviceCode: string;
  readonly headline: string;
  readonly status: StoryStatus;
  readonly modifiedAt: Date;
  readonly authorName?: string | null;
  readonly sectionName?: string | null;
  readonly publishedAt?: Date | null;
  /** When it publishes, or its pending update goes live (null: nothing scheduled). */
  readonly scheduledAt?: Date | null;
  /** A live story with changes readers do not see yet. */
  readonly pending?: boolean;
}

/** The actions of the list's bulk form, those this person may do to some story. */
export type StoryBulkAction = 'file' | 'unpublish' | 'delete';

export interface StoriesPageProps {
  readonly masthead: NewsroomMasthead;
  readonly services: readonly LanguageService[];
  readonly filter: { readonly service: string; readonly status: string; readonly q: string; readonly section?: string; readonly mine?: boolean };
  readonly stories: readonly NewsroomStoryRow[];
  readonly total: number;
  readonly sections?: readonly Section[];
  readonly page?: number;
  readonly perPage?: number;
  readonly bulkActions?: readonly StoryBulkAction[];
  /** Why the last bulk action was refused (nothing was changed). */
  readonly error?: string | null;
  /** The person's time zone: scheduled times are shown in it. */
  readonly zone?: string;
}

export function StoriesPage({ masthead, services, filter, stories, total, sections = [], page = 1, perPage = 20, bulkActions = [], error = null, zone = 'UTC' }: StoriesPageProps) {
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  const query = (n: number) => {
    const params = new URLSearchParams();
    if (filter.service) params.set('service', filter.service);
    if (filter.status) params.set('status', filter.status);
    if (filter.section) params.set('section', filter.section);
    if (filter.mine) params.set('mine', '1');
    if (filter.q) params.set('q', filter.q);
    if (n > 1) params.set('page', String(n));
    const text = params.toString();
    return `/newsroom/stories${text ? `?${text}` : ''}`;
  };
  const list = (
    <ul class="story-list" aria-label={`${t('newsroom.stories.title')} (${total})`}>
      {stories.map((story) => (
        <li>
          {bulkActions.length > 0 ? (
            <input type="checkbox" class="story-pick" form="bulk-form" name={`story.${story.id}`} value="1" aria-label={t('newsroom.bulk.pick', { headline: story.headline })} />
          ) : null}
          <h2>
            <a href={`/newsroom/stories/${story.id}`} dir="auto">
              {story.headline}
            </a>
          </h2>
          <p class="meta">
            {story.serviceCode}
            {story.sectionName ? <> · <span dir="auto">{story.sectionName}</span></> : null} · {t(`newsroom.status.${story.status}`)}
            {story.authorName ? <> · <span dir="auto">{t('newsroom.stories.by', { name: story.authorName })}</span></> : null}
            {story.publishedAt ? (
              <>
                {' · '}
                {t('newsroom.stories.publishedAt')} <time dateTime={story.publishedAt.toISOString()}>{masthead.i18n.dateTime(story.publishedAt)}</time>
              </>
            ) : null}
            {' · '}
            {t('newsroom.stories.changedAt')} <time dateTime={story.modifiedAt.toISOString()}>{masthead.i18n.dateTime(story.modifiedAt)}</time>
            {story.pending ? ` · ${t('newsroom.stories.pending')}` : null}
          </p>
          {story.scheduledAt ? (
            <p class="meta story-scheduled">
              <time dateTime={story.scheduledAt.toISOString()}>
                {t('newsroom.stories.scheduled', { time: `${formatInZone(masthead.i18n.locale, story.scheduledAt, zone)} (${zone})` })}
              </time>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.stories.title')}>
      <h1>{t('newsroom.stories.title')}</h1>
      <p>
        <a href="/newsroom/stories/new" class="button-link">
          {t('newsroom.stories.new')}
        </a>
      </p>
      <form method="get" action="/newsroom/stories" class="newsroom-filter">
        <AnyServiceSelect masthead={masthead} id="filter-service" services={services} selected={filter.service} />
        <label for="filter-status">{t('newsroom.filter.status')}</label>
        <select id="filter-status" name="status">
          <option value="">{t('newsroom.filter.any')}</option>
          {STORY_STATUSES.map((status) => (
            <option value={status} selected={status === filter.status}>
              {t(`newsroom.status.${status}`)}
            </option>
          ))}
        </select>
        {sections.length > 0 ? (
          <>
            <label for="filter-section">{t('newsroom.filter.section')}</label>
            <select id="filter-section" name="section">
              <option value="">{t('newsroom.filter.any')}</option>
              {sections.map((section) => (
                <option value={String(section.id)} selected={String(section.id) === filter.section}>
                  {services.length > 1 ? `${section.serviceCode}: ${section.name}` : section.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label for="filter-q">{t('newsroom.filter.search')}</label>
        <input id="filter-q" name="q" type="search" value={filter.q} />
        <span class="filter-check">
          <input id="filter-mine" name="mine" type="checkbox" value="1" checked={filter.mine === true} />
          <label for="filter-mine">{t('newsroom.filter.mine')}</label>
        </span>
        <button type="submit">{t('newsroom.filter.submit')}</button>
      </form>
      <FormError error={error} />
      {stories.length === 0 ? <p>{t('newsroom.stories.none')}</p> : list}
      {stories.length > 0 && bulkActions.length > 0 ? (
        <form method="post" action="/newsroom/stories/bulk" id="bulk-form" class="newsroom-form bulk-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="back" value={query(page)} />
          <fieldset>
            <legend>{t('newsroom.bulk.legend')}</legend>
            <label for="bulk-action">{t('newsroom.bulk.action')}</label>
            <select id="bulk-action" name="action">
              {bulkActions.map((action) => (
                <option value={action}>{t(`newsroom.bulk.${action}`)}</option>
              ))}
            </select>
            <button type="submit">{t('newsroom.bulk.submit')}</button>
          </fieldset>
        </form>
      ) : null}
      <Pager masthead={masthead} page={page} hasNext={page * perPage < total} pageUrl={query} />
    </NewsroomLayout>
  );
}
