import { AggregateError, BulkRecordError, UsageError } from '../errors/usage-errors.js';
import { ValidationError } from '../errors/validation-errors.js';
import { isVirtual } from '../metadata/attributes.js';
import { insertStatement, rowToAttributes, updateStatement, deleteStatement } from '../query/mutation-plan.js';
import { findWhere } from '../query/select-builder.js';
import type { ConflictAction, ExprNode } from '../sql/nodes.js';
import { chunk } from '../utils/object.js';
import { findAll } from './finders.js';
import { resetChanges } from './instance-values.js';
import { runHooks, type ModelClass, type ModelInstance } from './model-internals.js';
import { runOptions, tableContext } from './query-scope.js';
import { mergeScope } from './scopes.js';
import { validateInstance } from './validation.js';
import { truncate } from './counter-writers.js';

export interface CreateOptions {
  fields?: string[];
  include?: unknown;
  transaction?: unknown;
  logging?: unknown;
  validate?: boolean;
  hooks?: boolean;
  silent?: boolean;
  returning?: boolean;
  [extra: string]: unknown;
}

export interface BulkCreateOptions extends CreateOptions {
  ignoreDuplicates?: boolean;
  updateOnDuplicate?: string[];
  conflictAttributes?: string[];
  individualHooks?: boolean;
}

export interface UpdateOptions {
  where: unknown;
  fields?: string[];
  transaction?: unknown;
  logging?: unknown;
  validate?: boolean;
  hooks?: boolean;
  individualHooks?: boolean;
  returning?: boolean | string[];
  silent?: boolean;
  paranoid?: boolean;
  limit?: number;
  sideEffects?: boolean;
  [extra: string]: unknown;
}

export interface DestroyOptions {
  where?: unknown;
  force?: boolean;
  truncate?: boolean;
  cascade?: boolean;
  transaction?: unknown;
  logging?: unknown;
  hooks?: boolean;
  individualHooks?: boolean;
  limit?: number;
  [extra: string]: unknown;
}

export interface UpsertOptions extends CreateOptions {
  conflictFields?: string[];
}

export interface IncrementOptions {
  where?: unknown;
  by?: number;
  transaction?: unknown;
  logging?: unknown;
  silent?: boolean;
  returning?: boolean;
  [extra: string]: unknown;
}

type Saveable = ModelInstance & { save(options?: Record<string, unknown>): Promise<unknown> };

export async function create(model: ModelClass, values: Record<string, unknown> | undefined, options: CreateOptions = {}): Promise<unknown> {
  const instance = new model(values ?? {}, { isNewRecord: true, ...(options.include ? { include: options.include } : {}) }) as Saveable;
  return instance.save(options);
}

/** The attributes a batch writes: every column attribute present on any record, without null auto-increment keys. */
export function insertedAttributes(model: ModelClass, instances: readonly ModelInstance[], fields: readonly string[] | undefined): string[] {
  const definition = model.definition;
  const names = new Set<string>();
  for (const instance of instances) for (const key of Object.keys(instance.dataValues)) names.add(key);
  return definition.columnAttributes.filter((name) => {
    if (fields && !fields.includes(name) && !Object.values(definition.timestamps).includes(name)) return false;
    if (!names.has(name)) return false;
    const attribute = definition.attributes[name]!;
    if (attribute.autoIncrement && instances.every((instance) => instance.dataValues[name] === null || instance.dataValues[name] === undefined)) return false;
    return true;
  });
}

export function conflictTarget(model: ModelClass, columnsWritten: readonly string[], given: readonly string[] | undefined): string[] {
  const definition = model.definition;
  if (given) return given.map((name) => definition.columnOf(name));
  const writtenColumns = new Set(columnsWritten.map((name) => definition.columnOf(name)));
  const uniqueKey = Object.values(definition.uniqueKeys).find((key) => key.fields.every((field) => writtenColumns.has(field)));
  const primaryKeys = definition.primaryKeyAttributes.map((name) => definition.columnOf(name));
  if (primaryKeys.every((column) => writtenColumns.has(column))) return primaryKeys;
  return uniqueKey ? uniqueKey.fields : primaryKeys;
}

