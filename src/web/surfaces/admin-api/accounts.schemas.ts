import { Type } from 'typebox';
import { TOKEN_EXPIRY_DAYS } from '../../../domain/user/api-token.js';
import { MAX_ID } from '../../../domain/shared/limits.js';
import { Id } from '../../shared/schemas.js';
import { UserBody } from './schemas.js';

// Personal API tokens and account states, as the Admin API takes and shows them.

const strict = { additionalProperties: false } as const;
const Time = Type.String({ description: 'ISO 8601 date and time' });
const NullableTime = Type.Union([Time, Type.Null()]);

export const TokenBody = Type.Object({
  id: Id,
  userId: Id,
  label: Type.String(),
  createdAt: Time,
  expiresAt: NullableTime,
  lastUsedAt: NullableTime,
});
export const TokenList = Type.Object({ userId: Id, items: Type.Array(TokenBody) });
export const TokenQuery = Type.Object({ user: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: "another person's tokens (admins)" })) }, strict);
export const NewToken = Type.Object(
  {
    label: Type.Optional(Type.String({ maxLength: 120 })),
    expiresInDays: Type.Optional(Type.Integer({ minimum: TOKEN_EXPIRY_DAYS.min, maximum: TOKEN_EXPIRY_DAYS.max, description: 'absent: never expires' })),
    userId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: "a token for another person (admins); absent: your own" })),
  },
  strict,
);
export const CreatedToken = Type.Object({ token: Type.String({ description: 'the secret, shown this once' }), item: TokenBody });
export const DisabledUser = Type.Object({
  user: UserBody,
  sessions: Type.Integer({ description: 'sessions ended' }),
  tokens: Type.Integer({ description: 'tokens revoked' }),
});
