import { Sequelize, type SequelizeOptions } from '../../src/index.js';

/** The dialects a run covers: `JOINERY_TEST_DIALECTS=sqlite,postgres,mysql` (SQLite alone by default). */
export const testDialects = (process.env['JOINERY_TEST_DIALECTS'] ?? 'sqlite')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);

const urls: Record<string, string> = {
  sqlite: 'sqlite::memory:',
  postgres: process.env['JOINERY_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
  mysql: process.env['JOINERY_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test',
  mariadb: process.env['JOINERY_MARIADB_URL'] ?? 'mariadb://root@127.0.0.1:3306/test',
};

/** The connection URL of a dialect's test database (for tools run outside the process, such as the CLI). */
export function testDatabaseUrl(dialect: string): string {
  const url = urls[dialect];
  if (!url) throw new Error(`Unknown test dialect "${dialect}"`);
  return url;
}

/** A fresh Sequelize on the dialect's test database, with every table of earlier tests dropped. */
export async function connect(dialect: string, options: SequelizeOptions = {}): Promise<Sequelize> {
  const url = urls[dialect];
  if (!url) throw new Error(`Unknown test dialect "${dialect}"`);
  const sequelize = new Sequelize(url, { logging: false, ...options });
  await sequelize.getQueryInterface().dropAllTables();
  return sequelize;
}

/** Collects the SQL a block of work sends, for tests that check statements as well as rows. */
export function captureSql(): { logging: (sql: string) => void; statements: string[] } {
  const statements: string[] = [];
  return { statements, logging: (sql: string) => statements.push(sql.replace(/^Execut(ing|ed) \([^)]*\): /, '')) };
}
