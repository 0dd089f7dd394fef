import { alterTableToModel } from '../schema/alter-table.js';
import { createTableStatements, tableSpecOf } from '../schema/table-ddl.js';
import { runHooks, type ModelClass } from './model-internals.js';
import { runOptions } from './query-scope.js';

export interface SyncOptions {
  force?: boolean;
  alter?: boolean | { drop?: boolean };
  logging?: unknown;
  transaction?: unknown;
  hooks?: boolean;
  match?: RegExp;
  [extra: string]: unknown;
}

async function execute(model: ModelClass, statements: readonly string[], options: object): Promise<void> {
  const runner = model.host.queryRunner;
  for (const statement of statements) await runner.run({ sql: statement, parameters: [] }, runOptions(options, false));
}

export async function dropModel(model: ModelClass, options: { cascade?: boolean; transaction?: unknown; logging?: unknown } = {}): Promise<void> {
  const dialect = model.host.queryRunner.dialect;
  const table = dialect.compiler.quoteTable(model.definition.tableName, model.definition.schema);
  await execute(model, [...dialect.ddl.dropTable(table, options), ...dialect.ddl.afterDropTable(model.definition.tableName)], options);
}

/** Creates the table (after dropping it with `force`), brings its columns in line with `alter`, then its indexes. */
export async function syncModel(model: ModelClass, options: SyncOptions = {}): Promise<void> {
  const hooks = options.hooks !== false;
  if (hooks) await runHooks(model, 'beforeSync', options);
  const dialect = model.host.queryRunner.dialect;
  const definition = model.definition;
  if (options.force) await dropModel(model, options);
  await execute(model, createTableStatements(dialect, tableSpecOf(definition), definition.options), options);
  const queryInterface = (model.host as unknown as { getQueryInterface(): import('../schema/query-interface.js').QueryInterface }).getQueryInterface();
  if (options.alter) await alterTableToModel(queryInterface, dialect, definition, options.alter, options as never);
  if (definition.indexes.length > 0) {
    const present = new Set((await queryInterface.showIndex(definition.tableName, options as never)).map((index) => index.name));
    for (const index of definition.indexes) {
      if (present.has(index.name)) continue;
      await queryInterface.addIndex(definition.tableName, { ...index, fields: index.fields.map((field) => (typeof field === 'string' ? definition.columnOf(field) : field)) } as never, options as never);
    }
  }
  if (hooks) await runHooks(model, 'afterSync', options);
}
