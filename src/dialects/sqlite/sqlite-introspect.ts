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
    return rows.map((row): ForeignKeyReference => ({
      constraintName: `${table}_${String(row['from'])}_${String(row['table'])}_fk`,
      tableName: table,
      columnName: String(row['from']),
      referencedTableName: String(row['table']),
      referencedColumnName: String(row['to']),
    }));
  },

  async showIndexes(run, table) {
    const indexes = await run(`PRAGMA INDEX_LIST(${quote(table)})`);
    const described: IndexDescription[] = [];
    for (const index of indexes) {
      const name = String(index['name']);
      const columns = await run(`PRAGMA INDEX_INFO(${quote(name)})`);
      described.push({
        name,
        unique: Number(index['unique']) === 1,
        primary: index['origin'] === 'pk',
        fields: columns.map((column) => ({ attribute: String(column['name']) })),
      });
    }
    return described;
  },

  showAllSchemas: async () => [],
  createSchema: () => 'SELECT 1',
  dropSchema: () => 'SELECT 1',
  versionQuery: 'SELECT sqlite_version() AS version',
};
