import type { ColumnDescription, DialectIntrospection, IndexDescription } from '../dialect.js';
import { foreignKeyReferenceOf } from '../introspection-rows.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Sequelize's reading of `column_default`: `'abc'::character varying` → abc, `nextval('seq'::regclass)` →
 * nextval(seq::regclass) (v6 strips the quotes), booleans as booleans.
 */
function cleanDefault(value: unknown, type: string): unknown {
  if (typeof value !== 'string') return value ?? null;
  if (type === 'BOOLEAN') return value === 'true' ? true : value === 'false' ? false : null;
  if (value === 'NULL' || value.startsWith('NULL::')) return null;
  const literal = /^'(.*)'::[\w\s".]+(\[\])?$/s.exec(value);
  if (literal) return literal[1]!.replaceAll("''", "'");
  const castNumber = /^\(?(-?\d+(?:\.\d+)?)\)?::[\w\s]+$/.exec(value);
  // Sequelize v6 drops the quotes of an expression default: nextval(users_id_seq::regclass).
  return castNumber ? castNumber[1] : value.replaceAll("'", '');
}

export const postgresIntrospection: DialectIntrospection = {
  async showAllTables(run) {
    const rows = await run("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'spatial_ref_sys' ORDER BY table_name");
    return rows.map((row) => String(row['table_name']));
  },

  async describeTable(run, table, schema) {
    const rows = await run(
      `SELECT c.column_name, c.is_nullable, c.column_default, c.data_type, c.udt_name, c.character_maximum_length,
        (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
          WHERE t.typname = c.udt_name AND t.typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = c.udt_schema)) AS enum_values,
        EXISTS (SELECT 1 FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k ON tc.constraint_name = k.constraint_name AND tc.table_schema = k.table_schema
          WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_name = c.table_name AND tc.table_schema = c.table_schema AND k.column_name = c.column_name) AS primary_key,
        col_description((quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass, c.ordinal_position) AS comment
       FROM information_schema.columns c WHERE c.table_name = $1 AND c.table_schema = COALESCE($2, current_schema()) ORDER BY c.ordinal_position`,
      [table, schema ?? null],
    );
    if (rows.length === 0) throw new Error(`No description found for "${table}" table. Check the table name and schema; remember, they _are_ case sensitive.`);
    const description: Record<string, ColumnDescription> = {};
    for (const row of rows) {
      const dataType = String(row['data_type']).toUpperCase();
      const length = row['character_maximum_length'];
      const type = length ? `${dataType}(${String(length)})` : dataType;
      const defaultValue = cleanDefault(row['column_default'], type);
      description[String(row['column_name'])] = {
        type,
        allowNull: row['is_nullable'] === 'YES',
        defaultValue,
        comment: (row['comment'] as string | null) ?? null,
        // Sequelize always reports `special` on PostgreSQL: the enum's values, or an empty list.
        special: Array.isArray(row['enum_values']) ? (row['enum_values'] as string[]) : [],
        primaryKey: row['primary_key'] === true,
      };
    }
    return description;
  },

  async foreignKeyReferences(run, table, schema) {
    const rows = await run(
      `SELECT DISTINCT tc.constraint_name AS "constraintName", tc.constraint_schema AS "constraintSchema", tc.constraint_catalog AS "constraintCatalog",
        tc.table_name AS "tableName", tc.table_schema AS "tableSchema", tc.table_catalog AS "tableCatalog", kcu.column_name AS "columnName",
        ccu.table_schema AS "referencedTableSchema", ccu.table_catalog AS "referencedTableCatalog",
        ccu.table_name AS "referencedTableName", ccu.column_name AS "referencedColumnName",
        tc.is_deferrable AS "isDeferrable", tc.initially_deferred AS "initiallyDeferred"
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema
       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.table_schema
       WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = $1 AND tc.table_schema = COALESCE($2, current_schema())`,
      [table, schema ?? null],
    );
    return rows.map((row) => ({
      ...foreignKeyReferenceOf(row),
      deferrable: row['isDeferrable'] === 'NO' ? 'NOT' : row['initiallyDeferred'] === 'NO' ? 'INITIALLY_IMMEDIATE' : 'INITIALLY_DEFERRED',
    }));
  },

  async showIndexes(run, table, schema) {
    const rows = await run(
      `SELECT i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique, ix.indkey::text AS indkey,
        pg_get_indexdef(ix.indexrelid) AS definition, array_agg(a.attnum::text) AS numbers, array_agg(a.attname::text) AS columns
       FROM pg_class t JOIN pg_index ix ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(ix.indkey)
       WHERE t.relname = $1 AND t.relnamespace = COALESCE($2, current_schema())::regnamespace
       GROUP BY i.relname, ix.indexrelid, ix.indisunique, ix.indisprimary, ix.indkey ORDER BY i.relname`,
      [table, schema ?? null],
    );
    return rows.map((row): IndexDescription => {
      const definition = String(row['definition']);
      const parts = (/ON .*? (?:USING .*?\s)?\(([^]*)\)/i.exec(definition)?.[1] ?? '').split(',');
      const numbers = row['numbers'] as string[];
      const columns = row['columns'] as string[];
      const indkey = String(row['indkey']);
      // Each key position of the index, its column (expression positions, number 0, have none) and its options.
      const fields = indkey.split(' ').flatMap((number, position) => {
        const column = columns[numbers.indexOf(number)];
        if (column === undefined) return [];
        const part = parts[position] ?? '';
        const order = part.includes('DESC') ? 'DESC' : part.includes('ASC') ? 'ASC' : undefined;
        return [{ attribute: column, collate: /COLLATE "(.*?)"/.exec(part)?.[1], order, length: undefined }];
      });
      return { name: String(row['name']), primary: row['primary'] === true, unique: row['unique'] === true, indkey, definition, fields };
    });
  },

  async showAllSchemas(run) {
    const rows = await run("SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT LIKE 'pg\\_%' AND schema_name NOT IN ('information_schema', 'public') ORDER BY schema_name");
    return rows.map((row) => String(row['schema_name']));
  },
  createSchema: (name) => `CREATE SCHEMA IF NOT EXISTS ${quote(name)}`,
  dropSchema: (name) => `DROP SCHEMA IF EXISTS ${quote(name)} CASCADE`,
  versionQuery: 'SHOW server_version',
  showConstraints(run, table, schema, constraintName) {
    return run(
      `SELECT constraint_catalog AS "constraintCatalog", constraint_schema AS "constraintSchema", constraint_name AS "constraintName",
        table_catalog AS "tableCatalog", table_schema AS "tableSchema", table_name AS "tableName", constraint_type AS "constraintType",
        is_deferrable AS "isDeferrable", initially_deferred AS "initiallyDeferred"
       FROM information_schema.table_constraints WHERE table_name = $1 AND table_schema = COALESCE($2, current_schema())
        AND ($3::text IS NULL OR constraint_name = $3)`,
      [table, schema ?? null, constraintName ?? null],
    );
  },
  listEnums(run, table, schema) {
    return run(
      `SELECT t.typname AS enum_name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS enum_value FROM pg_type t
        JOIN pg_enum e ON t.oid = e.enumtypid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = COALESCE($1, current_schema()) AND ($2::text IS NULL OR t.typname LIKE $2) GROUP BY 1`,
      [schema ?? null, table === undefined ? null : `enum\\_${table.replaceAll('_', '\\_')}\\_%`],
    );
  },
  dropEnum: (name, schema) => `DROP TYPE IF EXISTS ${schema ? `${quote(schema)}.` : ''}${quote(name)}`,
  createDatabase(name, options) {
    const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
    return `CREATE DATABASE ${quote(name)}${options.encoding ? ` ENCODING = ${literal(options.encoding)}` : ''}${options.collate ? ` LC_COLLATE = ${literal(options.collate)}` : ''}` +
      `${options.ctype ? ` LC_CTYPE = ${literal(options.ctype)}` : ''}${options.template ? ` TEMPLATE = ${literal(options.template)}` : ''}`;
  },
  dropDatabase: (name) => `DROP DATABASE IF EXISTS ${quote(name)}`,
};
