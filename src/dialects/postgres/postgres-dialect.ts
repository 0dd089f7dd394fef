// Placeholder until the PostgreSQL dialect lands: lets the SQLite path compile and run.
import { sqliteDialect } from '../sqlite/sqlite-dialect.js';
export const postgresDialect = { ...sqliteDialect, name: 'postgres' as const };
