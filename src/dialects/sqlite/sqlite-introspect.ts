import { sqliteShowConstraints } from './sqlite-constraints.js';
import type { ColumnDescription, DialectIntrospection, ForeignKeyReference, IndexDescription } from '../dialect.js';

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;

function unquoteDefault(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  if (value === 'NULL') return null;
  const quoted = /^'(.*)'$/s.exec(value);
  return quoted ? quoted[1]!.replaceAll("''", "'") : value;
}

export const sqliteIntrospection: DialectIntrospection = {
  async showAllTables(run) {
    const rows = await run("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    return rows.map((row) => String(row['name']));
  },

  async describeTable(run, table) {
    const columns = await run(`PRAGMA TABLE_INFO(${quote(table)})`);
    if (columns.length === 0) throw new Error(`No description found for "${table}" table. Check the table name and schema; remember, they _are_ case sensitive.`);
    const uniqueColumns = new Set<string>();
    for (const index of await run(`PRAGMA INDEX_LIST(${quote(table)})`)) {
      if (Number(index['unique']) !== 1 || index['origin'] === 'pk') continue;
      const indexColumns = await run(`PRAGMA INDEX_INFO(${quote(String(index['name']))})`);
      if (indexColumns.length === 1) uniqueColumns.add(String(indexColumns[0]!['name']));
    }
    const references = new Map((await run(`PRAGMA foreign_key_list(${quote(table)})`)).map((row) => [String(row['from']), { model: String(row['table']), key: String(row['to']) }]));
    const description: Record<string, ColumnDescription> = {};
    for (const column of columns) {
      const name = String(column['name']);
      const type = String(column['type']).toUpperCase();
      let defaultValue = unquoteDefault(column['dflt_value']);
      if (type === 'TINYINT(1)' && (defaultValue === '1' || defaultValue === '0')) defaultValue = defaultValue === '1';
      // As Sequelize v6 reports it: allowNull is SQLite's NOT NULL flag (an INTEGER PRIMARY KEY has none), no default is undefined.
      description[name] = {
        type,
        allowNull: Number(column['notnull']) === 0,
        defaultValue: defaultValue ?? undefined,
        primaryKey: Number(column['pk']) > 0,
        unique: uniqueColumns.has(name),
        ...(references.has(name) ? { references: references.get(name)! } : {}),
      };
    }
    return description;
  },

  async foreignKeyReferences(run, table) {
    const rows = await run(`PRAGMA foreign_key_list(${quote(table)})`);
    // v6's catalog is the configured database; here the main database's file ('' in memory → undefined).
    const file = rows.length > 0 ? (await run('PRAGMA database_list')).find((database) => database['name'] === 'main')?.['file'] : undefined;
    const catalog = typeof file === 'string' && file !== '' ? file : undefined;
    return rows.map((row): ForeignKeyReference => ({
      tableName: table,
      columnName: String(row['from']),
      referencedTableName: String(row['table']),
      referencedColumnName: String(row['to']),
      tableCatalog: catalog,
      referencedTableCatalog: catalog,
      // Not in v6 (SQLite's keys have no name): joinery's own, for logs and messages.
      constraintName: `${table}_${String(row['from'])}_${String(row['table'])}_fk`,
    }));
  },

  async showIndexes(run, table) {
    // v6's order: PRAGMA INDEX_LIST lists the newest first, v6 reverses it into creation order.
    const indexes = (await run(`PRAGMA INDEX_LIST(${quote(table)})`)).reverse();
    const described: IndexDescription[] = [];
    for (const index of indexes) {
      const name = String(index['name']);
      const columns = await run(`PRAGMA INDEX_INFO(${quote(name)})`);
      const fields: IndexDescription['fields'] = [];
      for (const column of columns) fields[Number(column['seqno'])] = { attribute: String(column['name']), length: undefined, order: undefined };
      described.push({
        seq: Number(index['seq']),
        name,
        unique: Number(index['unique']) === 1,
        origin: String(index['origin']),
        partial: Number(index['partial']),
        fields,
        // v6 says false even for a primary key's index; joinery says what it is.
        primary: index['origin'] === 'pk',
        constraintName: name,
      });
    }
    return described;
  },

  showAllSchemas: async () => [],
  createSchema: () => 'SELECT 1',
  dropSchema: () => 'SELECT 1',
  versionQuery: 'SELECT sqlite_version() AS version',
  showConstraints: (run, table, _schema, constraintName) => sqliteShowConstraints(run, table, constraintName),
};
