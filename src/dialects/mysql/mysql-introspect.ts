import type { ColumnDescription, DialectIntrospection, IndexDescription } from '../dialect.js';
import { foreignKeyReferenceOf } from '../introspection-rows.js';

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;
const systemSchemas = new Set(['mysql', 'information_schema', 'performance_schema', 'sys']);

export const mysqlIntrospection: DialectIntrospection = {
  async showAllTables(run) {
    const rows = await run("SELECT TABLE_NAME AS name FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME");
    return rows.map((row) => String(row['name']));
  },

  async describeTable(run, table, schema) {
    const noSuchTable = () => new Error(`No description found for "${table}" table. Check the table name and schema; remember, they _are_ case sensitive.`);
    const rows = await run(`SHOW FULL COLUMNS FROM ${schema ? `${quote(schema)}.` : ''}${quote(table)}`).catch((error: { parent?: { errno?: number } }) => {
      throw error.parent?.errno === 1146 ? noSuchTable() : error; // ER_NO_SUCH_TABLE
    });
    if (rows.length === 0) throw new Error(`No description found for "${table}" table. Check the table name and schema; remember, they _are_ case sensitive.`);
    const description: Record<string, ColumnDescription> = {};
    for (const row of rows) {
      const rawType = String(row['Type']);
      // Sequelize uppercases the type but keeps an ENUM's values as written.
      const type = /^enum/i.test(rawType) ? rawType.replace(/^enum/i, 'ENUM') : rawType.toUpperCase();
      const column: ColumnDescription = {
        type,
        allowNull: row['Null'] === 'YES',
        defaultValue: row['Default'] ?? null,
        primaryKey: row['Key'] === 'PRI',
        autoIncrement: String(row['Extra'] ?? '').toLowerCase() === 'auto_increment',
        comment: row['Comment'] ? String(row['Comment']) : null,
      };
      // An ENUM's values, for sync's comparison; not enumerable, as v6's description has no such key here.
      if (type.startsWith('ENUM(')) {
        Object.defineProperty(column, 'special', { value: [...type.matchAll(/'((?:[^']|'')*)'/g)].map((match) => match[1]!.replaceAll("''", "'")), enumerable: false });
      }
      description[String(row['Field'])] = column;
    }
    return description;
  },

  async foreignKeyReferences(run, table, schema) {
    const rows = await run(
      `SELECT CONSTRAINT_NAME AS constraintName, CONSTRAINT_SCHEMA AS constraintSchema, CONSTRAINT_SCHEMA AS constraintCatalog,
        TABLE_NAME AS tableName, TABLE_SCHEMA AS tableSchema, TABLE_SCHEMA AS tableCatalog, COLUMN_NAME AS columnName,
        REFERENCED_TABLE_SCHEMA AS referencedTableSchema, REFERENCED_TABLE_SCHEMA AS referencedTableCatalog,
        REFERENCED_TABLE_NAME AS referencedTableName, REFERENCED_COLUMN_NAME AS referencedColumnName
       FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE TABLE_NAME = ? AND TABLE_SCHEMA = COALESCE(?, DATABASE()) AND REFERENCED_TABLE_NAME IS NOT NULL`,
      [table, schema ?? null],
    );
    // v6 gives the name twice on MySQL, also as `constraint_name`, first.
    return rows.map((row) => {
      const reference = foreignKeyReferenceOf(row);
      return { constraint_name: reference.constraintName, ...reference };
    });
  },

  async showIndexes(run, table, schema) {
    const rows = await run(`SHOW INDEX FROM ${schema ? `${quote(schema)}.` : ''}${quote(table)}`);
    const byName = new Map<string, IndexDescription>();
    for (const row of rows) {
      const name = String(row['Key_name']);
      // v6's keys, in its order.
      const index = byName.get(name) ??
        { primary: name === 'PRIMARY', fields: [], name, tableName: String(row['Table']), unique: Number(row['Non_unique']) === 0, type: String(row['Index_type']) };
      const length = row['Sub_part'] === null || row['Sub_part'] === undefined ? undefined : Number(row['Sub_part']);
      index.fields[Number(row['Seq_in_index']) - 1] = { attribute: String(row['Column_name']), length, order: row['Collation'] === 'A' ? 'ASC' : undefined };
      byName.set(name, index);
    }
    return [...byName.values()];
  },

  async showAllSchemas(run) {
    const rows = await run('SHOW DATABASES');
    return rows.map((row) => String(Object.values(row)[0])).filter((name) => !systemSchemas.has(name));
  },
  createSchema: (name) => `CREATE DATABASE IF NOT EXISTS ${quote(name)}`,
  dropSchema: (name) => `DROP DATABASE IF EXISTS ${quote(name)}`,
  versionQuery: 'SELECT VERSION() AS version',
  showConstraints(run, table, schema, constraintName) {
    return run(
      `SELECT CONSTRAINT_CATALOG AS constraintCatalog, CONSTRAINT_NAME AS constraintName, CONSTRAINT_SCHEMA AS constraintSchema,
        CONSTRAINT_TYPE AS constraintType, TABLE_NAME AS tableName, TABLE_SCHEMA AS tableSchema
       FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME = ? AND TABLE_SCHEMA = COALESCE(?, DATABASE())
        AND (? IS NULL OR CONSTRAINT_NAME = ?)`,
      [table, schema ?? null, constraintName ?? null, constraintName ?? null],
    );
  },
  createDatabase(name, options) {
    const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
    return `CREATE DATABASE IF NOT EXISTS ${quote(name)}${options.charset ? ` DEFAULT CHARACTER SET ${literal(options.charset)}` : ''}${options.collate ? ` DEFAULT COLLATE ${literal(options.collate)}` : ''}`;
  },
  dropDatabase: (name) => `DROP DATABASE IF EXISTS ${quote(name)}`,
};
