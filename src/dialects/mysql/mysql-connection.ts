import type * as MysqlPromise from 'mysql2/promise';
import type { ConnectionConfig, ConnectionPool, DriverConnection, QueryResult } from '../connection.js';
import { closedConnectionError, ConnectionAcquireTimeoutError } from '../../errors/connection-errors.js';
import { configAfterBeforeConnect, invalidPort, loadDriver } from '../connection.js';
import { convertMysqlConnectionError } from './mysql-errors.js';
import { mysqlToGeoJson } from './mysql-geometry.js';
import { formatUtcDateTime, parseDateTime } from '../../utils/dates.js';
import { offsetMinutes } from '../escape.js';

type MysqlModule = typeof MysqlPromise;
type Pool = MysqlPromise.Pool;
type PoolConnection = MysqlPromise.PoolConnection;

const isHeader = (value: unknown) => typeof value === 'object' && value !== null && value.constructor?.name === 'ResultSetHeader';

/** mysql2 answers a SELECT with rows and a write with a ResultSetHeader; the statement text does not matter. */
function toResult(result: unknown, fields: unknown): QueryResult {
  // With multipleStatements on, one result per statement comes back: the last statement's is the answer.
  // (A row is never an array here unless rowsAsArray is on, so the per-statement field lists tell the two apart.)
  const perStatementFields = Array.isArray(fields) && (fields[0] === undefined || Array.isArray(fields[0]));
  if (Array.isArray(result) && result.length > 0 && (isHeader(result[0]) || (Array.isArray(result[0]) && perStatementFields))) {
    const lastFields: unknown = Array.isArray(fields) ? fields[fields.length - 1] : fields;
    return toResult(result[result.length - 1], lastFields);
  }
  if (Array.isArray(result)) {
    const rows = result as Record<string, unknown>[];
    return { rows, affectedRows: rows.length, metadata: fields ?? rows };
  }
  const header = result as { affectedRows?: number; insertId?: number };
  return { rows: [], affectedRows: header.affectedRows ?? 0, insertId: header.insertId, metadata: header };
}

/** Where dates meet the server: wall-clock text in the `timezone` option, as v6 writes and reads DATETIME. */
interface Clock {
  /** Minutes east of UTC at an instant. */
  offset(at: Date): number;
  /** The session's `time_zone` (`'+02:00'`, or the zone's name). */
  readonly session: string;
}