export async function bulkCreate(model: ModelClass, records: Record<string, unknown>[], options: BulkCreateOptions = {}): Promise<unknown[]> {
  if (!Array.isArray(records)) throw new UsageError(`${model.name}.bulkCreate expects an array of records.`);
  if (records.length === 0) return [];
  const definition = model.definition;
  const hooks = options.hooks !== false;
  const instances = records.map((values) => new model(values, { isNewRecord: true, ...(options.include ? { include: options.include } : {}) }));
  if (hooks) await runHooks(model, 'beforeBulkCreate', instances, options);
  if (options.validate) {
    const failures: Error[] = [];
    for (const instance of instances) {
      const error = await validateInstance(definition, instance as never, { fields: options.fields });
      if (error) failures.push(new BulkRecordError(error, instance));
    }
    if (failures.length > 0) throw new AggregateError(failures);
  }
  if (hooks && options.individualHooks) {
    for (const instance of instances) {
      await runHooks(model, 'beforeCreate', instance, options);
      await runHooks(model, 'beforeSave', instance, options);
    }
  }
  const now = new Date();
  const { createdAt, updatedAt } = definition.timestamps;
  for (const instance of instances) {
    if (createdAt && (instance.dataValues[createdAt] === undefined || instance.dataValues[createdAt] === null)) instance.dataValues[createdAt] = now;
    if (updatedAt && (!options.silent || instance.dataValues[updatedAt] === undefined)) instance.dataValues[updatedAt] = now;
  }
  const runner = model.host.queryRunner;
  const dialect = runner.dialect;
  const attributes = insertedAttributes(model, instances, options.fields);
  let conflict: ConflictAction | undefined;
  if (options.ignoreDuplicates) conflict = { action: 'nothing' };
  if (options.updateOnDuplicate) {
    const updateColumns = options.updateOnDuplicate.filter((name) => definition.attribute(name)).map((name) => definition.columnOf(name));
    conflict = { action: 'update', target: conflictTarget(model, attributes, options.conflictAttributes), columns: updateColumns };
  }
  const primaryKey = definition.primaryKeyAttributes[0];
  const wantsKeys = primaryKey !== undefined && definition.attributes[primaryKey]!.autoIncrement && !attributes.includes(primaryKey);
  const returning = dialect.supports.insertReturning && (wantsKeys || options.returning === true) && !options.ignoreDuplicates;
  const rowsPerStatement = Math.max(1, Math.min(1000, Math.floor(dialect.supports.maxParameters / Math.max(1, attributes.length))));
  const batches = chunk(instances, rowsPerStatement);

  const insertBatches = async (transaction: unknown) => {
    for (const batch of batches) {
      const node = insertStatement(definition, attributes, batch.map((instance) => instance.dataValues), tableContext(model), { returning, conflict });
      const result = await runner.run(dialect.compiler.compile(node), { ...runOptions(options, returning), transaction: transaction as never });
      if (returning && result.rows.length === batch.length) {
        result.rows.forEach((row, index) => Object.assign(batch[index]!.dataValues, rowToAttributes(definition, dialect, row)));
      } else if (wantsKeys && result.insertId !== undefined && !options.ignoreDuplicates && !options.updateOnDuplicate) {
        // MySQL reports the first id of a multi-row insert; the rest follow it.
        const first = Number(result.insertId);
        batch.forEach((instance, index) => {
          instance.dataValues[primaryKey!] = first + index;
        });
      }
    }
  };
  if (batches.length > 1) await model.host.transactionWith(options, insertBatches);
  else await insertBatches(options.transaction);

  for (const instance of instances) {
    instance.isNewRecord = false;
    resetChanges((model as unknown as { _stateOf(i: unknown): Parameters<typeof resetChanges>[0] })._stateOf(instance));
  }
  if (hooks && options.individualHooks) {
    for (const instance of instances) {
      await runHooks(model, 'afterCreate', instance, options);
      await runHooks(model, 'afterSave', instance, options);
    }
  }
  if (hooks) await runHooks(model, 'afterBulkCreate', instances, options);
  return instances;
}

export function scopedWhere(model: ModelClass, options: { where?: unknown; paranoid?: boolean }): ExprNode | undefined {
  const merged = mergeScope(model.activeScope ? { where: model.activeScope['where'] } : undefined, { where: options.where }) as { where?: unknown };
  return findWhere({ where: merged.where, paranoid: options.paranoid }, tableContext(model));
}

