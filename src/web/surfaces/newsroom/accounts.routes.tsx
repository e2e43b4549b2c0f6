import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountPage, UserPage, UsersPage } from '../../../views/pages/newsroom/accounts.page.js';
import { unauthenticated } from '../../plugins/auth.js';
import { authOf, requireSessionForNewToken } from '../../shared/route-permission.js';
import type { FormBody } from './form-body.js';
import { formNumber, idOf, pageOf, type PageHelpers } from './page-helpers.js';
import { refusalText } from './error-text.js';

/**
 * /newsroom/account: your personal API tokens (list, make, revoke). /newsroom/users (admins):
 * every account; disable or enable one, revoke anyone's tokens.
 */
export function accountPages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers): void {
  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    newToken: string | null,
    error: string | null,
    status = 200,
    zoneForm: { value?: string; error?: string; saved?: boolean } = {},
    languageSaved = false,
  ) => {
    const auth = authOf(request);
    const [user, tokens, zone] = await Promise.all([
      actions.describeUser(auth.userId),
      actions.listApiTokens(auth.actor, { id: auth.userId }),
      actions.timeZoneOf(auth.userId),
    ]);
    if (!user) throw unauthenticated();
    const timeZone = { zone: zone.zone, value: zoneForm.value ?? zone.chosen ?? '', error: zoneForm.error ?? null, saved: zoneForm.saved ?? false };
    const page = (
      <AccountPage
        masthead={await mastheadFor(request)}
        user={user}
        tokens={tokens.items}
        now={actions.clock.now()}
        newToken={newToken}
        error={error}
        timeZone={timeZone}
        zoneNames={Intl.supportedValuesOf('timeZone')}
        languageSaved={languageSaved}
      />
    );
    return html(reply, page, status);
  };

  app.get('/newsroom/account', { config: { permission: 'signed-in' } }, async (request, reply) =>
    accountPage(request, reply, null, null, 200, {}, (request.query as Record<string, string | undefined>).saved === 'language'),
  );

  // The next page (after the redirect) is already in the chosen language and direction.
  app.post('/newsroom/account/language', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    await actions.setNewsroomLocale(authOf(request).userId, form.locale);
    return reply.redirect('/newsroom/account?saved=language', 303);
  });

  /** Your own time zone: newsroom times are shown and entered in it. A refused name stays in the field. */
  app.post('/newsroom/account/time-zone', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const value = ((request.body ?? {}) as FormBody).timeZone ?? '';
    try {
      await actions.setOwnTimeZone(authOf(request).actor, value);
      return accountPage(request, reply, null, null, 200, { saved: true });
    } catch (error) {
      return accountPage(request, reply, null, null, 400, { value, error: refusalText(request, error) });
    }
  });

  // The new token's secret is on this answer only (no redirect: it is never stored or shown again).
  app.post('/newsroom/account/tokens', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const auth = authOf(request);
    requireSessionForNewToken(auth);
    const form = (request.body ?? {}) as FormBody;
    try {
      const { token } = await actions.issueApiToken(auth.actor, { id: auth.userId }, { label: form.label ?? '', expiresInDays: formNumber(form.expiresInDays) });
      return accountPage(request, reply, token, null);
    } catch (error) {
      return accountPage(request, reply, null, refusalText(request, error), 400);
    }
  });

  app.post('/newsroom/tokens/:id/revoke', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const auth = authOf(request);
    const token = await actions.revokeApiToken(auth.actor, idOf(request));
    return reply.redirect(token.userId === auth.userId ? '/newsroom/account' : `/newsroom/users/${token.userId}`, 303);
  });

  app.get('/newsroom/users', { config: { permission: 'user.manage' } }, async (request, reply) => {
    const page = pageOf((request.query as Record<string, string | undefined>).page);
    const list = await actions.listUsers(authOf(request).actor, { page });
    return html(reply, <UsersPage masthead={await mastheadFor(request)} users={list.items} page={page} hasNext={page * list.perPage < list.total} />);
  });

  app.get('/newsroom/users/:id', { config: { permission: 'user.manage' } }, async (request, reply) => {
    const auth = authOf(request);
    const user = await actions.getUser(auth.actor, idOf(request));
    const tokens = await actions.listApiTokens(auth.actor, { id: user.id });
    return html(reply, <UserPage masthead={await mastheadFor(request)} user={user} tokens={tokens.items} now={actions.clock.now()} isSelf={user.id === auth.userId} />);
  });

  app.post('/newsroom/users/:id/disable', { config: { permission: 'user.manage' } }, async (request, reply) => {
    await actions.disableUser(authOf(request).actor, { id: idOf(request) });
    return reply.redirect(`/newsroom/users/${idOf(request)}`, 303);
  });

  app.post('/newsroom/users/:id/enable', { config: { permission: 'user.manage' } }, async (request, reply) => {
    await actions.enableUser(authOf(request).actor, { id: idOf(request) });
    return reply.redirect(`/newsroom/users/${idOf(request)}`, 303);
  });
}
