import { isDeepStrictEqual } from 'node:util';
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
import { bulkDestroyHookOptions, bulkRestoreHookOptions, bulkUpdateHookOptions } from './hook-options.js';
import type { DestroyOptions, UpdateOptions } from './writers.js';
import { withKeyDetails } from './unique-error-details.js';
import { bindFinderLiterals } from '../query/finder-replacements.js';

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

export async function update(model: ModelClass, values: Record<string, unknown>, given: UpdateOptions): Promise<[number, unknown[]?]> {
  let options = given;
  if (!options || options.where === undefined) {
    throw new UsageError(`Missing where attribute in the options parameter passed to ${model.name}.update: pass { where: {} } to update every row.`);
  }
  const definition = model.definition;
  const hooks = options.hooks !== false;
  const fields = updatedFields(model, values, options.fields);
  const built = new model({}, { isNewRecord: false });
  for (const key of fields) built.set(key, values[key], { writeReadOnly: true });
  const { updatedAt } = definition.timestamps;
  // v6 stamps updatedAt before its hooks: they see it among `fields` and `attributes`.
  let changes: Record<string, unknown> = Object.fromEntries(fields.map((key) => [key, built.dataValues[key]]));
  // An updatedAt given among the values is replaced too, as in v6 (`silent: true` writes the one given).
  const stamps = fields.length > 0 && updatedAt !== undefined && !options.silent;
  const stamped = stamps && !fields.includes(updatedAt) ? [...fields, updatedAt] : fields;
  if (stamps) changes[updatedAt] = new Date();
  const hookOptions = hooks ? bulkUpdateHookOptions(model, options as Record<string, unknown>, stamped, changes) : options;
  if (options.validate !== false && fields.length > 0) {
    // Validated as one built instance, with its validation hooks, as Sequelize does.
    const { attributes: _attributes, ...validateOptions } = hookOptions as Record<string, unknown>;
    validateOptions['skip'] = definition.attributeNames.filter((name) => !stamped.includes(name));
    if (hooks) await runHooks(model, 'beforeValidate', built, validateOptions);
    const error = await validateInstance(definition, built as never, { fields });
    if (error) {
      if (hooks) await runHooks(model, 'validationFailed', built, validateOptions, error);
      throw error instanceof ValidationError ? error : new ValidationError(String(error));
    }
    if (hooks) await runHooks(model, 'afterValidate', built, validateOptions);
  }
  if (hooks) {
    await runHooks(model, 'beforeBulkUpdate', hookOptions);
    // As in v6 the statement is made from the options the hook saw: its where, and of its attributes those
    // among its fields (an attribute added without naming it in `fields` is not written).
    options = hookOptions as UpdateOptions;
    const attributes = ((hookOptions as Record<string, unknown>)['attributes'] as Record<string, unknown> | undefined) ?? changes;
    const written = Array.isArray(options.fields) ? options.fields : stamped;
    changes = Object.fromEntries(Object.entries(attributes).filter(([key]) => written.includes(key)));
  }
  // Nothing known to write: no statement, as Sequelize answers [0].
  if (Object.keys(changes).length === 0) return [0];
  let individuals: ModelInstance[] | undefined;
  // Each record's hooks see the options without `attributes`, as in v6.
  const { attributes: _attributes, ...individualOptions } = hookOptions as Record<string, unknown>;
  if (hooks && options.individualHooks) {
    individuals = (await findAll(model, { where: options.where, transaction: options.transaction, logging: options.logging, benchmark: options.benchmark, paranoid: options.paranoid } as never)) as ModelInstance[];
    for (const instance of individuals) instance.set(changes, { writeReadOnly: true });
    await runHooksForEach(model, 'beforeUpdate', individuals, individualOptions);
    const plan = afterRecordHooks(model, individuals, changes);
    if (plan === 'row by row') {
      // As v6: records the hooks changed differently are saved one by one, each its own values of the fields.
      for (const instance of individuals) await (instance as unknown as { save(options: unknown): Promise<unknown> }).save({ ...individualOptions, individualHooks: undefined, hooks: false, validate: false });
      await runHooksForEach(model, 'afterUpdate', individuals, { ...individualOptions, hasTrigger: undefined });
      if (hooks) await runHooks(model, 'afterBulkUpdate', hookOptions);
      return [individuals.length, individuals];
    }
    changes = plan;
  }
  const runner = model.host.queryRunner;
  const returning = options.returning && runner.dialect.supports.updateReturning ? options.returning : undefined;
  const node = updateStatement(definition, changes, scopedWhere(model, options), tableContext(model), { returning, limit: options.limit });
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, Boolean(returning))).catch((error: unknown) => {
    throw withKeyDetails(error, model);
  });
  if (hooks) (hookOptions as Record<string, unknown>)['hasTrigger'] = undefined;
  if (individuals) await runHooksForEach(model, 'afterUpdate', individuals, { ...individualOptions, hasTrigger: undefined });
  if (hooks) await runHooks(model, 'afterBulkUpdate', hookOptions);
  if (returning) {
    const rows = result.rows.map((row) => new model(rowToAttributes(definition, runner.dialect, row), { isNewRecord: false, raw: true }));
    return [rows.length, rows];
  }
  // With individual hooks the second element is the instances the hooks saw, as in Sequelize.
  return individuals ? [sameChanges(individuals) ? result.affectedRows : individuals.length, individuals] : [result.affectedRows];
}

