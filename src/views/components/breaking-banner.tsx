import type { Alert } from '../../domain/alert/alert.js';
import type { Translate } from '../../i18n/i18n.js';

/** The service's live breaking-news alert, at the top of every page. */
export function BreakingBanner({ alert, t }: { alert: Alert; t: Translate }) {
  return (
    <aside class="breaking" aria-labelledby="breaking-label" data-alert-id={alert.id}>
      <h2 id="breaking-label" class="breaking-label">
        {t('alert.label')}
      </h2>
      <p class="breaking-text">{alert.linkUrl ? <a href={alert.linkUrl}>{alert.text}</a> : alert.text}</p>
    </aside>
  );
}
