import type { LanguageService } from '../../../domain/service/service.js';
import { STORY_STATUSES, type StoryStatus } from '../../../domain/story/story.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { AnyServiceSelect } from './parts.js';
import { formatInZone } from '../../components/newsroom/zoned-time.js';

export interface NewsroomStoryRow {
  readonly id: number;
  readonly serviceCode: string;
  readonly headline: string;
  readonly status: StoryStatus;
  readonly modifiedAt: Date;
  /** When it publishes, or its pending update goes live (null: nothing scheduled). */
  readonly scheduledAt?: Date | null;
  /** A live story with changes readers do not see yet. */
  readonly pending?: boolean;
}

export interface StoriesPageProps {
  readonly masthead: NewsroomMasthead;
  readonly services: readonly LanguageService[];
  readonly filter: { readonly service: string; readonly status: string; readonly q: string };
  readonly stories: readonly NewsroomStoryRow[];
  readonly total: number;
  /** The person's time zone: scheduled times are shown in it. */
  readonly zone?: string;
}

export function StoriesPage({ masthead, services, filter, stories, total, zone = 'UTC' }: StoriesPageProps) {
  const { t } = masthead.i18n;
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
        <label for="filter-q">{t('newsroom.filter.search')}</label>
        <input id="filter-q" name="q" type="search" value={filter.q} />
        <button type="submit">{t('newsroom.filter.submit')}</button>
      </form>
      {stories.length === 0 ? (
        <p>{t('newsroom.stories.none')}</p>
      ) : (
        <ul class="story-list" aria-label={`${t('newsroom.stories.title')} (${total})`}>
          {stories.map((story) => (
            <li>
              <h2>
                <a href={`/newsroom/stories/${story.id}`}>{story.headline}</a>
              </h2>
              <p class="meta">
                {story.serviceCode} · {t(`newsroom.status.${story.status}`)} · {masthead.i18n.dateTime(story.modifiedAt)}
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
      )}
    </NewsroomLayout>
  );
}
