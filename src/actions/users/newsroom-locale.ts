import { invalid } from '../../domain/shared/errors.js';
import { isNewsroomLocale, NEWSROOM_LOCALES, type NewsroomLocale } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/**
 * Sets the language (and so the direction) of a person's own newsroom. Anyone signed in
 * chooses their own; a language the newsroom has no catalogue for is refused and changes nothing.
 */
export async function setNewsroomLocale(deps: ActionDeps, userId: number, locale: unknown): Promise<NewsroomLocale> {
  if (!isNewsroomLocale(locale)) {
    throw invalid('LOCALE_INVALID', `the newsroom speaks ${NEWSROOM_LOCALES.join(', ')}`, 'locale');
  }
  const now = deps.clock.now();
  await deps.store.transaction(async (repos) => {
    await repos.users.setLocale(userId, locale, now);
    await repos.audit.record({ userId, action: 'user.locale', subject: `user:${userId}`, details: { locale } }, now);
  });
  return locale;
}
