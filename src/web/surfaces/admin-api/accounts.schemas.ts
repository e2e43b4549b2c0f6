import { Type } from 'typebox';
import { TOKEN_EXPIRY_DAYS, TOKEN_LABEL_LIMIT } from '../../../domain/user/api-token.js';
import { MAX_ID } from '../../../domain/shared/limits.js';
import { Id, Nullable, strict, Time } from '../../shared/schemas.js';
import { UserBody } from './schemas.js';

// Personal API tokens and account states, as the Admin API takes and shows them.

export const TokenBody = Type.Object({
  id: Id,
  userId: Id,
  label: Type.String(),
  createdAt: Time,
  expiresAt: Nullable(Time),
  lastUsedAt: Nullable(Time),
});
export const TokenList = Type.Object({ userId: Id, items: Type.Array(TokenBody) });
export const TokenQuery = Type.Object({ user: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: "another person's tokens (admins)" })) }, strict);
export const NewToken = Type.Object(
  {
    label: Type.Optional(Type.String({ maxLength: TOKEN_LABEL_LIMIT })),
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
