import type * as Pg from 'pg';
import { parseDateTime } from '../../utils/dates.js';
import type { ConnectionConfig, ConnectionPool, DriverConnection, QueryResult } from '../connection.js';
import { closedConnectionError } from '../../errors/connection-errors.js';
import { configAfterBeforeConnect, invalidPort, loadDriver } from '../connection.js';
import { convertConnectionError } from './postgres-errors.js';
import { parsePgArray } from './postgres-types.js';
import { parseRange, rangeTypeIds } from './postgres-ranges.js';

type PgModule = typeof Pg;
type TextParser = (value: string) => unknown;

const DATE_OID = 1082;
const DATE_ARRAY_OID = 1182;
const TIMESTAMP_OID = 1114;
const TIMESTAMP_ARRAY_OID = 1115;

/** A timestamp without time zone is read as UTC, which is how joinery writes dates. */
const parseUtcTimestamp: TextParser = (value) => parseDateTime(value);

/**
 * Parsers set on this pool only, never on pg's global registry that the application may also use.
 * DATE stays 'YYYY-MM-DD' (a calendar day has no time zone); int8 and numeric keep pg's default, strings.
 */
function typeParsers(pg: PgModule): Pg.CustomTypesConfig {
  const overrides: Record<number, TextParser> = {
    [DATE_OID]: (value) => value,
    [DATE_ARRAY_OID]: (value) => parsePgArray(value),
    [TIMESTAMP_OID]: parseUtcTimestamp,
    [TIMESTAMP_ARRAY_OID]: (value) => parsePgArray(value, parseUtcTimestamp),
  };
  for (const [oid, subtypeKey] of Object.entries(rangeTypeIds)) overrides[Number(oid)] = (value) => parseRange(value, subtypeKey);
  const getTypeParser = (oid: number, format?: 'text' | 'binary') =>
    (format ?? 'text') === 'text' && overrides[oid] ? overrides[oid] : pg.types.getTypeParser(oid, format ?? 'text');
  return { getTypeParser } as Pg.CustomTypesConfig;
}

/** A string holding several statements answers with one result per statement; the last one is the answer. */
function toResult(result: Pg.QueryResult | Pg.QueryResult[]): QueryResult {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  if (!last) return { rows: [], affectedRows: 0, metadata: result };
  return { rows: (last.rows ?? []) as Record<string, unknown>[], affectedRows: last.rowCount ?? 0, metadata: last };
}

async function run(client: Pg.PoolClient, sql: string, parameters: readonly unknown[]): Promise<QueryResult> {
  return toResult(await client.query(sql, parameters as unknown[]));
}

interface PostgresConnection extends DriverConnection {
  readonly client: Pg.PoolClient;
}

/**
 * pg asks for the password on every new connection, which lets `beforeConnect` run per connection as in Sequelize
 * (rotating IAM tokens, say). The first connection uses the config the hook already produced when the pool opened.
 */
function passwordSource(config: ConnectionConfig): string | (() => Promise<string>) | undefined {
  const hooks = config.connectionHooks;
  if (!hooks?.has('beforeConnect')) return config.password ?? undefined;
  let first = true;
  return async () => {
    if (first) {
      first = false;
      return config.password ?? '';
    }
    const fresh = await configAfterBeforeConnect(config);
    return fresh.password ?? '';
  };
}

export class PostgresPool implements ConnectionPool {
  private pool: Pg.Pool | undefined;
  private closed = false;
  private opening: Promise<Pg.Pool> | undefined;
  private readonly clients = new Set<Pg.PoolClient>();
  private readonly disconnected: Promise<unknown>[] = [];
  private removed: (() => void) | undefined;
  private readonly prepared = new WeakSet<Pg.PoolClient>();
  private readonly sessionTimezone: string | undefined;

  constructor(private readonly config: ConnectionConfig) {
    const zone = config.timezone;
    if (zone !== undefined) {
      this.sessionTimezone = /^[+-]\d{1,2}:\d{2}$/.test(zone) ? `SET TIME ZONE INTERVAL '${zone}' HOUR TO MINUTE` : `SET TIME ZONE '${zone.replace(/'/g, "''")}'`;
    }
  }

