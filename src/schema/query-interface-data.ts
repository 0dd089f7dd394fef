import { DataType } from '../data-types/abstract.js';
import type { Dialect } from '../dialects/dialect.js';
import { ModelDefinition } from '../metadata/model-definition.js';
import { updateStatement } from '../query/mutation-plan.js';
import { sql as node } from '../sql/nodes.js';
import type { BuildContext } from '../query/query-context.js';
import type { QueryRunner, RunOptions } from '../query/query-runner.js';
import { buildWhere } from '../query/where.js';
import { entriesWithSymbols, isPlainObject } from '../utils/object.js';

/** A column known only by name: values go to the driver as given, as Sequelize's QueryInterface sends them. */
class UntypedColumn extends DataType {
  readonly key = 'TEXT';
}

function collectKeys(value: unknown, keys: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectKeys(item, keys);
  else if (isPlainObject(value)) {
    for (const [key, inner] of entriesWithSymbols(value)) {
      if (typeof key === 'string') keys.add(key);
      collectKeys(inner, keys);
    }
  }
}

/** A stand-in definition for a bare table, so where objects (with Op) compile as they do for models. */
export function tableContext(dialect: Dialect, table: string, schema: string | undefined, ...shapes: unknown[]): { definition: ModelDefinition; context: BuildContext } {
  const keys = new Set<string>();
  for (const shape of shapes) collectKeys(shape, keys);
  const attributes = Object.fromEntries([...keys].map((key) => [key, { type: new UntypedColumn(), ...(key === 'id' ? {} : { primaryKey: false }) }]));
  const definition = new ModelDefinition(table, attributes, { tableName: table, timestamps: false, ...(schema ? { schema } : {}) });
  return { definition, context: { dialect, scope: { definition, alias: table } } };
}

export interface DataOptions {
  transaction?: unknown;
  logging?: RunOptions['logging'];
  [extra: string]: unknown;
}

function runOptionsOf(options: DataOptions): RunOptions {
  return { transaction: options.transaction as never, ...(options.logging !== undefined ? { logging: options.logging } : {}) };
}

/** `queryInterface.bulkUpdate(table, values, where)`: the number of rows changed. */
export async function bulkUpdateRows(runner: QueryRunner, table: string, schema: string | undefined, values: Record<string, unknown>, where: unknown, options: DataOptions): Promise<number> {
  const { definition, context } = tableContext(runner.dialect, table, schema, values, where);
  const statement = updateStatement(definition, values, buildWhere(where, context), context);
  return (await runner.run(runner.dialect.compiler.compile(statement), runOptionsOf(options))).affectedRows;
}

/** `SELECT * FROM table WHERE …` for rawSelect/select. */
export async function selectRows(runner: QueryRunner, table: string, schema: string | undefined, where: unknown, options: DataOptions & { limit?: number }): Promise<Record<string, unknown>[]> {
  const { context } = tableContext(runner.dialect, table, schema, where);
  const condition = buildWhere(where, context);
  const statement = {
    kind: 'select' as const,
    from: node.table(table, undefined, schema),
    columns: [{ expr: node.star() }],
    ...(condition ? { where: condition } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  };
  return (await runner.run(runner.dialect.compiler.compile(statement), { ...runOptionsOf(options), expectRows: true })).rows;
}
