import swagger from '@fastify/swagger';
import { TypeBoxValidatorCompiler, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import type { MediaActions } from '../../../actions/web-actions.js';
import { authenticate } from '../../plugins/auth.js';
import { accountRoutes } from './accounts.routes.js';
import { alertRoutes } from './alerts.routes.js';
import { distributionRoutes } from './distribution.routes.js';
import { commentRoutes } from './comments.routes.js';
import { profileRoutes } from './profiles.routes.js';
import { mediaRoutes } from './media.routes.js';
import { uploadRoutes } from './uploads.routes.js';
import { guardRoutes } from '../../shared/route-permission.js';
import { serviceRoutes } from './services.routes.js';
import { frontPageRoutes } from './front-page.routes.js';
import { sessionRoutes } from './session.routes.js';
import { liveRoutes } from './live.routes.js';
import { storyRoutes } from './stories.routes.js';
import { translationRoutes } from './translations.routes.js';
import { userRoutes } from './users.routes.js';

export const ADMIN_API_PREFIX = '/api/admin/v1';

/**
 * The Admin API: the JSON API the newsroom uses, usable from scripts with a personal token.
 * TypeBox schemas validate requests (unknown fields refused) and allowlist responses; the
 * same schemas make the OpenAPI document at /openapi.json.
 */
export const adminApiSurface: FastifyPluginAsyncTypebox<{ actions: WebActions; media: MediaActions; uploadsDir: string; publicUrl: URL }> = async (
  app,
  { actions, media, uploadsDir, publicUrl },
) => {
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  authenticate(app, actions);
  guardRoutes(app);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Dateline Admin API', version: '1' },
      servers: [{ url: new URL(ADMIN_API_PREFIX, publicUrl).href }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'a personal token: `dateline token create --email E`' },
          session: { type: 'apiKey', in: 'cookie', name: 'dateline_session', description: 'with the x-csrf-token header on writes' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: ({ schema, url, route }) => {
      const permission = (route.config as { permission?: string } | undefined)?.permission ?? 'public';
      const stripped = url.startsWith(ADMIN_API_PREFIX) ? url.slice(ADMIN_API_PREFIX.length) || '/' : url;
      return {
        schema: { ...schema, 'x-permission': permission, ...(permission === 'public' ? { security: [] } : {}) } as typeof schema,
        url: stripped,
      };
    },
  });
  app.get('/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(sessionRoutes, { actions, secureCookies: publicUrl.protocol === 'https:' });
  await app.register(storyRoutes, { actions });
  await app.register(liveRoutes, { actions });
  await app.register(translationRoutes, { actions });
  await app.register(alertRoutes, { actions });
  await app.register(commentRoutes, { actions });
  await app.register(userRoutes, { actions });
  await app.register(accountRoutes, { actions });
  await app.register(profileRoutes, { actions });
  await app.register(serviceRoutes, { actions });
  await app.register(frontPageRoutes, { actions });
  await app.register(mediaRoutes, { actions, media });
  await app.register(distributionRoutes, { actions });
  await app.register(uploadRoutes, { media, uploadsDir, apiPrefix: ADMIN_API_PREFIX });
};
