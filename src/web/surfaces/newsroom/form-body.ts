import type { FastifyInstance } from 'fastify';
import { parseFormFields } from '../../plugins/request-text.js';

/**
 * HTML forms post application/x-www-form-urlencoded: parsed to a plain object of strings (last value wins; text that is not UTF-8 refused).
 * Up to 2 MB: the story form carries the body as JSON, which URL-encoding roughly triples, and a body
 * may hold a table of 5,000 cells (a bigger one must reach the domain to be refused by name).
 */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 }, (_request, body, done) => {
    try {
      done(null, parseFormFields(body as Buffer, 'last'));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

export type FormBody = Readonly<Record<string, string | undefined>>;
