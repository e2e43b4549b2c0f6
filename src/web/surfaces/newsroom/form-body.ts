import type { FastifyInstance } from 'fastify';
import { parseFormFields } from '../../plugins/request-text.js';

/** HTML forms post application/x-www-form-urlencoded: parsed to a plain object of strings (last value wins; text that is not UTF-8 refused). */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_request, body, done) => {
    try {
      done(null, parseFormFields(body as Buffer, 'last'));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

export type FormBody = Readonly<Record<string, string | undefined>>;
