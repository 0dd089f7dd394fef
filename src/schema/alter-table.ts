import type { ColumnDescription, Dialect } from '../dialects/dialect.js';
import type { NormalizedAttribute } from '../metadata/attributes.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import type { QueryInterface, QueryOptions } from './query-interface.js';
import { columnSpec } from './table-ddl.js';

const aliases: Array<[RegExp, string]> = [
  [/CHARACTERVARYING/g, 'VARCHAR'],
  [/^CHARACTER\(/, 'CHAR('],
  [/TIMESTAMPWITHTIMEZONE/g, 'TIMESTAMPTZ'],
  [/TIMESTAMPWITHOUTTIMEZONE/g, 'TIMESTAMP'],
  [/TIMEWITHOUTTIMEZONE/g, 'TIME'],
  // MySQL stores REAL as DOUBLE; PostgreSQL's FLOAT is DOUBLE PRECISION.
  [/^(DOUBLEPRECISION|FLOAT8|FLOAT|REAL)$/, 'DOUBLE'],
  [/^DECIMAL/, 'NUMERIC'],
  [/^INT(EGER)?(\(\d+\))?$/, 'INT'],
  [/^(BIG|SMALL|MEDIUM)INT\(\d+\)/, '$1INT'],
  [/BINARY$/, ''],
];

/** A type's text as both DDL and introspection can spell it, so `INT(11)` and `INTEGER` compare equal. */
function normalizeType(text: string): string {
  let type = text.toUpperCase().replace(/\s+/g, '');
  for (const [pattern, replacement] of aliases) type = type.replace(pattern, replacement);
  return type;
}

/** Types whose introspected spelling says too little to compare (enums, arrays, JSON stored as text). */
const opaqueType = /^(ENUM|USER-DEFINED|ARRAY|JSON|LONGTEXT)|\[\]$/;

function typeChanged(dialect: Dialect, table: string, current: ColumnDescription, attribute: NormalizedAttribute): boolean {
  const spec = columnSpec(attribute.field, attribute);
  const wanted = normalizeType(dialect.ddl.columnType(spec, { name: table, columns: [spec], uniqueKeys: [] }));
  const existing = normalizeType(current.type);
  if (opaqueType.test(wanted) || opaqueType.test(existing)) return false;
  if (wanted === existing) return false;
  // One side without a length or precision (PostgreSQL's NUMERIC, say) compares by its base name.
  const base = (type: string) => type.replace(/\(.*\)$/, '');
  if (!wanted.includes('(') || !existing.includes('(')) return base(wanted) !== base(existing);
  return true;
}

/**
 * `sync({ alter: true })` as Sequelize v6 does it: add the columns the model has and the table lacks, change those
 * whose type or nullability differ, and drop the columns the model no longer has (unless `alter: { drop: false }`).
 * Primary keys are left alone.
 */
export async function alterTableToModel(queryInterface: QueryInterface, dialect: Dialect, definition: ModelDefinition, alter: boolean | { drop?: boolean }, options: QueryOptions): Promise<void> {
  const table = definition.schema ? { tableName: definition.tableName, schema: definition.schema } : definition.tableName;
  const existing = await queryInterface.describeTable(table, options);
  const wanted = new Map(definition.columnAttributes.map((name) => [definition.attributes[name]!.field, definition.attributes[name]!]));
  for (const [column, attribute] of wanted) {
    const current = existing[column];
    if (!current) {
      await queryInterface.addColumn(table, column, attribute, options);
      continue;
    }
    if (attribute.primaryKey || attribute.autoIncrement || current.primaryKey) continue;
    if (current.allowNull !== attribute.allowNull || typeChanged(dialect, definition.tableName, current, attribute)) {
      // changeColumn writes the column's foreign key afresh, so the old one goes first (as in v6): else it would be
      // doubled, and MySQL refuses NOT NULL on a column whose old key says ON DELETE SET NULL. A rebuild replaces it.
      if (attribute.references && !dialect.ddl.rebuildTable) {
        for (const reference of await queryInterface.getForeignKeyReferencesForTable(table, options)) {
          if (reference.columnName === column) await queryInterface.removeConstraint(table, reference.constraintName, options);
        }
      }
      await queryInterface.changeColumn(table, column, attribute, options);
    }
  }
  const drop = typeof alter === 'object' ? alter.drop !== false : true;
  if (!drop) return;
  for (const column of Object.keys(existing)) {
    if (!wanted.has(column)) await queryInterface.removeColumn(table, column, options);
  }
}
