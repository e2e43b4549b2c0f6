import type { DatabaseConnection, Dialect, Driver, QueryCompiler, QueryResult, TransactionSettings } from 'kysely';
import { DomainError } from '../../domain/shared/errors.js';

/** Network failures: the server is down, restarting, unreachable, or dropped the connection. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
/**
 * PostgreSQL's own: class 08 (connection exception), admin_shutdown (pg_terminate_backend, a
 * fast shutdown), crash_shutdown, cannot_connect_now (starting up, shutting down, in recovery),
 * too_many_connections.
 */
const SERVER_CODES = /^(08...|57P01|57P02|57P03|53300)$/;
/** pg and Kysely say a connection is gone in words only. */
const MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Postgres connection has been discarded)/;

/** True when the error says the database could not be reached, not that the query was wrong. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  return NETWORK_CODES.has(code) || SERVER_CODES.test(code) || MESSAGES.test(error.message);
}

function translated(error: unknown): unknown {
  if (!isConnectionFailure(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError('DATABASE_UNAVAILABLE', 'unavailable', 'The database cannot be reached at the moment; try again shortly', undefined, { reason });
}

async function translating<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translated(error);
  }
}

/**
 * Wraps a dialect so that every failure to reach the database (connecting, a query, begin,
 * commit) becomes one DomainError, DATABASE_UNAVAILABLE of kind `unavailable`, which every
 * surface answers with 503 and Retry-After. Other errors pass unchanged.
 */
export function unavailableWhenDisconnected(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => new TranslatingDriver(dialect.createDriver()),
  };
}

class TranslatingDriver implements Driver {
  private readonly wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();
  private readonly inner = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(private readonly driver: Driver) {}

  init(): Promise<void> {
    return this.driver.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await translating(() => this.driver.acquireConnection());
    let outer = this.wrapped.get(connection);
    if (!outer) {
      outer = {
        executeQuery: <R>(query: Parameters<DatabaseConnection['executeQuery']>[0]): Promise<QueryResult<R>> =>
          translating(() => connection.executeQuery<R>(query)),
        streamQuery: <R>(query: Parameters<DatabaseConnection['streamQuery']>[0], chunkSize?: number) =>
          connection.streamQuery<R>(query, chunkSize),
      };
      this.wrapped.set(connection, outer);
      this.inner.set(outer, connection);
    }
    return outer;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return translating(() => this.driver.beginTransaction(this.unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return translating(() => this.driver.commitTransaction(this.unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return translating(() => this.driver.rollbackTransaction(this.unwrap(connection)));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await translating(() => this.driver.savepoint?.(this.unwrap(connection), name, compile) ?? Promise.resolve());
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await translating(() => this.driver.rollbackToSavepoint?.(this.unwrap(connection), name, compile) ?? Promise.resolve());
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await translating(() => this.driver.releaseSavepoint?.(this.unwrap(connection), name, compile) ?? Promise.resolve());
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.driver.releaseConnection(this.unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.driver.destroy();
  }

  private unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.inner.get(connection) ?? connection;
  }
}