function clockOf(timezone: string | undefined): Clock {
  const zone = timezone === undefined || timezone === 'Z' || timezone === 'UTC' ? '+00:00' : timezone;
  if (/^[+-]\d{1,2}:?\d{2}$/.test(zone)) {
    const minutes = offsetMinutes(zone, new Date(0));
    const sign = minutes < 0 ? '-' : '+';
    const session = `${sign}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
    return { offset: () => minutes, session };
  }
  return { offset: (at) => offsetMinutes(zone, at), session: zone };
}

function bindable(parameters: readonly unknown[], clock: Clock): unknown[] {
  let bound: unknown[] | undefined;
  for (let index = 0; index < parameters.length; index += 1) {
    const value = parameters[index];
    if (!(value instanceof Date)) continue;
    bound ??= [...parameters];
    const offset = clock.offset(value);
    bound[index] = formatUtcDateTime(offset === 0 ? value : new Date(value.getTime() + offset * 60_000));
  }
  return bound ?? (parameters as unknown[]);
}

async function run(target: Pool | PoolConnection, sql: string, parameters: readonly unknown[], clock: Clock): Promise<QueryResult> {
  const [result, fields] = await target.query(sql, bindable(parameters, clock));
  return toResult(result, fields);
}

/**
 * The server sends doubles as their exact shortest text, but mysql2's own float parser can drop the last digit
 * (999877647630.9781 read back as 999877647630.978); `Number()` on the text is exact.
 */
function readFloatsExactly(clock: Clock) {
  return (field: { type: string; string(): string | null; buffer(): Buffer | null }, next: () => unknown): unknown => {
    if (field.type === 'DATETIME' || field.type === 'TIMESTAMP') return readDateTime(field, clock);
    // Geometries read as GeoJSON, also in `sequelize.query` rows, as v6 reads them.
    if (field.type === 'GEOMETRY') {
      const bytes = field.buffer();
      return bytes === null ? null : mysqlToGeoJson(bytes);
    }
    if (field.type !== 'DOUBLE' && field.type !== 'FLOAT') return next();
    const text = field.string();
    return text === null ? null : Number(text);
  };
}

/** DATETIME/TIMESTAMP columns read as Dates (wall-clock text in `timezone`), also in `sequelize.query` rows, as v6 reads them. */
function readDateTime(field: { string(): string | null }, clock: Clock): Date | string | null {
  const text = field.string();
  if (text === null || text.startsWith('0000-00-00')) return text;
  const wall = parseDateTime(text);
  const offset = clock.offset(wall);
  return offset === 0 ? wall : new Date(wall.getTime() - offset * 60_000);
}

/**
 * An idle pooled socket must not keep the process alive: a script that never calls `close()` ends when its
 * work does (Sequelize gets there by evicting idle connections after `pool.idle`; mysql2's pool never does).
 */
function holdProcess(connection: PoolConnection, hold: boolean): void {
  const socket = (connection as unknown as { connection?: { stream?: { ref?: () => void; unref?: () => void } } }).connection?.stream;
  if (hold) socket?.ref?.();
  else socket?.unref?.();
}

function releaseIdle(connection: PoolConnection): void {
  holdProcess(connection, false);
  connection.release();
}

/** mysql2's pool waits for ever for a free connection; `pool.acquire` bounds the wait, as in Sequelize. */
function withAcquireTimeout(pending: Promise<PoolConnection>, milliseconds: number): Promise<PoolConnection> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new ConnectionAcquireTimeoutError(new Error(`Operation timeout: no connection was free within pool.acquire (${milliseconds} ms).`)));
    }, milliseconds);
    pending.then((connection) => {
      clearTimeout(timer);
      // A connection handed over after the wait ended goes straight back to the pool.
      if (timedOut) releaseIdle(connection);
      else resolve(connection);
    }, (error: unknown) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** mysql2's pooled connection as far as closing one goes (`_realEnd` is its own QUIT, `end` only releases). */
interface ClosableConnection {
  once(event: 'end' | 'error', listener: () => void): unknown;
  destroy(): void;
  _removeFromPool?: () => void;
  _realEnd?: (callback: (error?: unknown) => void) => void;
  stream?: { ref?: () => void };
}

/** Takes one connection out of the pool and ends it (QUIT), or closes its socket where the driver has no such end. */
function endConnection(connection: ClosableConnection): Promise<void> {
  if (typeof connection._realEnd !== 'function' || typeof connection._removeFromPool !== 'function') {
    connection.destroy();
    return Promise.resolve();
  }
  connection._removeFromPool();
  // An idle socket is unreferenced (holdProcess): referenced again, the process waits for the QUIT.
  connection.stream?.ref?.();
  return new Promise((resolve) => connection._realEnd!(() => resolve()));
}

export class MysqlPool implements ConnectionPool {
  private pool: Pool | undefined;
  private closed = false;
  private opening: Promise<Pool> | undefined;
  private readonly connections = new Set<ClosableConnection>();
  private readonly clock: Clock;

  constructor(private readonly config: ConnectionConfig) {
    this.clock = clockOf(config.timezone);
  }

  private open(): Promise<Pool> {
    if (this.closed) return Promise.reject(closedConnectionError());
    this.opening ??= (async () => {
      const mysql = await loadDriver<MysqlModule>('mysql2/promise', 'mysql', this.config.dialectModule);
      const config = await configAfterBeforeConnect(this.config);
      const badPort = invalidPort(config.port);
      if (badPort) throw convertMysqlConnectionError(badPort);
      const created = mysql.createPool({
        host: config.host,
        port: config.port ?? 3306,
        user: config.username,
        password: config.password ?? undefined,
        database: config.database,
        connectionLimit: config.pool?.max ?? 5,
        ...(config.pool?.idle === undefined ? {} : { idleTimeout: config.pool.idle }),
        timezone: 'Z',
        // Dates are parsed per attribute type, which keeps UTC exact; DECIMAL stays a string, as in Sequelize.
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: false,
        decimalNumbers: false,
        multipleStatements: false,
        // JSON comes back as text and is parsed once by the attribute's type: mysql2's own parse plus ours turned
        // the JSON string "0" into the number 0.
        jsonStrings: true,
        typeCast: readFloatsExactly(this.clock),
        // As v6 connects: affected rows are the rows an UPDATE changed, not the rows it matched (Model.update of
        // unchanged values resolves [0]; an upsert that changes nothing is not "created").
        flags: ['-FOUND_ROWS'],
        ...(config.dialectOptions ?? {}),
      });
      const hooks = config.connectionHooks;
      if (hooks?.has('afterConnect')) created.on('connection', (connection) => void hooks.run('afterConnect', connection, config));
      // The open connections, for the disconnect hooks at close().
      created.on('connection', (connection) => {
        // As v6: the session's time zone is the `timezone` option, so NOW() and TIMESTAMP columns agree with it.
        (connection as unknown as { query(sql: string, values: unknown[], callback: () => void): void }).query('SET time_zone = ?', [this.clock.session], () => undefined);
        this.connections.add(connection);
        const forget = () => this.connections.delete(connection);
        connection.once('end', forget);
        connection.once('error', forget);
      });
      // A `dialectModule` may be mysql2's callback API (what Sequelize expects there); its pool has a promise twin.
      const callbackPool = created as unknown as { promise?: () => Pool };
      const pool = typeof callbackPool.promise === 'function' ? callbackPool.promise() : created;
      this.pool = pool;
      return pool;
    })();
    return this.opening;
  }

  /** Connection failures become ConnectionErrors here; statement errors travel on to `convertError`. */
  private async connect(): Promise<PoolConnection> {
    const pool = this.pool ?? (await this.open());
    const acquire = this.config.pool?.acquire;
    try {
      const connection = acquire === undefined ? await pool.getConnection() : await withAcquireTimeout(pool.getConnection(), acquire);
      holdProcess(connection, true);
      return connection;
    } catch (error) {
      throw convertMysqlConnectionError(error);
    }
  }

  async execute(sql: string, parameters: readonly unknown[]): Promise<QueryResult> {
    const connection = await this.connect();
    let broken = false;
    try {
      return await run(connection, sql, parameters, this.clock);
    } catch (error) {
      // mysql2 marks errors that leave the connection unusable as fatal; such a connection must not be reused.
      broken = (error as { fatal?: boolean }).fatal === true;
      throw error;
    } finally {
      if (broken) connection.destroy();
      else releaseIdle(connection);
    }
  }

  async acquire(): Promise<DriverConnection> {
    const connection = await this.connect();
    const driverConnection: DriverConnection & { connection: PoolConnection } = {
      connection,
      execute: (sql, parameters) => run(connection, sql, parameters, this.clock),
    };
    return driverConnection;
  }

  async release(connection: DriverConnection, options: { destroy?: boolean } = {}): Promise<void> {
    const held = (connection as DriverConnection & { connection: PoolConnection }).connection;
    if (options.destroy) held.destroy();
    else releaseIdle(held);
  }

  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = undefined;
    this.opening = undefined;
    const hooks = this.config.connectionHooks;
    if (pool && (hooks?.has('beforeDisconnect') || hooks?.has('afterDisconnect'))) {
      // As in Sequelize: each connection in turn, beforeDisconnect, its end, afterDisconnect, with the connection.
      for (const connection of [...this.connections]) {
        if (hooks.has('beforeDisconnect')) await hooks.run('beforeDisconnect', connection);
        await endConnection(connection);
        this.connections.delete(connection);
        if (hooks.has('afterDisconnect')) await hooks.run('afterDisconnect', connection);
      }
    }
    await pool?.end();
  }
}
