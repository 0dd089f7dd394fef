import type { Dialect, DialectName } from './dialect.js';
import { mariadbDialect, mysqlDialect } from './mysql/mysql-dialect.js';
import { postgresDialect } from './postgres/postgres-dialect.js';
import { sqliteDialect } from './sqlite/sqlite-dialect.js';

const aliases: Record<string, DialectName> = {
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
  postgres: 'postgres',
  postgresql: 'postgres',
  pg: 'postgres',
  mysql: 'mysql',
  mariadb: 'mariadb',
};

const dialects: Record<DialectName, Dialect> = {
  sqlite: sqliteDialect,
  postgres: postgresDialect,
  mysql: mysqlDialect,
  mariadb: mariadbDialect,
};

export const supportedDialects = Object.keys(aliases);

/**
 * Dialect objects are small and always present, so `sequelize.dialect.supports` answers synchronously;
 * each dialect loads its driver package only when its first connection opens.
 */
export function getDialect(name: string): Dialect | undefined {
  const normalized = aliases[name.toLowerCase()];
  return normalized ? dialects[normalized] : undefined;
}
