import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ActionDeps } from '../../../actions/deps.js';
import { setNewsroomLocale } from '../../../actions/users/newsroom-locale.js';
import { describeUser, SESSION_LIFETIME_MS, signIn, signOut, signOutEverywhere } from '../../../actions/users/sessions.js';
import { unauthenticated } from '../../plugins/auth.js';
import { sessionCookie } from '../../plugins/cookies.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import { LocaleRequest, SessionBody, SignedOut, SignInRequest, UserBody } from './schemas.js';
import { userJson } from './to-json.js';

const tags = ['session'];

/** Sign in (a session cookie and its CSRF token), who am I, sign out, sign out everywhere. */
export const sessionRoutes: FastifyPluginAsyncTypebox<{ actions: ActionDeps; secureCookies: boolean }> = async (
  app,
  { actions, secureCookies },
) => {
  app.post(
    '/session',
    { config: { permission: 'public' }, schema: { tags, body: SignInRequest, response: responses({ 200: SessionBody }) } },
    async (request, reply) => {
      const session = await signIn(actions, { ...request.body, address: request.ip });
      const user = await describeUser(actions, session.userId);
      if (!user) throw unauthenticated();
      reply.header('set-cookie', sessionCookie(session.token, { secure: secureCookies, maxAgeSeconds: SESSION_LIFETIME_MS / 1000 }));
      return { user: userJson(user), csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/session',
    { config: { permission: 'signed-in' }, schema: { tags, response: responses({ 200: SessionBody }) } },
    async (request) => {
      const auth = authOf(request);
      const user = await describeUser(actions, auth.userId);
      if (!user) throw unauthenticated();
      return { user: userJson(user), csrfToken: auth.via === 'session' ? auth.csrfToken : null };
    },
  );

  // The signed-in person's own newsroom language: en, ru, ky or fa (anything else: 400 LOCALE_INVALID).
  app.put(
    '/session/locale',
    { config: { permission: 'signed-in' }, schema: { tags, body: LocaleRequest, response: responses({ 200: UserBody }) } },
    async (request) => {
      const auth = authOf(request);
      await setNewsroomLocale(actions, auth.userId, request.body.locale);
      const user = await describeUser(actions, auth.userId);
      if (!user) throw unauthenticated();
      return userJson(user);
    },
  );

  app.delete(
    '/session',
    { config: { permission: 'signed-in' }, schema: { tags, response: responses({ 200: SignedOut }) } },
    async (request, reply) => {
      const auth = authOf(request);
      if (auth.via === 'session') await signOut(actions, auth.token);
      reply.header('set-cookie', sessionCookie('', { secure: secureCookies, maxAgeSeconds: 0 }));
      return { ended: auth.via === 'session' ? 1 : 0 };
    },
  );

  app.post(
    '/session/sign-out-everywhere',
    { config: { permission: 'signed-in' }, schema: { tags, response: responses({ 200: SignedOut }) } },
    async (request, reply) => {
      const ended = await signOutEverywhere(actions, authOf(request).userId);
      reply.header('set-cookie', sessionCookie('', { secure: secureCookies, maxAgeSeconds: 0 }));
      return { ended };
    },
  );
};
