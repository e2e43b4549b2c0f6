import { Type } from 'typebox';

// Admin API shapes for Content API keys and webhook endpoints.

const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Time = Type.String({ description: 'ISO 8601 date and time' });

export const NewApiKey = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120, description: 'who uses it: "Partner site", "Mobile app"' }),
    requestsPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 600 })),
  },
  strict,
);
export const ApiKeyBody = Type.Object(
  { id: Type.Integer(), name: Type.String(), prefix: Type.String(), requestsPerMinute: Type.Integer(), createdAt: Time, revokedAt: Nullable(Time) },
  strict,
);
export const IssuedApiKey = Type.Object({ key: Type.String({ description: 'shown only now' }), apiKey: ApiKeyBody }, strict);
export const ApiKeyList = Type.Object({ items: Type.Array(ApiKeyBody) }, strict);
