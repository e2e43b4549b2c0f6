import { PROFILE_KINDS, PROFILE_LIMITS, type Profile } from '../../../domain/profile/profile.js';
import type { LanguageService } from '../../../domain/service/service.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { AnyServiceSelect, FormError, Pager, SavedNotice } from './parts.js';

export interface ProfilesPageProps {
  readonly masthead: NewsroomMasthead;
  readonly services: readonly LanguageService[];
  readonly filter: { readonly q: string; readonly service: string };
  /** Each with its reader address and whether the person may edit it. */
  readonly profiles: readonly (Profile & { readonly url: string; readonly editable: boolean })[];
  readonly total: number;
  readonly page: number;
  readonly hasNext: boolean;
  /** May the person create profiles (of some service, or shared)? */
  readonly mayCreate: boolean;
}

/** Profiles found by the start of words of their names, with their reader pages, and a link to each one's form. */
export function ProfilesPage({ masthead, services, filter, profiles, total, page, hasNext, mayCreate }: ProfilesPageProps) {
  const { t } = masthead.i18n;
  const pageUrl = (n: number) =>
    `/newsroom/profiles?${new URLSearchParams({ q: filter.q, service: filter.service, page: String(n) }).toString()}`;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.profiles.title')}>
      <h1>{t('newsroom.profiles.title')}</h1>
      {mayCreate ? (
        <p>
          <a href="/newsroom/profiles/new" class="button-link">
            {t('newsroom.profiles.new')}
          </a>
        </p>
      ) : null}
      <form method="get" action="/newsroom/profiles" class="newsroom-filter" role="search">
        <label for="profiles-q">{t('newsroom.profiles.search')}</label>
        <input id="profiles-q" name="q" type="search" maxLength={200} value={filter.q} />
        <AnyServiceSelect masthead={masthead} id="profiles-service" services={services} selected={filter.service} />
        <button type="submit">{t('newsroom.filter.submit')}</button>
      </form>
      {profiles.length === 0 ? (
        <p>{t('newsroom.profiles.none')}</p>
      ) : (
        <ul class="story-list" aria-label={t('newsroom.profiles.found', { count: total })}>
          {profiles.map((profile) => (
            <li>
              <h2>{profile.editable ? <a href={`/newsroom/profiles/${profile.id}`}>{profile.name}</a> : profile.name}</h2>
              <p class="meta">
                {t(`newsroom.profiles.kind.${profile.kind}`)} · {profile.serviceCode ?? t('newsroom.profiles.shared')} ·{' '}
                <a href={profile.url}>{t('newsroom.profiles.readerPage')}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager masthead={masthead} page={page} hasNext={hasNext} pageUrl={pageUrl} />
    </NewsroomLayout>
  );
}

export interface ProfileFormValues {
  readonly id: number | null;
  readonly kind: string;
  readonly name: string;
  readonly summary: string;
  /** '' for a shared profile. */
  readonly serviceCode: string;
  readonly url: string | null;
}

export interface ProfileFormPageProps {
  readonly masthead: NewsroomMasthead;
  /** The services whose profiles the person keeps; `mayShare`: may keep shared ones (admins). */
  readonly services: readonly LanguageService[];
  readonly mayShare: boolean;
  readonly values: ProfileFormValues;
  readonly error: string | null;
  readonly saved: boolean;
}

/** A profile's form: kind, name, summary and the service that keeps it. Plain HTML, every field labelled. */
export function ProfileFormPage({ masthead, services, mayShare, values, error, saved }: ProfileFormPageProps) {
  const { t } = masthead.i18n;
  const title = values.id ? t('newsroom.profiles.edit') : t('newsroom.profiles.new');
  return (
    <NewsroomLayout masthead={masthead} title={title}>
      <h1>{title}</h1>
      <SavedNotice masthead={masthead} saved={saved} />
      {values.url ? (
        <p>
          <a href={values.url}>{t('newsroom.profiles.readerPage')}</a>
        </p>
      ) : null}
      <FormError error={error} />
      <form method="post" action={values.id ? `/newsroom/profiles/${values.id}` : '/newsroom/profiles'} class="newsroom-form">
        <input type="hidden" name="_csrf" value={masthead.user?.csrfToken ?? ''} />
        <label for="profile-kind">{t('newsroom.profiles.kind')}</label>
        <select id="profile-kind" name="kind">
          {PROFILE_KINDS.map((kind) => (
            <option value={kind} selected={kind === values.kind}>
              {t(`newsroom.profiles.kind.${kind}`)}
            </option>
          ))}
        </select>
        <label for="profile-name">{t('newsroom.profiles.name')}</label>
        <input id="profile-name" name="name" required maxLength={PROFILE_LIMITS.name} value={values.name} dir="auto" />
        <label for="profile-summary">{t('newsroom.profiles.summary')}</label>
        <textarea id="profile-summary" name="summary" rows={5} maxLength={PROFILE_LIMITS.summary} dir="auto">
          {values.summary}
        </textarea>
        <label for="profile-service">{t('newsroom.profiles.service')}</label>
        <select id="profile-service" name="serviceCode">
          {mayShare || values.serviceCode === '' ? (
            <option value="" selected={values.serviceCode === ''}>
              {t('newsroom.profiles.shared')}
            </option>
          ) : null}
          {services.map((s) => (
            <option value={s.code} selected={s.code === values.serviceCode}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="submit">{t('newsroom.form.save')}</button>
      </form>
    </NewsroomLayout>
  );
}
