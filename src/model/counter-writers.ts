import { UsageError } from '../errors/usage-errors.js';
import type { ConflictAction } from '../sql/nodes.js';
import { sql } from '../sql/nodes.js';
import { insertStatement, rowToAttributes, updateStatement } from '../query/mutation-plan.js';
import { resetChanges } from './instance-values.js';
import { withInstanceDetails } from './unique-error-details.js';
import { runHooks, type ModelClass } from './model-internals.js';
import { runOptions, tableContext } from './query-scope.js';
import { validateInstance } from './validation.js';
import { upsertHookOptions, validateHookOptions } from './hook-options.js';
import { conflictTarget, insertedAttributes, scopedWhere, type DestroyOptions, type IncrementOptions, type UpsertOptions } from './writers.js';

/** upsert, increment/decrement and truncate: writes that are one statement each, apart from create's path. */

export async function upsert(model: ModelClass, values: Record<string, unknown>, options: UpsertOptions = {}): Promise<[unknown, boolean | null]> {
  const definition = model.definition;
  const instance = new model(values, { isNewRecord: true });
  const hooks = options.hooks !== false;
  const hookOptions = hooks ? upsertHookOptions(definition, model, instance, values, options) : options;
  if (options.validate !== false) {
    const validateOptions = hooks ? validateHookOptions(definition, hookOptions) : options;
    if (hooks) await runHooks(model, 'beforeValidate', instance, validateOptions);
    const error = await validateInstance(definition, instance as never, { fields: options.fields ?? Object.keys(values) });
    if (error) {
      if (hooks) await runHooks(model, 'validationFailed', instance, validateOptions, error);
      throw error;
    }
    if (hooks) await runHooks(model, 'afterValidate', instance, validateOptions);
  }
  if (hooks) await runHooks(model, 'beforeUpsert', values, hookOptions);
  const now = new Date();
  const { createdAt, updatedAt } = definition.timestamps;
  if (createdAt && instance.dataValues[createdAt] == null) instance.dataValues[createdAt] = now;
  if (updatedAt && !options.silent) instance.dataValues[updatedAt] = now;
  const runner = model.host.queryRunner;
  const dialect = runner.dialect;
  // `fields` names what a conflict updates: by default the attributes given, as in v6 (not the defaults the
  // INSERT fills in, which would overwrite the stored row's values). The INSERT writes every value.
  const inserted = insertedAttributes(model, [instance], undefined);
  const target = conflictTarget(model, inserted, options.conflictFields);
  const updated = options.fields ?? Object.keys(values).filter((name) => definition.attribute(name) !== undefined);
  // The conflict columns are set too (to the values they already match where a target is named): MySQL names
  // none, and a row found by another unique key takes the given values of this one, as v6 writes them.
  const updatable = inserted.filter((name) => name !== createdAt && !definition.attributes[name]!.primaryKey)
    .filter((name) => updated.includes(name) || name === updatedAt);
  const conflict: ConflictAction = { action: 'update', target, columns: updatable.map((name) => definition.columnOf(name)) };
  const returning = dialect.supports.insertReturning;
  const node = insertStatement(definition, inserted, [instance.dataValues], tableContext(model), { conflict, returning });
  // A unique or foreign key failure names the built instance and its values, as v6's upsert error does.
  const result = await runner.run(dialect.compiler.compile(node), runOptions(options, returning)).catch((error: unknown) => {
    throw withInstanceDetails(error, instance);
  });
  if (result.rows[0]) Object.assign(instance.dataValues, rowToAttributes(definition, dialect, result.rows[0]));
  else if (result.insertId !== undefined && Number(result.insertId) > 0) {
    const primaryKey = definition.primaryKeyAttributes[0];
    if (primaryKey && instance.dataValues[primaryKey] == null) instance.dataValues[primaryKey] = Number(result.insertId);
  }
  instance.isNewRecord = false;
  resetChanges((model as unknown as { _stateOf(i: unknown): Parameters<typeof resetChanges>[0] })._stateOf(instance));
  // MySQL reports 1 affected row for an insert and 2 for an update; RETURNING dialects cannot tell, as in Sequelize.
  const created: boolean | null = returning ? null : result.affectedRows === 1;
  if (hooks) await runHooks(model, 'afterUpsert', [instance, created], hookOptions);
  return [instance, created];
}

function incrementAmounts(model: ModelClass, fields: string | string[] | Record<string, number>, by: number): Record<string, number> {
  const amounts: Record<string, number> = typeof fields === 'string' ? { [fields]: by } : Array.isArray(fields) ? Object.fromEntries(fields.map((field) => [field, by])) : { ...fields };
  for (const name of Object.keys(amounts)) model.definition.requireAttribute(name, 'increment');
  return amounts;
}

/**
 * `Model.increment`: one UPDATE adding to each field. Resolves as Sequelize does, `[[rows, count]]` where
 * UPDATE … RETURNING exists and `[[undefined, count]]` where it does not.
 */
export async function increment(model: ModelClass, fields: string | string[] | Record<string, number>, options: IncrementOptions, sign: 1 | -1): Promise<[[unknown[] | undefined, number]]> {
  // As v6 (which asserts it): without a where, no statement; `{ where: {} }` changes every row.
  if (!options || options.where === undefined) {
    const method = sign === 1 ? 'increment' : 'decrement';
    throw new UsageError(`Missing where attribute in the options parameter passed to ${model.name}.${method}: pass { where: {} } to ${method} every row.`);
  }
  const definition = model.definition;
  const amounts = incrementAmounts(model, fields, options.by ?? 1);
  const runner = model.host.queryRunner;
  const context = tableContext(model);
  const values: Record<string, unknown> = {};
  const set = Object.entries(amounts).map(([name, amount]) => {
    const column = definition.columnOf(name);
    return { column, value: sql.binary(sql.column(column), sign === 1 ? '+' : '-', sql.value(amount)) };
  });
  // The optimistic-locking counter goes up on increment and decrement alike, as in v6.
  const version = definition.versionAttribute;
  if (version && amounts[version] === undefined) {
    const column = definition.columnOf(version);
    set.push({ column, value: sql.binary(sql.column(column), '+', sql.value(1)) });
  }
  const { updatedAt } = definition.timestamps;
  if (updatedAt && !options.silent && amounts[updatedAt] === undefined) values[updatedAt] = new Date();
  // Sequelize's increment does not skip soft-deleted rows.
  const base = updateStatement(definition, values, scopedWhere(model, { where: options.where, paranoid: false }), context);
  const returning = runner.dialect.supports.updateReturning && options.returning !== false;
  const node = { ...base, set: [...set, ...base.set], ...(returning ? { returning: definition.columnAttributes.map((name) => definition.columnOf(name)) } : {}) };
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, returning));
  const rows = returning ? result.rows.map((row) => new model(rowToAttributes(definition, runner.dialect, row), { isNewRecord: false, raw: true })) : undefined;
  return [[rows, result.affectedRows]];
}

/** Empties the table; the count is what the statement reports (SQLite deletes rows, TRUNCATE reports none). */
export async function truncate(model: ModelClass, options: DestroyOptions & { restartIdentity?: boolean } = {}): Promise<number> {
  const runner = model.host.queryRunner;
  const table = runner.dialect.compiler.quoteTable(model.definition.tableName, model.definition.schema);
  let affected: number | undefined;
  for (const statement of runner.dialect.ddl.truncateTable(table, { cascade: options.cascade, restartIdentity: options.restartIdentity })) {
    const result = await runner.run({ sql: statement, parameters: [] }, runOptions(options, false));
    affected ??= result.affectedRows;
  }
  return affected ?? 0;
}
