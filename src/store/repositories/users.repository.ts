import type { Kysely } from 'kysely';
import type { Role, RoleGrant, User } from '../../domain/user/user.js';
import type { Database } from '../database.js';

const ALL_SERVICES = '*';

export interface UserWithSecret extends User {
  readonly passwordHash: string | null;
}

/** Accounts and their role grants. */
export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(input: { email: string; name: string; passwordHash: string | null; grants: readonly RoleGrant[] }, now: Date): Promise<number> {
    const { id } = await this.db
      .insertInto('users')
      .values({
        email: input.email,
        name: input.name,
        password_hash: input.passwordHash,
        state: 'active',
        created_at: now.getTime(),
        modified_at: now.getTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.replaceGrants(id, input.grants);
    return id;
  }

  async replaceGrants(userId: number, grants: readonly RoleGrant[]): Promise<void> {
    await this.db.deleteFrom('role_grants').where('user_id', '=', userId).execute();
    const unique = new Map(grants.map((g) => [`${g.role}/${g.serviceCode ?? ALL_SERVICES}`, g]));
    if (unique.size === 0) return;
    await this.db
      .insertInto('role_grants')
      .values([...unique.values()].map((g) => ({ user_id: userId, role: g.role, service_code: g.serviceCode ?? ALL_SERVICES })))
      .execute();
  }

  async setState(userId: number, state: User['state'], now: Date): Promise<void> {
    await this.db.updateTable('users').set({ state, modified_at: now.getTime() }).where('id', '=', userId).execute();
  }

  /** The person's own time zone (null: none chosen). */
  async timeZoneOf(userId: number): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirst();
    return row?.time_zone ?? null;
  }

  async setTimeZone(userId: number, zone: string | null, now: Date): Promise<void> {
    await this.db.updateTable('users').set({ time_zone: zone, modified_at: now.getTime() }).where('id', '=', userId).execute();
  }

  async setLocale(userId: number, locale: string, now: Date): Promise<void> {
    await this.db.updateTable('users').set({ locale, modified_at: now.getTime() }).where('id', '=', userId).execute();
  }

  async findById(id: number): Promise<UserWithSecret | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.withGrants(row) : undefined;
  }

  async findByEmail(email: string): Promise<UserWithSecret | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? this.withGrants(row) : undefined;
  }

  async list(limit: number, offset: number): Promise<{ items: User[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db.selectFrom('users').selectAll().orderBy('id').limit(limit).offset(offset).execute(),
      this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    const items = await Promise.all(rows.map((row) => this.withGrants(row)));
    return { items: items.map(({ passwordHash: _secret, ...user }) => user), total: Number(count?.n ?? 0) };
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private async withGrants(row: {
    id: number;
    email: string;
    name: string;
    password_hash: string | null;
    state: string;
    locale: string;
    created_at: number;
  }): Promise<UserWithSecret> {
    const grants = await this.db
      .selectFrom('role_grants')
      .select(['role', 'service_code'])
      .where('user_id', '=', row.id)
      .orderBy('role')
      .orderBy('service_code')
      .execute();
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      state: row.state as User['state'],
      locale: row.locale,
      passwordHash: row.password_hash,
      grants: grants.map((g) => ({
        role: g.role as Role,
        serviceCode: g.service_code === ALL_SERVICES ? null : g.service_code,
      })),
      createdAt: new Date(Number(row.created_at)),
    };
  }
}