  private open(): Promise<Pg.Pool> {
    if (this.closed) return Promise.reject(closedConnectionError());
    this.opening ??= (async () => {
      const pg = await loadDriver<PgModule>('pg', 'postgres', this.config.dialectModule);
      const config = await configAfterBeforeConnect(this.config);
      const badPort = invalidPort(config.port);
      if (badPort) throw convertConnectionError(badPort);
      const poolOptions = config.pool ?? {};
      const pool = new pg.Pool({
        host: config.host,
        port: config.port ?? 5432,
        database: config.database,
        user: config.username,
        password: passwordSource(config),
        max: poolOptions.max ?? 5,
        ...(poolOptions.min === undefined ? {} : { min: poolOptions.min }),
        idleTimeoutMillis: poolOptions.idle ?? 10_000,
        connectionTimeoutMillis: poolOptions.acquire ?? 60_000,
        // Idle clients do not hold the process open: a script that never calls close() ends with its work.
        allowExitOnIdle: true,
        types: typeParsers(pg),
        ...(config.dialectOptions ?? {}),
      } as Pg.PoolConfig);
      pool.on('error', () => {
        // An idle client lost its connection; the pool replaces it. Errors reach callers through their queries.
      });
      const hooks = config.connectionHooks;
      if (hooks?.has('afterConnect')) pool.on('connect', (client) => void hooks.run('afterConnect', client, config));
      // The open clients, for the disconnect hooks at close(); pg-pool says 'remove' once a client has ended.
      pool.on('connect', (client) => this.clients.add(client));
      pool.on('remove', (client) => {
        this.clients.delete(client);
        if (hooks?.has('afterDisconnect')) this.disconnected.push(hooks.run('afterDisconnect', client).catch(() => undefined));
        this.removed?.();
      });
      this.pool = pool;
      return pool;
    })();
    return this.opening;
  }

  /** Connection failures become ConnectionErrors here; statement errors travel on to `convertError`. */
  private async connect(): Promise<Pg.PoolClient> {
    const pool = this.pool ?? (await this.open());
    let client: Pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw convertConnectionError(error);
    }
    // As v6: each new session gets the `timezone` option, so now() and timestamptz text show that offset.
    if (this.sessionTimezone !== undefined && !this.prepared.has(client)) {
      try {
        await client.query(this.sessionTimezone);
      } catch (error) {
        client.release(true);
        throw error;
      }
      this.prepared.add(client);
    }
    return client;
  }

  async execute(sql: string, parameters: readonly unknown[]): Promise<QueryResult> {
    const client = await this.connect();
    let broken = false;
    try {
      return await run(client, sql, parameters);
    } catch (error) {
      // A client whose socket died must not go back to the pool.
      broken = !(typeof error === 'object' && error !== null && 'severity' in error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async acquire(): Promise<DriverConnection> {
    const client = await this.connect();
    const connection: PostgresConnection = { client, execute: (sql, parameters) => run(client, sql, parameters) };
    return connection;
  }

  async release(connection: DriverConnection, options: { destroy?: boolean } = {}): Promise<void> {
    (connection as PostgresConnection).client.release(options.destroy === true);
  }

  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = undefined;
    this.opening = undefined;
    // Each open client gets beforeDisconnect before the pool ends them (afterDisconnect follows from 'remove').
    const hooks = this.config.connectionHooks;
    if (pool && hooks?.has('beforeDisconnect')) for (const client of [...this.clients]) await hooks.run('beforeDisconnect', client);
    await pool?.end();
    // pg-pool's end resolves before its clients report 'remove': wait for them, then for their afterDisconnect hooks.
    // (The timer also holds the event loop open meanwhile: idle clients' sockets do not, allowExitOnIdle.)
    const deadline = Date.now() + 5_000;
    while (this.clients.size > 0 && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.removed = () => { clearTimeout(timer); resolve(); };
      });
    }
    this.removed = undefined;
    await Promise.all(this.disconnected.splice(0));
  }
}