/**
 * What to write after the records' beforeUpdate hooks, as v6 decides: when every record now changes the same
 * values, those (what the hooks set included) in one UPDATE; when they differ only because some rows already
 * held the values, the update's values; else record by record.
 */
function afterRecordHooks(model: ModelClass, instances: readonly ModelInstance[], changes: Record<string, unknown>): Record<string, unknown> | 'row by row' {
  const definition = model.definition;
  const sets = changeSets(instances, (key) => definition.attribute(key) !== undefined && !isVirtual(definition.attributes[key]!));
  if (sets.length === 0) return changes;
  if (allEqual(sets)) return Object.keys(sets[0]!).length > 0 ? { ...changes, ...sets[0] } : changes;
  const asUpdated = instances.every((instance) => Object.keys(changes).every((key) => isDeepStrictEqual(instance.dataValues[key], changes[key])));
  return asUpdated ? changes : 'row by row';
}

/**
 * Whether every instance the individual hooks saw changes the same values. Where they differ (some rows already
 * held the new values, or a hook changed one record) Sequelize saves record by record and counts the records, even
 * where the server counts only the rows it changed.
 */
function sameChanges(instances: readonly ModelInstance[]): boolean {
  return allEqual(changeSets(instances));
}

/** Each record's changed keys (those `keep` allows) with their values. */
function changeSets(instances: readonly ModelInstance[], keep: (key: string) => boolean = () => true): Array<Record<string, unknown>> {
  return instances.map((instance) => Object.fromEntries((instance.changed() || []).filter(keep).map((key) => [key, instance.dataValues[key]])));
}

const allEqual = (sets: ReadonlyArray<Record<string, unknown>>) => sets.every((set) => isDeepStrictEqual(set, sets[0]));

export async function destroy(model: ModelClass, given?: DestroyOptions): Promise<number> {
  let options = given;
  if (!options || (options.where === undefined && !options.truncate)) {
    throw new UsageError(`Missing where or truncate attribute in the options parameter of ${model.name}.destroy: pass { where: {} } to delete every row.`);
  }
  const definition = model.definition;
  const deletedAt = definition.timestamps.deletedAt;
  const hooks = options.hooks !== false;
  const hookOptions = hooks ? bulkDestroyHookOptions(model, options as Record<string, unknown>) : options;
  if (hooks) {
    await runHooks(model, 'beforeBulkDestroy', hookOptions);
    // The hook's changes to the options (where, force, individualHooks…) apply, as in v6.
    options = hookOptions as DestroyOptions;
  }
  // A paranoid model's truncate soft-deletes every row unless forced, as in Sequelize.
  if (options.truncate && (!deletedAt || options.force)) {
    const affected = await truncate(model, options);
    if (hooks) await runHooks(model, 'afterBulkDestroy', hookOptions);
    return affected;
  }
  // v6 fills `replacements`/`bind` into the statement, so they reach the where's literals.
  const literals: Record<string, unknown> = { where: options.where, replacements: options.replacements, bind: options.bind };
  bindFinderLiterals(literals);
  let individuals: ModelInstance[] | undefined;
  if (hooks && options.individualHooks) {
    individuals = (await findAll(model, { where: literals['where'], transaction: options.transaction, logging: options.logging, benchmark: options.benchmark } as never)) as ModelInstance[];
    await runHooksForEach(model, 'beforeDestroy', individuals, hookOptions);
  }
  const runner = model.host.queryRunner;
  const where = scopedWhere(model, { where: options.truncate ? undefined : literals['where'], paranoid: options.force ? false : undefined });
  const node = deletedAt && !options.force
    ? updateStatement(definition, { [deletedAt]: new Date() }, where, tableContext(model), { limit: options.limit })
    : deleteStatement(definition, where, { limit: options.limit });
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, false));
  // v6 files a soft delete under BULKUPDATE by the time the after hooks run.
  if (hooks && deletedAt && !options.force) (hookOptions as Record<string, unknown>)['type'] = 'BULKUPDATE';
  if (individuals) await runHooksForEach(model, 'afterDestroy', individuals, hookOptions);
  if (hooks) await runHooks(model, 'afterBulkDestroy', hookOptions);
  return result.affectedRows;
}

export async function restore(model: ModelClass, given: DestroyOptions = {}): Promise<number> {
  let options = given;
  const deletedAt = model.definition.timestamps.deletedAt;
  if (!deletedAt) throw new UsageError(`${model.name} is not paranoid: restore() needs paranoid: true.`);
  const hooks = options.hooks !== false;
  const hookOptions = hooks ? bulkRestoreHookOptions(model, options as Record<string, unknown>) : options;
  if (hooks) {
    await runHooks(model, 'beforeBulkRestore', hookOptions);
    options = hookOptions as DestroyOptions;
  }
  let individuals: ModelInstance[] | undefined;
  if (hooks && options.individualHooks) {
    individuals = (await findAll(model, { where: options.where, transaction: options.transaction, paranoid: false })) as ModelInstance[];
    await runHooksForEach(model, 'beforeRestore', individuals, hookOptions);
  }
  const runner = model.host.queryRunner;
  const where = scopedWhere(model, { where: options.truncate ? undefined : options.where, paranoid: false });
  const node = updateStatement(model.definition, { [deletedAt]: null }, where, tableContext(model), { limit: options.limit });
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, false));
  if (hooks) (hookOptions as Record<string, unknown>)['omitNull'] = false;
  if (individuals) await runHooksForEach(model, 'afterRestore', individuals, hookOptions);
  if (hooks) await runHooks(model, 'afterBulkRestore', hookOptions);
  return result.affectedRows;
}
