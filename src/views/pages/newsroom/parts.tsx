import type { LanguageService } from '../../../domain/service/service.js';
import type { NewsroomMasthead } from '../../layouts/newsroom.layout.js';

/** Why the form was refused, announced to screen readers. */
export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p class="form-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** "Saved." after a form was taken, as a status message. */
export function SavedNotice({ masthead, saved }: { masthead: NewsroomMasthead; saved: boolean }) {
  return saved ? (
    <p class="form-saved" role="status">
      {masthead.i18n.t('newsroom.saved')}
    </p>
  ) : null;
}

export function Pager({ masthead, page, hasNext, pageUrl }: { masthead: NewsroomMasthead; page: number; hasNext: boolean; pageUrl: (n: number) => string }) {
  const { t } = masthead.i18n;
  return page > 1 || hasNext ? (
    <nav class="pager" aria-label={t('newsroom.pages')}>
      {page > 1 ? <a href={pageUrl(page - 1)}>{t('newsroom.comments.previous')}</a> : null}{' '}
      {hasNext ? <a href={pageUrl(page + 1)}>{t('newsroom.comments.next')}</a> : null}
    </nav>
  ) : null;
}

/** Picks the one service a page works on (GET form, no script), or says the person works on none. */
export function ServicePicker(props: {
  masthead: NewsroomMasthead;
  action: string;
  id: string;
  label: string;
  none: string;
  services: readonly LanguageService[];
  serviceCode: string;
}) {
  const { masthead, action, id, label, none, services, serviceCode } = props;
  return services.length === 0 ? (
    <p>{none}</p>
  ) : (
    <form method="get" action={action} class="newsroom-filter">
      <label for={id}>{label}</label>
      <select id={id} name="service">
        {services.map((s) => (
          <option value={s.code} selected={s.code === serviceCode}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="submit">{masthead.i18n.t('newsroom.comments.show')}</button>
    </form>
  );
}

/** A filter's service field: "any" or one of the services, named `service`. */
export function AnyServiceSelect({ masthead, id, services, selected }: { masthead: NewsroomMasthead; id: string; services: readonly LanguageService[]; selected: string }) {
  const { t } = masthead.i18n;
  return (
    <>
      <label for={id}>{t('newsroom.filter.service')}</label>
      <select id={id} name="service">
        <option value="">{t('newsroom.filter.any')}</option>
        {services.map((s) => (
          <option value={s.code} selected={s.code === selected}>
            {s.name}
          </option>
        ))}
      </select>
    </>
  );
}
