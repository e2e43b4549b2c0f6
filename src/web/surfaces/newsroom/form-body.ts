import type { FastifyInstance } from 'fastify';

/** HTML forms post application/x-www-form-urlencoded: parsed to a plain object of strings (last value wins). */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}

export type FormBody = Readonly<Record<string, string | undefined>>;
