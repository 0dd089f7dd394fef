import { InstanceError, UsageError } from '../errors/usage-errors.js';
import type { FindOptions } from '../query/find-options.js';
import { updateStatement } from '../query/mutation-plan.js';
import { buildWhere } from '../query/where.js';
import { sql } from '../sql/nodes.js';
import { destroyChildren, hasDestroyCascades } from './destroy-cascade.js';
import { findOne } from './finders.js';
import { resetChanges, resetChangesOf, valuesEqual, type InstanceState } from './instance-values.js';
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
    // An instance already deleted keeps its deletedAt; v6 only stamps one that holds its default.
    const current = instance.dataValues[deletedAt] ?? null;
    const stamp = current === null || valuesEqual(current, definition.attributes[deletedAt]!.defaultValue ?? null);
    await saveAsV6(instance, stamp ? deletedAt : undefined, stamp ? new Date() : undefined, options);
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
  const restored = model.definition.attributes[deletedAt]!.defaultValue ?? null;
  const changes = !valuesEqual(instance.dataValues[deletedAt] ?? null, restored);
  await saveAsV6(instance, changes ? deletedAt : undefined, restored, { ...options, omitNull: false });
  resetChanges(state);
  if (hooks) await runHooks(model, 'afterRestore', instance, hookOptions);
}

/**
 * A soft delete or restore is a save in v6 (without hooks): it stamps updatedAt, bumps the version (with its
 * optimistic-lock check) and writes the instance's other pending changes along with deletedAt.
 */
async function saveAsV6(instance: Instance, deletedAt: string | undefined, value: unknown, options: { silent?: boolean; omitNull?: boolean }): Promise<void> {
  const saving = instance as Instance & { changed(key: string, value: boolean): unknown; save(options: object): Promise<unknown> };
  // Only a deletedAt that changes counts (an already deleted record keeps its date; nothing else to save, no query).
  if (deletedAt === undefined) return void (await saving.save({ ...options, hooks: false }));
  instance.dataValues[deletedAt] = value;
  saving.changed(deletedAt, true);
  // updatedAt gets the soft delete's own instant (the save is then told not to stamp another).
  const updatedAt = modelOf(instance).definition.timestamps.updatedAt;
  if (updatedAt !== undefined && !options.silent) {
    instance.dataValues[updatedAt] = value instanceof Date ? value : new Date();
    saving.changed(updatedAt, true);
  }
  await saving.save({ ...options, hooks: false, silent: true });
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
