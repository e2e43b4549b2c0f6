import fastJsonStringify, { type Options } from 'fast-json-stringify';

type Serializer = (data: unknown) => string;

/**
 * Serializers already made, by what they were made from. A serializer is a pure function of
 * its schema (and of the shared schemas and options it was built with), so routes and apps
 * with the same response schema share one.
 */
const made = new Map<string, Serializer>();

/**
 * Fastify's response serializer factory (fast-json-stringify, as Fastify's own default), made
 * once per schema in a process instead of once per route of each app. Making one generates code
 * and a JSON-schema validator: the app's response schemas cost about 0.8 s of CPU at every
 * start, which every app built in the same process (tests build hundreds) paid again.
 */
export function cachedSerializerFactory(externalSchemas: unknown, serializerOptions: unknown) {
  const options: Options = { ...(serializerOptions as Options | undefined), schema: externalSchemas as Options['schema'] };
  const context = JSON.stringify(options);
  return ({ schema = {} }: { schema?: unknown }): Serializer => {
    const key = `${context}\n${JSON.stringify(schema)}`;
    let serializer = made.get(key);
    if (!serializer) {
      serializer = fastJsonStringify(schema as Parameters<typeof fastJsonStringify>[0], options) as Serializer;
      made.set(key, serializer);
    }
    return serializer;
  };
}
