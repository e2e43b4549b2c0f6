import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

/** A whole number as people and forms write it: no leading zeros, no exponent, no hex. */
const WHOLE_NUMBER = /^-?(?:0|[1-9]\d{0,15})$/;

/**
 * The validator of the page surfaces (reader, comments, newsroom): TypeBox, with route
 * parameters, queries and form fields (all text) turned into numbers where the schema wants
 * one and the text is plainly a whole number. Anything else stays text and is refused, so
 * `/a/x/007`, `?page=1e308` and `id=0x10` name nothing rather than something.
 */
export const pageValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema }) => {
  const check = Compile(schema);
  return (value: unknown) => {
    const converted = withNumbers(schema, value);
    if (check.Check(converted)) return { value: converted };
    return { error: check.Errors(converted) as unknown as Error };
  };
};

/**
 * The same check for surfaces whose handlers read their forms as text (the newsroom): the
 * numbers are checked as numbers, and the request keeps the text it sent.
 */
export const formValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema }) => {
  const check = Compile(schema);
  return (value: unknown) => {
    const converted = withNumbers(schema, value);
    if (check.Check(converted)) return { value: value ?? undefined };
    return { error: check.Errors(converted) as unknown as Error };
  };
};

function withNumbers(schema: TSchema, value: unknown): unknown {
  // A post without a body is an empty form (Fastify hands a missing body over as null).
  if (value === null || value === undefined) return {};
  const properties = (schema as { properties?: Record<string, TSchema> }).properties;
  if (!properties || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const result: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [name, property] of Object.entries(properties)) {
    const field = result[name];
    if (typeof field === 'string' && WHOLE_NUMBER.test(field) && wantsInteger(property)) result[name] = Number(field);
  }
  return result;
}

function wantsInteger(schema: TSchema): boolean {
  const { type, anyOf } = schema as { type?: unknown; anyOf?: TSchema[] };
  return type === 'integer' || (Array.isArray(anyOf) && anyOf.some(wantsInteger));
}
