import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  /** scrypt$N$r$p$salt$hash; null for an account that signs in with tokens only. */
  password_hash: string | null;
  state: string;
  /** The newsroom's language for this person ('en' unless they chose another). */
  locale: Generated<string>;
  created_at: number;
  modified_at: number;
  /** The person's own time zone (IANA name); null: the service's. */
  time_zone: string | null;
}

/** Admin grants carry service_code '*'. */
export interface RoleGrantsTable {
  user_id: number;
  role: string;
  service_code: string;
}

/** Sessions and tokens are stored as SHA-256 hashes: a copy of the database signs no one in. */
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  label: string;
  created_at: number;
  /** null: never expires. */
  expires_at: number | null;
  last_used_at: number | null;
}

export interface SignInFailuresTable {
  key: string;
  failures: number;
  window_start: number;
  locked_until: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  user_id: number | null;
  action: string;
  subject: string;
  details_json: string;
  created_at: number;
}
