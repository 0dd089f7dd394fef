// Sequelize v6's `replication` option: one write pool and one pool per read server, behind the pool interface.
import type { ConnectionConfig, ConnectionPool } from './connection.js';

/** One server of `replication.read` / `replication.write`; what it leaves out comes from the top-level options. */
export interface ServerSettings {
  host?: string;
  port?: number | string;
  username?: string;
  password?: string | null;
  database?: string;
}

export interface ReplicationSettings {
  read?: ServerSettings | readonly ServerSettings[];
  write?: ServerSettings;
}

/**
 * Where statements go. `write` takes every write, every transaction and every read that asks for the master
 * (`useMaster`); `read()` hands the next read server's pool in turn (round robin), or the write pool without
 * replication.
 */
export interface Pools {
  readonly write: ConnectionPool;
  read(): ConnectionPool;
  readonly readServers: number;
  close(): Promise<void>;
}

/** A server's settings over the top-level ones (`undefined` keeps the top-level value, as v6's defaults do). */
function serverConfig(base: ConnectionConfig, server: ServerSettings | undefined): ConnectionConfig {
  if (!server) return base;
  const config: ConnectionConfig = { ...base };
  if (server.host !== undefined) config.host = server.host;
  if (server.port !== undefined) config.port = Number(server.port);
  if (server.username !== undefined) config.username = server.username;
  if (server.password !== undefined && server.password !== null) config.password = server.password;
  if (server.database !== undefined) config.database = server.database;
  return config;
}

/**
 * The pools for a connection: one pool without replication (or where the dialect has a single in-process
 * connection, where v6 ignores `replication` too), else a write pool and a pool per read server, each with the
 * `pool` options. Pools open lazily, so read servers cost nothing until a read runs.
 */
export function createPools(base: ConnectionConfig, replication: ReplicationSettings | false | undefined, create: (config: ConnectionConfig) => ConnectionPool, replicates: boolean): Pools {
  if (!replication || !replicates) {
    const pool = create(base);
    return { write: pool, read: () => pool, readServers: 0, close: () => pool.close() };
  }
  const write = create(serverConfig(base, replication.write));
  const servers = replication.read === undefined ? [] : Array.isArray(replication.read) ? replication.read : [replication.read as ServerSettings];
  const reads = servers.map((server) => create(serverConfig(base, server)));
  let next = 0;
  return {
    write,
    readServers: reads.length,
    read: () => {
      if (reads.length === 0) return write;
      const pool = reads[next % reads.length]!;
      next = (next + 1) % reads.length;
      return pool;
    },
    close: async () => {
      // Every pool is closed even when one fails; the first failure is reported.
      const results = await Promise.allSettled([write, ...reads].map((pool) => pool.close()));
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
