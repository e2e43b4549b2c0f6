import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import { SESSION_LIFETIME_MS } from '../../../actions/users/sessions.js';
import { unauthenticated } from '../../plugins/auth.js';
import { sessionCookie } from '../../plugins/cookies.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import { LocaleRequest, SessionBody, SignedOut, SignInRequest, UserBody } from './schemas.js';
import { userJson } from './to-json.js';

const tags = ['session'];

/** Sign in (a session cookie and its CSRF token), who am I, sign out, sign out everywhere. */
export const sessionRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions; secureCookies: boolean }> = async (
  app,
  { actions, secureCookies },
) => {
  app.post(
    '/session',
    { config: { permission: 'public' }, schema: { tags, body: SignInRequest, response: responses({ 200: SessionBody }) } },
    async (request, reply) => {
      const session = await actions.signIn({ ...request.body, address: request.ip });
      const user = await actions.describeUser(session.userId);
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
      const user = await actions.describeUser(auth.userId);
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
      await actions.setNewsroomLocale(auth.userId, request.body.locale);
      const user = await actions.describeUser(auth.userId);
      if (!user) throw unauthenticated();
      return userJson(user);
    },
  );

  app.delete(
    '/session',
    { config: { permission: 'signed-in' }, schema: { tags, response: responses({ 200: SignedOut }) } },
    async (request, reply) => {
      const auth = authOf(request);
      if (auth.via === 'session') await actions.signOut(auth.token);
      reply.header('set-cookie', sessionCookie('', { secure: secureCookies, maxAgeSeconds: 0 }));
      return { ended: auth.via === 'session' ? 1 : 0 };
    },
  );

  app.post(
    '/session/sign-out-everywhere',
    { config: { permission: 'signed-in' }, schema: { tags, response: responses({ 200: SignedOut }) } },
    async (request, reply) => {
      const ended = await actions.signOutEverywhere(authOf(request).userId);
      reply.header('set-cookie', sessionCookie('', { secure: secureCookies, maxAgeSeconds: 0 }));
      return { ended };
    },
  );
};
