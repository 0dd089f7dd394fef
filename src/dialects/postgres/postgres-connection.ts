import type * as Pg from 'pg';
import type { ConnectionConfig, ConnectionPool, DriverConnection, QueryResult } from '../dialect.js';
import { loadDriver } from '../dialect.js';
import { convertConnectionError } from './postgres-errors.js';

type PgModule = typeof Pg;

const DATE_OID = 1082;
const TIMESTAMP_OID = 1114;

/** Parsers set on this pool only, never on pg's global registry that the app may also use. */
function typeParsers(pg: PgModule): { getTypeParser: (oid: number, format?: string) => (value: string) => unknown } {
  return {
    getTypeParser(oid: number, format?: string) {
      if (oid === DATE_OID) return (value: string) => value;
      // A timestamp without time zone is read as UTC, which is how joinery writes dates.
      if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
      return pg.types.getTypeParser(oid, (format ?? 'text') as 'text');
    },
  };
}

function toResult(result: Pg.QueryResult): QueryResult {
  return { rows: result.rows as Record<string, unknown>[], affectedRows: result.rowCount ?? 0, metadata: result };
}

export class PostgresPool implements ConnectionPool {
  private pool: Pg.Pool | undefined;
  private opening: Promise<Pg.Pool> | undefined;

  constructor(private readonly config: ConnectionConfig) {}

  private open(): Promise<Pg.Pool> {
    this.opening ??= (async () => {
      const pg = await loadDriver<PgModule>('pg', 'postgres', this.config.dialectModule);
      const poolOptions = this.config.pool ?? {};
      const pool = new pg.Pool({
        host: this.config.host,
        port: this.config.port ?? 5432,
        database: this.config.database,
        user: this.config.username,
        password: this.config.password ?? undefined,
        max: poolOptions.max ?? 5,
        idleTimeoutMillis: poolOptions.idle ?? 10_000,
        connectionTimeoutMillis: poolOptions.acquire ?? 60_000,
        types: typeParsers(pg),
        ...(this.config.dialectOptions ?? {}),
      } as Pg.PoolConfig);
      pool.on('error', () => {
        // An idle client lost its connection; the pool replaces it. Errors reach callers through their queries.
      });
      this.pool = pool;
      return pool;
    })();
    return this.opening;
  }

  async execute(sql: string, parameters: readonly unknown[]): Promise<QueryResult> {
    const pool = this.pool ?? (await this.open());
    let client: Pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw convertConnectionError(error);
    }
    try {
      return toResult(await client.query(sql, parameters as unknown[]));
    } finally {
      client.release();
    }
  }

  async acquire(): Promise<DriverConnection> {
    const pool = this.pool ?? (await this.open());
    let client: Pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw convertConnectionError(error);
    }
    const connection: DriverConnection & { client: Pg.PoolClient } = {
      client,
      execute: async (sql, parameters) => toResult(await client.query(sql, parameters as unknown[])),
    };
    return connection;
  }

  async release(connection: DriverConnection, options: { destroy?: boolean } = {}): Promise<void> {
    (connection as DriverConnection & { client: Pg.PoolClient }).client.release(options.destroy ? true : undefined);
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.opening = undefined;
    await pool?.end();
  }
}
