import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database } from '../database.js';

/**
 * The embedded store: one file, WAL so readers never wait for the writer, foreign keys on,
 * and synchronous=FULL so an acknowledged write survives a crash or power cut.
 */
export function openSqlite(file: string): Kysely<Database> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SQLite(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // SQLite's own lower() folds ASCII only; PostgreSQL's folds every script. Make them agree,
  // so searching "москве" finds "Москве" on both.
  connection.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a small query.
 * Kysely emits the same SQL text for the same query shape (values are parameters), so
 * prepared statements are kept by their SQL text and reused.
 */
function withStatementCache(connection: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      connection.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        if (statements.size < 1_000) statements.set(sql, statement);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}
