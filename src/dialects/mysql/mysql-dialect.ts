// Placeholder until the MySQL dialect lands: lets the SQLite path compile and run.
import { sqliteDialect } from '../sqlite/sqlite-dialect.js';
export const mysqlDialect = { ...sqliteDialect, name: 'mysql' as const };
export const mariadbDialect = { ...sqliteDialect, name: 'mariadb' as const };
