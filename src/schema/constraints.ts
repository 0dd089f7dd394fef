import type { Dialect, TableConstraintText } from '../dialects/dialect.js';
import { UsageError } from '../errors/usage-errors.js';
import { addedConstraintName } from '../metadata/naming.js';
import { buildWhere } from '../query/where.js';
import { tableContext } from './query-interface-data.js';
import { constraintDeferrableSql } from '../sql/deferrable.js';
import { deferrableClause } from './table-ddl.js';

export interface ConstraintOptions {
  type: string;
  fields: readonly (string | { attribute?: string; name?: string })[];
  name?: string;
  /** CHECK constraints: a where object, its values written into the DDL as literals. */
  where?: unknown;
  references?: { table: string | { tableName: string }; field: string };
  onDelete?: string;
  onUpdate?: string;
  /** PostgreSQL: Deferrable.INITIALLY_DEFERRED, … on UNIQUE, PRIMARY KEY and FOREIGN KEY constraints. */
  deferrable?: unknown;
}

/** DDL cannot carry bound parameters, so a CHECK's (or partial index's) where is compiled and its values escaped in place. */
export function inlineCondition(dialect: Dialect, table: string, where: unknown, purpose: string): string {
  if (typeof where === 'string') return where;
  const { context } = tableContext(dialect, table, undefined, where);
  const node = buildWhere(where, context);
  if (!node) throw new UsageError(`A ${purpose} on "${table}" needs a where condition.`);
  const compiled = dialect.compiler.compile(node);
  let index = 0;
  // A CHECK names its own table's columns unqualified.
  const unqualified = compiled.sql.replaceAll(`${dialect.compiler.quoteIdentifier(table)}.`, '');
  return unqualified.replace(/\$\d+|\?/g, () => dialect.ddl.escapeLiteral(compiled.parameters[index++]));
}

function deferrable(dialect: Dialect, options: ConstraintOptions): string {
  return deferrableClause(dialect, constraintDeferrableSql(options.deferrable));
}

/** The `CONSTRAINT name …` clause `addConstraint` appends, for ALTER TABLE or a rebuilt table alike. */
export function constraintText(dialect: Dialect, table: string, options: ConstraintOptions): TableConstraintText {
  const quote = (name: string) => dialect.compiler.quoteIdentifier(name);
  const fields = (options.fields ?? []).map((field) => (typeof field === 'string' ? field : field.attribute ?? field.name ?? ''));
  const type = String(options.type ?? '').toUpperCase();
  const list = fields.map(quote).join(', ');
  switch (type) {
    case 'UNIQUE': {
      const name = options.name ?? addedConstraintName(table, fields, 'uk');
      return { kind: 'unique', name, columns: fields, text: `CONSTRAINT ${quote(name)} UNIQUE (${list})${deferrable(dialect, options)}` };
    }
    case 'PRIMARY KEY': {
      const name = options.name ?? addedConstraintName(table, fields, 'pk');
      return { kind: 'primaryKey', name, columns: fields, text: `CONSTRAINT ${quote(name)} PRIMARY KEY (${list})${deferrable(dialect, options)}` };
    }
    case 'FOREIGN KEY': {
      const references = options.references;
      if (!references?.table || !references.field) throw new UsageError(`A foreign key constraint on "${table}" needs references: { table, field }.`);
      const target = typeof references.table === 'string' ? references.table : references.table.tableName;
      const name = options.name ?? addedConstraintName(table, fields, 'fk', target);
      let text = `CONSTRAINT ${quote(name)} FOREIGN KEY (${list}) REFERENCES ${quote(target)} (${quote(references.field)})`;
      if (options.onDelete) text += ` ON DELETE ${options.onDelete.toUpperCase()}`;
      if (options.onUpdate) text += ` ON UPDATE ${options.onUpdate.toUpperCase()}`;
      return { kind: 'foreignKey', name, columns: fields, text: text + deferrable(dialect, options) };
    }
    case 'CHECK': {
      const name = options.name ?? addedConstraintName(table, fields, 'ck');
      return { kind: 'check', name, columns: fields, text: `CONSTRAINT ${quote(name)} CHECK (${inlineCondition(dialect, table, options.where, 'CHECK constraint')})` };
    }
    default:
      throw new UsageError(`Constraint type "${options.type}" on "${table}" is not supported: use one of unique, primary key, foreign key, check.`);
  }
}
