import type { FastifyInstance, FastifySchema } from 'fastify';
import { Type, type TSchema } from 'typebox';

/**
 * Gives every route of a surface a schema for what it does not declare itself: its
 * parameters typed by name (`:id` is an Id, `:code` a service code...), and a query and form
 * of any names whose values are text without NUL bytes. The app refuses to start with a route
 * parameter of a name it does not know, so a new route cannot skip its parameters' check.
 */
export function defaultSchemas(
  app: FastifyInstance,
  options: { params: Readonly<Record<string, TSchema>>; query: TSchema; form: TSchema },
): void {
  app.addHook('onRoute', (route) => {
    const schema: FastifySchema = { ...(route.schema ?? {}) };
    const names = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1]!);
    if (!schema.params && names.length > 0) {
      const properties: Record<string, TSchema> = {};
      for (const name of names) {
        const type = options.params[name];
        if (!type) throw new Error(`route ${String(route.method)} ${route.url}: no schema for the parameter :${name}: refusing to start`);
        properties[name] = type;
      }
      schema.params = Type.Object(properties, { additionalProperties: false });
    }
    schema.querystring ??= options.query;
    if (route.method !== 'GET' && route.method !== 'HEAD') schema.body ??= options.form;
    route.schema = schema;
  });
}
