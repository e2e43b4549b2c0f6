import type { LanguageService } from '../../../domain/service/service.js';
import { STORY_STATUSES, type StoryStatus } from '../../../domain/story/story.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { AnyServiceSelect } from './parts.js';

export interface NewsroomStoryRow {
  readonly id: number;
  readonly serviceCode: string;
  readonly headline: string;
  readonly status: StoryStatus;
  readonly modifiedAt: Date;
}

export interface StoriesPageProps {
  readonly masthead: NewsroomMasthead;
  readonly services: readonly LanguageService[];
  readonly filter: { readonly service: string; readonly status: string; readonly q: string };
  readonly stories: readonly NewsroomStoryRow[];
  readonly total: number;
}

export function StoriesPage({ masthead, services, filter, stories, total }: StoriesPageProps) {
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
                {story.serviceCode} · {t(`newsroom.status.${story.status}`)} · <time dateTime={story.modifiedAt.toISOString()}>{masthead.i18n.dateTime(story.modifiedAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </NewsroomLayout>
  );
}
