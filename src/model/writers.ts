import { AggregateError, BulkRecordError, UsageError } from '../errors/usage-errors.js';
import { ValidationError } from '../errors/validation-errors.js';
import { isVirtual } from '../metadata/attributes.js';
import { insertStatement, rowToAttributes, updateStatement, deleteStatement } from '../query/mutation-plan.js';
import { findWhere } from '../query/select-builder.js';
import { sql, type ConflictAction, type ExprNode } from '../sql/nodes.js';
import { chunk } from '../utils/object.js';
import { findAll } from './finders.js';
import { resetChanges } from './instance-values.js';
import { hasHooks, runHooks, type ModelClass, type ModelInstance } from './model-internals.js';
import { runOptions, tableContext } from './query-scope.js';
import { mergeScope } from './scopes.js';
import { validateInstance } from './validation.js';

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
function insertedAttributes(model: ModelClass, instances: readonly ModelInstance[], fields: readonly string[] | undefined): string[] {
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

function conflictTarget(model: ModelClass, columnsWritten: readonly string[], given: readonly string[] | undefined): string[] {
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

function scopedWhere(model: ModelClass, options: { where?: unknown; paranoid?: boolean }): ExprNode | undefined {
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

export async function upsert(model: ModelClass, values: Record<string, unknown>, options: UpsertOptions = {}): Promise<[unknown, boolean | null]> {
  const definition = model.definition;
  const instance = new model(values, { isNewRecord: true });
  if (options.validate !== false) {
    const error = await validateInstance(definition, instance as never, { fields: options.fields ?? Object.keys(values) });
    if (error) throw error;
  }
  const hooks = options.hooks !== false;
  if (hooks) await runHooks(model, 'beforeUpsert', values, options);
  const now = new Date();
  const { createdAt, updatedAt } = definition.timestamps;
  if (createdAt && instance.dataValues[createdAt] == null) instance.dataValues[createdAt] = now;
  if (updatedAt && !options.silent) instance.dataValues[updatedAt] = now;
  const runner = model.host.queryRunner;
  const dialect = runner.dialect;
  const inserted = insertedAttributes(model, [instance], options.fields);
  const target = conflictTarget(model, inserted, options.conflictFields);
  const updatable = inserted.filter((name) => name !== createdAt && !target.includes(definition.columnOf(name)) && !definition.attributes[name]!.primaryKey)
    .filter((name) => !options.fields || options.fields.includes(name) || name === updatedAt);
  const conflict: ConflictAction = { action: 'update', target, columns: updatable.map((name) => definition.columnOf(name)) };
  const returning = dialect.supports.insertReturning;
  const node = insertStatement(definition, inserted, [instance.dataValues], tableContext(model), { conflict, returning });
  const result = await runner.run(dialect.compiler.compile(node), runOptions(options, returning));
  if (result.rows[0]) Object.assign(instance.dataValues, rowToAttributes(definition, dialect, result.rows[0]));
  else if (result.insertId !== undefined && Number(result.insertId) > 0) {
    const primaryKey = definition.primaryKeyAttributes[0];
    if (primaryKey && instance.dataValues[primaryKey] == null) instance.dataValues[primaryKey] = Number(result.insertId);
  }
  instance.isNewRecord = false;
  resetChanges((model as unknown as { _stateOf(i: unknown): Parameters<typeof resetChanges>[0] })._stateOf(instance));
  // MySQL reports 1 affected row for an insert and 2 for an update; RETURNING dialects cannot tell, as in Sequelize.
  const created: boolean | null = returning ? null : result.affectedRows === 1;
  if (hooks) await runHooks(model, 'afterUpsert', [instance, created], options);
  return [instance, created];
}

function incrementAmounts(model: ModelClass, fields: string | string[] | Record<string, number>, by: number): Record<string, number> {
  const amounts: Record<string, number> = typeof fields === 'string' ? { [fields]: by } : Array.isArray(fields) ? Object.fromEntries(fields.map((field) => [field, by])) : { ...fields };
  for (const name of Object.keys(amounts)) model.definition.requireAttribute(name, 'increment');
  return amounts;
}

export async function increment(model: ModelClass, fields: string | string[] | Record<string, number>, options: IncrementOptions, sign: 1 | -1): Promise<[unknown[], number]> {
  const definition = model.definition;
  const amounts = incrementAmounts(model, fields, options.by ?? 1);
  const runner = model.host.queryRunner;
  const context = tableContext(model);
  const values: Record<string, unknown> = {};
  const set = Object.entries(amounts).map(([name, amount]) => {
    const column = definition.columnOf(name);
    return { column, value: sql.binary(sql.column(column), sign === 1 ? '+' : '-', sql.value(amount)) };
  });
  const { updatedAt } = definition.timestamps;
  if (updatedAt && !options.silent && amounts[updatedAt] === undefined) values[updatedAt] = new Date();
  const base = updateStatement(definition, values, scopedWhere(model, { where: options.where }), context);
  const returning = runner.dialect.supports.updateReturning && options.returning !== false;
  const node = { ...base, set: [...set, ...base.set], ...(returning ? { returning: definition.columnAttributes.map((name) => definition.columnOf(name)) } : {}) };
  const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, returning));
  const rows = result.rows.map((row) => new model(rowToAttributes(definition, runner.dialect, row), { isNewRecord: false, raw: true }));
  return [rows, result.affectedRows];
}

export async function truncate(model: ModelClass, options: DestroyOptions & { restartIdentity?: boolean } = {}): Promise<void> {
  const runner = model.host.queryRunner;
  const table = runner.dialect.compiler.quoteTable(model.definition.tableName, model.definition.schema);
  for (const statement of runner.dialect.ddl.truncateTable(table, { cascade: options.cascade, restartIdentity: options.restartIdentity })) {
    await runner.run({ sql: statement, parameters: [] }, runOptions(options, false));
  }
}

export { hasHooks };
