import type { Dialect } from '../dialects/dialect.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { commentChanged, defaultChanged, enumChanged, typeChanged } from './alter-compare.js';
import type { QueryInterface, QueryOptions } from './query-interface.js';

/**
 * `sync({ alter: true })` as Sequelize v6 does it: add the columns the model has and the table lacks, change those
 * whose type, nullability, default, ENUM values, uniqueness or comment differ, and drop the columns the model no longer has
 * (unless `alter: { drop: false }`). Primary keys are left alone. A unique constraint the model gained is added once
 * (v6 adds another one on every sync on PostgreSQL and MySQL); one the model dropped stays, as in v6.
 */
export async function alterTableToModel(queryInterface: QueryInterface, dialect: Dialect, definition: ModelDefinition, alter: boolean | { drop?: boolean }, options: QueryOptions): Promise<void> {
  const table = definition.schema ? { tableName: definition.tableName, schema: definition.schema } : definition.tableName;
  const existing = await queryInterface.describeTable(table, options);
  const wanted = new Map(definition.columnAttributes.map((name) => [definition.attributes[name]!.field, definition.attributes[name]!]));
  let uniqueColumns: Set<string> | undefined;
  const isUnique = async (column: string) => {
    uniqueColumns ??= new Set((await queryInterface.showIndex(table, options))
      .filter((index) => index.unique && !index.primary && index.fields.length === 1)
      .map((index) => index.fields[0]!.attribute));
    return uniqueColumns.has(column);
  };
  for (const [column, attribute] of wanted) {
    const current = existing[column];
    if (!current) {
      await queryInterface.addColumn(table, column, attribute, options);
      continue;
    }
    if (attribute.primaryKey || attribute.autoIncrement || current.primaryKey) continue;
    const wantsUnique = attribute.unique === true;
    const hasUnique = wantsUnique || dialect.ddl.rebuildTable ? await isUnique(column) : false;
    const changed = current.allowNull !== attribute.allowNull || typeChanged(dialect, definition.tableName, current, attribute) ||
      defaultChanged(current, attribute) || enumChanged(dialect, current, attribute) || commentChanged(current, attribute) || (wantsUnique && !hasUnique);
    if (!changed) continue;
    // changeColumn writes the column's foreign key afresh, so the old one goes first (as in v6): else it would be
    // doubled, and MySQL refuses NOT NULL on a column whose old key says ON DELETE SET NULL. A rebuild replaces it.
    if (attribute.references && !dialect.ddl.rebuildTable) {
      for (const reference of await queryInterface.getForeignKeyReferencesForTable(table, options)) {
        if (reference.columnName === column) await queryInterface.removeConstraint(table, reference.constraintName, options);
      }
    }
    // In place, UNIQUE adds a constraint, so only a missing one is asked for; a rebuild restates the column whole.
    const unique = dialect.ddl.rebuildTable ? wantsUnique || hasUnique : wantsUnique && !hasUnique;
    await queryInterface.changeColumn(table, column, { ...attribute, unique }, options);
  }
  const drop = typeof alter === 'object' ? alter.drop !== false : true;
  if (!drop) return;
  for (const column of Object.keys(existing)) {
    if (!wanted.has(column)) await queryInterface.removeColumn(table, column, options);
  }
}