export async function update(model: ModelClass, values: Record<string, unknown>, options: UpdateOptions): Promise<[number, unknown[]?]> {
  if (!options || options.where === undefined) {
    throw new UsageError(`Missing where attribute in the options parameter passed to ${model.name}.update: pass { where: {} } to update every row.`);
  }
  const definition = model.definition;
  const hooks = options.hooks !== false;
  const fields = options.fields ?? Object.keys(values).filter((key) => definition.attribute(key) && !isVirtual(definition.attributes[key]!) && values[key] !== undefined);
  const changes: Record<string, unknown> = {};
  const built = new model({}, { isNewRecord: false });
  for (const key of fields) built.set(key, values[key]);
  for (const key of fields) changes[key] = built.dataValues[key];
  if (options.validate !== false) {
    const error = await validateInstance(definition, built as never, { fields });
    if (error) throw error instanceof ValidationError ? error : new ValidationError(String(error));
  }
  const { updatedAt } = definition.timestamps;
  if (updatedAt && !options.silent && changes[updatedAt] === undefined) changes[updatedAt] = new Date();
  const hookOptions = { ...options, attributes: changes, fields };
  if (hooks) await runHooks(model, 'beforeBulkUpdate', hookOptions);
  let individuals: ModelInstance[] | undefined;
  if (hooks && options.individualHooks) {
    individuals = (await findAll(model, { where: options.where, transaction: options.transaction, paranoid: options.paranoid })) as ModelInstance[];
    for (const instance of individuals) {
      instance.set(changes);
      await runHooks(model, 'beforeUpdate', instance, hookOptions);
    }
  }
  if (Object.keys(changes).length === 0) return [0];
  const runner = model.host.queryRunner;
  const returning = options.returning && runner.dialect.supports.updateReturning ? options.returning : undefined;
  const node = updateStatement(definition, changes, scopedWhere(model, options), tableContext(model), { returning, limit: options.limit });
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, Boolean(returning)));
  if (individuals) for (const instance of individuals) await runHooks(model, 'afterUpdate', instance, hookOptions);
  if (hooks) await runHooks(model, 'afterBulkUpdate', hookOptions);
  if (returning) {
    const rows = result.rows.map((row) => new model(rowToAttributes(definition, runner.dialect, row), { isNewRecord: false, raw: true }));
    return [rows.length, rows];
  }
  return [result.affectedRows];
}

export async function destroy(model: ModelClass, options: DestroyOptions = {}): Promise<number> {
  if (options.truncate) {
    await truncate(model, options);
    return 0;
  }
  const definition = model.definition;
  const hooks = options.hooks !== false;
  if (hooks) await runHooks(model, 'beforeBulkDestroy', options);
  let individuals: ModelInstance[] | undefined;
  if (hooks && options.individualHooks) {
    individuals = (await findAll(model, { where: options.where, transaction: options.transaction })) as ModelInstance[];
    for (const instance of individuals) await runHooks(model, 'beforeDestroy', instance, options);
  }
  const runner = model.host.queryRunner;
  const deletedAt = definition.timestamps.deletedAt;
  const where = scopedWhere(model, { where: options.where, paranoid: options.force ? false : undefined });
  const node = deletedAt && !options.force
    ? updateStatement(definition, { [deletedAt]: new Date() }, where, tableContext(model), { limit: options.limit })
    : deleteStatement(definition, where, { limit: options.limit });
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, false));
  if (individuals) for (const instance of individuals) await runHooks(model, 'afterDestroy', instance, options);
  if (hooks) await runHooks(model, 'afterBulkDestroy', options);
  return result.affectedRows;
}

export async function restore(model: ModelClass, options: DestroyOptions = {}): Promise<number> {
  const deletedAt = model.definition.timestamps.deletedAt;
  if (!deletedAt) throw new UsageError(`${model.name} is not paranoid: restore() needs paranoid: true.`);
  const hooks = options.hooks !== false;
  if (hooks) await runHooks(model, 'beforeBulkRestore', options);
  const runner = model.host.queryRunner;
  const where = scopedWhere(model, { where: options.where, paranoid: false });
  const node = updateStatement(model.definition, { [deletedAt]: null }, where, tableContext(model), { limit: options.limit });
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, false));
  if (hooks) await runHooks(model, 'afterBulkRestore', options);
  return result.affectedRows;
}

export { upsert, increment } from './counter-writers.js';
export { truncate };
