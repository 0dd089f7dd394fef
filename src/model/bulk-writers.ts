import { UsageError } from '../errors/usage-errors.js';
import { ValidationError } from '../errors/validation-errors.js';
import { isVirtual } from '../metadata/attributes.js';
import { rowToAttributes, updateStatement, deleteStatement } from '../query/mutation-plan.js';
import { findWhere } from '../query/select-builder.js';
import type { ExprNode } from '../sql/nodes.js';
import { truncate } from './counter-writers.js';
import { findAll } from './finders.js';
import { runHooks, runHooksForEach, type ModelClass, type ModelInstance } from './model-internals.js';
import { runOptions, tableContext } from './query-scope.js';
import { mergeScope } from './scopes.js';
import { validateInstance } from './validation.js';
import type { DestroyOptions, UpdateOptions } from './writers.js';

/** Static update, destroy and restore: one statement over the rows a `where` (merged with the scope) selects. */

export function scopedWhere(model: ModelClass, options: { where?: unknown; paranoid?: boolean }): ExprNode | undefined {
  const merged = mergeScope(model.activeScope ? { where: model.activeScope['where'] } : undefined, { where: options.where }, model.definition.options.whereMergeStrategy) as { where?: unknown };
  return findWhere({ where: merged.where, paranoid: options.paranoid }, tableContext(model));
}

/** The attributes an update writes: known, non-virtual, defined keys (unknown keys are ignored, as Sequelize does). */
function updatedFields(model: ModelClass, values: Record<string, unknown>, given: readonly string[] | undefined): string[] {
  const definition = model.definition;
  const written = (key: string) => definition.attribute(key) !== undefined && !isVirtual(definition.attributes[key]!) && values[key] !== undefined;
  return (given ?? Object.keys(values)).filter((key) => key in values && written(key));
}

export async function update(model: ModelClass, values: Record<string, unknown>, options: UpdateOptions): Promise<[number, unknown[]?]> {
  if (!options || options.where === undefined) {
    throw new UsageError(`Missing where attribute in the options parameter passed to ${model.name}.update: pass { where: {} } to update every row.`);
  }
  const definition = model.definition;
  const hooks = options.hooks !== false;
  const fields = updatedFields(model, values, options.fields);
  const built = new model({}, { isNewRecord: false });
  for (const key of fields) built.set(key, values[key]);
  if (options.validate !== false && fields.length > 0) {
    // Validated as one built instance, with its validation hooks, as Sequelize does.
    if (hooks) await runHooks(model, 'beforeValidate', built, options);
    const error = await validateInstance(definition, built as never, { fields });
    if (error) {
      if (hooks) await runHooks(model, 'validationFailed', built, options, error);
      throw error instanceof ValidationError ? error : new ValidationError(String(error));
    }
    if (hooks) await runHooks(model, 'afterValidate', built, options);
  }
  const changes: Record<string, unknown> = Object.fromEntries(fields.map((key) => [key, built.dataValues[key]]));
  const hookOptions = { ...options, attributes: changes, fields };
  if (hooks) await runHooks(model, 'beforeBulkUpdate', hookOptions);
  // Nothing known to write: no statement, as Sequelize answers [0].
  if (Object.keys(changes).length === 0) return [0];
  const { updatedAt } = definition.timestamps;
  if (updatedAt && !options.silent && changes[updatedAt] === undefined) changes[updatedAt] = new Date();
  let individuals: ModelInstance[] | undefined;
  if (hooks && options.individualHooks) {
    individuals = (await findAll(model, { where: options.where, transaction: options.transaction, paranoid: options.paranoid })) as ModelInstance[];
    for (const instance of individuals) instance.set(changes);
    await runHooksForEach(model, 'beforeUpdate', individuals, hookOptions);
  }
  const runner = model.host.queryRunner;
  const returning = options.returning && runner.dialect.supports.updateReturning ? options.returning : undefined;
  const node = updateStatement(definition, changes, scopedWhere(model, options), tableContext(model), { returning, limit: options.limit });
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, Boolean(returning)));
  if (individuals) await runHooksForEach(model, 'afterUpdate', individuals, hookOptions);
  if (hooks) await runHooks(model, 'afterBulkUpdate', hookOptions);
  if (returning) {
    const rows = result.rows.map((row) => new model(rowToAttributes(definition, runner.dialect, row), { isNewRecord: false, raw: true }));
    return [rows.length, rows];
  }
  // With individual hooks the second element is the instances the hooks saw, as in Sequelize.
  return individuals ? [result.affectedRows, individuals] : [result.affectedRows];
}

export async function destroy(model: ModelClass, options?: DestroyOptions): Promise<number> {
  if (!options || (options.where === undefined && !options.truncate)) {
    throw new UsageError(`Missing where or truncate attribute in the options parameter of ${model.name}.destroy: pass { where: {} } to delete every row.`);
  }
  const definition = model.definition;
  const deletedAt = definition.timestamps.deletedAt;
  const hooks = options.hooks !== false;
  if (hooks) await runHooks(model, 'beforeBulkDestroy', options);
  // A paranoid model's truncate soft-deletes every row unless forced, as in Sequelize.
  if (options.truncate && (!deletedAt || options.force)) {
    const affected = await truncate(model, options);
    if (hooks) await runHooks(model, 'afterBulkDestroy', options);
    return affected;
  }
  let individuals: ModelInstance[] | undefined;
  if (hooks && options.individualHooks) {
    individuals = (await findAll(model, { where: options.where, transaction: options.transaction })) as ModelInstance[];
    await runHooksForEach(model, 'beforeDestroy', individuals, options);
  }
  const runner = model.host.queryRunner;
  const where = scopedWhere(model, { where: options.truncate ? undefined : options.where, paranoid: options.force ? false : undefined });
  const node = deletedAt && !options.force
    ? updateStatement(definition, { [deletedAt]: new Date() }, where, tableContext(model), { limit: options.limit })
    : deleteStatement(definition, where, { limit: options.limit });
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, false));
  if (individuals) await runHooksForEach(model, 'afterDestroy', individuals, options);
  if (hooks) await runHooks(model, 'afterBulkDestroy', options);
  return result.affectedRows;
}

export async function restore(model: ModelClass, options: DestroyOptions = {}): Promise<number> {
  const deletedAt = model.definition.timestamps.deletedAt;
  if (!deletedAt) throw new UsageError(`${model.name} is not paranoid: restore() needs paranoid: true.`);
  const hooks = options.hooks !== false;
  if (hooks) await runHooks(model, 'beforeBulkRestore', options);
  let individuals: ModelInstance[] | undefined;
  if (hooks && options.individualHooks) {
    individuals = (await findAll(model, { where: options.where, transaction: options.transaction, paranoid: false })) as ModelInstance[];
    await runHooksForEach(model, 'beforeRestore', individuals, options);
  }
  const runner = model.host.queryRunner;
  const where = scopedWhere(model, { where: options.truncate ? undefined : options.where, paranoid: false });
  const node = updateStatement(model.definition, { [deletedAt]: null }, where, tableContext(model), { limit: options.limit });
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, false));
  if (individuals) await runHooksForEach(model, 'afterRestore', individuals, options);
  if (hooks) await runHooks(model, 'afterBulkRestore', options);
  return result.affectedRows;
}
