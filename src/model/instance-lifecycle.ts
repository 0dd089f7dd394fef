import { InstanceError, UsageError } from '../errors/usage-errors.js';
import type { FindOptions } from '../query/find-options.js';
import { updateStatement } from '../query/mutation-plan.js';
import { buildWhere } from '../query/where.js';
import { sql } from '../sql/nodes.js';
import { destroyChildren, hasDestroyCascades } from './destroy-cascade.js';
import { findOne } from './finders.js';
import { resetChanges, resetChangesOf, type InstanceState } from './instance-values.js';
import { hasHooks, runHooks } from './model-internals.js';
import { instanceDestroyHookOptions } from './hook-options.js';
import { runOptions, tableContext } from './query-scope.js';
import { modelOf, primaryKeyWhere, type Instance, type InstanceDestroyOptions, type SaveOptions } from './instance-persistence.js';
import { increment as staticIncrement, type IncrementOptions } from './writers.js';

/** reload, destroy, restore and increment of one instance, addressed by its primary key. */

export async function reload(instance: Instance, state: InstanceState, options: FindOptions = {}): Promise<Instance> {
  const model = modelOf(instance);
  const reloaded = (await findOne(model, {
    ...options,
    where: primaryKeyWhere(instance),
    include: options.include ?? instance._options['include'],
  })) as Instance | null;
  if (!reloaded) throw new InstanceError('Instance could not be reloaded because it does not exist anymore (find call returned null)');
  if (options.attributes !== undefined) {
    // v6 merges a partial reload into the current values (set without reset): the other attributes stay.
    Object.assign(instance.dataValues, reloaded.dataValues);
    resetChangesOf(state, Object.keys(reloaded.dataValues));
    return instance;
  }
  // A join row a getter attached (`friend.friendship` from getFriends) stays: v6 reads it again with the friend.
  const included = new Set((instance._options['includeNames'] as string[] | undefined) ?? []);
  for (const [key, value] of Object.entries(instance.dataValues)) {
    if (key in reloaded.dataValues || included.has(key) || model.definition.attributes[key]) continue;
    if (value !== null && typeof value === 'object' && 'dataValues' in value) reloaded.dataValues[key] = value;
  }
  instance.dataValues = reloaded.dataValues;
  state.dataValues = reloaded.dataValues;
  instance._options = reloaded._options;
  // The included rows are also properties of the instance (`pug.toys`): they follow the reloaded ones.
  for (const as of (reloaded._options['includeNames'] as string[] | undefined) ?? []) {
    (instance as unknown as Record<string, unknown>)[as] = (reloaded as unknown as Record<string, unknown>)[as];
  }
  resetChanges(state);
  return instance;
}

export async function destroy(instance: Instance, options: InstanceDestroyOptions = {}): Promise<void> {
  const model = modelOf(instance);
  const definition = model.definition;
  const hooks = options.hooks !== false && (hasHooks(model, 'beforeDestroy') || hasHooks(model, 'afterDestroy'));
  const hookOptions = hooks ? instanceDestroyHookOptions(options as Record<string, unknown>) : options;
  if (hooks) await runHooks(model, 'beforeDestroy', instance, hookOptions);
  const runner = model.host.queryRunner;
  const where = buildWhere(primaryKeyWhere(instance), tableContext(model));
  const deletedAt = definition.timestamps.deletedAt;
  if (deletedAt && !(hookOptions as InstanceDestroyOptions).force) {
    // As v6's save of the soft delete: deletedAt stamped unless already set, updatedAt too unless `silent`.
    const current = instance.dataValues[deletedAt];
    const now = new Date();
    const changes = withUpdatedStamp(instance, { [deletedAt]: current === undefined || current === null ? now : current }, options, now);
    Object.assign(instance.dataValues, changes);
    await runner.run(runner.dialect.compiler.compile(updateStatement(definition, changes, where, tableContext(model))), runOptions(options, false));
  } else {
    const remove = (given: InstanceDestroyOptions) => runner.run(runner.dialect.compiler.compile({ kind: 'delete', table: sql.table(definition.tableName, undefined, definition.schema), ...(where ? { where } : {}) }), runOptions(given, false));
    if (!hasDestroyCascades(model)) await remove(options);
    else {
      await model.host.transactionWith(options as Record<string, unknown>, async (transaction) => {
        const scoped = { ...options, transaction };
        await destroyChildren(model, instance, scoped);
        await remove(scoped);
      });
    }
  }
  if (hooks) await runHooks(model, 'afterDestroy', instance, hookOptions);
}

export async function restore(instance: Instance, state: InstanceState, options: SaveOptions = {}): Promise<void> {
  const model = modelOf(instance);
  const deletedAt = model.definition.timestamps.deletedAt;
  if (!deletedAt) throw new InstanceError(`${model.name} is not paranoid: restore() needs paranoid: true.`);
  const hooks = options.hooks !== false && (hasHooks(model, 'beforeRestore') || hasHooks(model, 'afterRestore'));
  const hookOptions = hooks ? instanceDestroyHookOptions(options as Record<string, unknown>) : options;
  if (hooks) await runHooks(model, 'beforeRestore', instance, hookOptions);
  const changes = withUpdatedStamp(instance, { [deletedAt]: null }, options, new Date());
  Object.assign(instance.dataValues, changes);
  const runner = model.host.queryRunner;
  const where = buildWhere(primaryKeyWhere(instance), tableContext(model));
  await runner.run(runner.dialect.compiler.compile(updateStatement(model.definition, changes, where, tableContext(model))), runOptions(options, false));
  resetChanges(state);
  if (hooks) await runHooks(model, 'afterRestore', instance, hookOptions);
}

/** The soft delete's or restore's values plus updatedAt's new stamp, which v6's save of them adds unless `silent`. */
function withUpdatedStamp(instance: Instance, changes: Record<string, unknown>, options: { silent?: boolean }, now: Date): Record<string, unknown> {
  const updatedAt = modelOf(instance).definition.timestamps.updatedAt;
  if (updatedAt !== undefined && !options.silent) changes[updatedAt] = now;
  return changes;
}

export async function increment(instance: Instance, fields: string | string[] | Record<string, number>, options: IncrementOptions, sign: 1 | -1): Promise<Instance> {
  const model = modelOf(instance);
  if (instance.isNewRecord) throw new UsageError(`Cannot increment a ${model.name} that has not been saved yet.`);
  const [[rows]] = await staticIncrement(model, fields, { ...options, where: { ...(options.where as object | undefined), ...primaryKeyWhere(instance) } }, sign);
  // Where UPDATE … RETURNING exists the instance takes the new values, as Sequelize's does on PostgreSQL.
  const row = rows?.[0] as Instance | undefined;
  if (row) Object.assign(instance.dataValues, row.dataValues);
  return instance;
}
