import type { LanguageService } from '../../../domain/service/service.js';
import type { StorySummary } from '../../../domain/story/story.js';
import { NewsroomLayout, type NewsroomChrome } from '../../layouts/newsroom.layout.js';
import { FormError, ServicePicker } from './parts.js';

export interface FrontPageFormProps {
  readonly chrome: NewsroomChrome;
  /** The services whose front page the person may edit. */
  readonly services: readonly LanguageService[];
  readonly serviceCode: string;
  /** Published stories of the service to choose from, newest first. */
  readonly stories: readonly StorySummary[];
  /** The current choice, lead first. */
  readonly chosen: readonly number[];
  readonly slots: number;
  readonly saved: boolean;
  readonly error: string | null;
}

/** The editor's choice of the lead and top stories of a service's front page: one select a place. */
export function FrontPageForm({ chrome, services, serviceCode, stories, chosen, slots, saved, error }: FrontPageFormProps) {
  const { t } = chrome.i18n;
  const csrf = chrome.user?.csrfToken ?? '';
  return (
    <NewsroomLayout chrome={chrome} title={t('newsroom.front.title')}>
      <h1>{t('newsroom.front.title')}</h1>
      <ServicePicker
        chrome={chrome}
        action="/newsroom/front"
        id="front-service"
        label={t('newsroom.filter.service')}
        none={t('newsroom.front.noServices')}
        services={services}
        serviceCode={serviceCode}
      />
      {serviceCode ? (
        <>
          {saved ? (
            <p class="form-saved" role="status">
              {t('newsroom.front.saved')}
            </p>
          ) : null}
          <FormError error={error} />
          <form method="post" action="/newsroom/front" class="newsroom-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="serviceCode" value={serviceCode} />
            <p class="meta">{t('newsroom.front.help')}</p>
            {Array.from({ length: slots }, (_, index) => (
              <>
                <label for={`front-${index}`}>{index === 0 ? t('newsroom.front.lead') : t('newsroom.front.top', { n: index })}</label>
                <select id={`front-${index}`} name={`story${index}`}>
                  <option value="" selected={chosen[index] === undefined}>
                    {t('newsroom.front.newest')}
                  </option>
                  {stories.map((story) => (
                    <option value={String(story.id)} selected={chosen[index] === story.id}>
                      {story.headline}
                    </option>
                  ))}
                </select>
              </>
            ))}
            <button type="submit">{t('newsroom.front.save')}</button>
          </form>
        </>
      ) : null}
    </NewsroomLayout>
  );
}
