import { rowToAttributes } from '../query/mutation-plan.js';
import { unknownAttribute } from '../query/where.js';
import type { ConflictAction } from '../sql/nodes.js';
import { chunk } from '../utils/object.js';
import { readBackKeys } from './bulk-insert-keys.js';
import { compileInsert, holdsFragment } from './insert-cache.js';
import type { ModelClass, ModelInstance } from './model-internals.js';
import { runOptions, tableContext } from './query-scope.js';
import { conflictTarget, insertedAttributes, type BulkCreateOptions } from './writers.js';

/** One INSERT shape: the attributes written and what is read back, for a group of records. */
interface InsertGroup {
  instances: ModelInstance[];
  attributes: string[];
  conflict: ConflictAction | undefined;
  returning: boolean | string[];
  /** The generated key is read back (RETURNING or the driver's insert id). */
  wantsKeys: boolean;
  /** The unique columns that identify a returned row when some rows were skipped (ignoreDuplicates). */
  matchBy: string[] | undefined;
}

const missing = (value: unknown) => value === null || value === undefined;

/**
 * Records that give their auto-increment key and records that leave it to the database cannot share a
 * column list (a NULL key is refused by PostgreSQL), so they go in separate statements.
 */
function groupsOf(model: ModelClass, instances: ModelInstance[]): ModelInstance[][] {
  const key = model.definition.primaryKeyAttributes[0];
  if (key === undefined || !model.definition.attributes[key]!.autoIncrement) return [instances];
  const given = instances.filter((instance) => !missing(instance.dataValues[key]));
  if (given.length === 0 || given.length === instances.length) return [instances];
  return [given, instances.filter((instance) => missing(instance.dataValues[key]))];
}

function planGroup(model: ModelClass, instances: ModelInstance[], options: BulkCreateOptions): InsertGroup {
  const definition = model.definition;
  const dialect = model.host.queryRunner.dialect;
  const attributes = insertedAttributes(model, instances, options.fields);
  let conflict: ConflictAction | undefined;
  if (options.ignoreDuplicates) conflict = { action: 'nothing' };
  if (options.updateOnDuplicate) {
    // Attribute names, or column names as v6 also takes; anything else fails before SQL (v6's database fails it).
    const updateColumns = options.updateOnDuplicate.map((name) => {
      if (definition.attribute(name)) return definition.columnOf(name);
      if (definition.attributeByColumn.has(name)) return name;
      throw unknownAttribute(definition, name, 'updateOnDuplicate');
    });
    conflict = { action: 'update', target: conflictTarget(model, attributes, options.conflictAttributes), columns: updateColumns };
  }
  const primaryKey = definition.primaryKeyAttributes[0];
  const wantsKeys = primaryKey !== undefined && definition.attributes[primaryKey]!.autoIncrement && !attributes.includes(primaryKey);
  const matchBy = options.ignoreDuplicates ? conflictTarget(model, attributes, options.conflictAttributes).map((column) => definition.attributeByColumn.get(column) ?? column) : undefined;
  const readsAll = options.returning === true || !dialect.supports.insertReadsBackKeysOnly || holdsFragment(instances.map((instance) => instance.dataValues), attributes);
  // Where an INSERT reads back whole rows (as `create` does there), every record gets the columns it left unset.
  const returning = dialect.supports.insertReturning && (wantsKeys || options.returning === true || !dialect.supports.insertReadsBackKeysOnly)
    ? (readsAll ? true : [...new Set([primaryKey!, ...(matchBy ?? [])])])
    : false;
  return { instances, attributes, conflict, returning, wantsKeys, matchBy };
}

/** Copies returned rows onto the instances: by position, or by unique values when some rows were skipped. */
function applyReturned(model: ModelClass, group: InsertGroup, batch: ModelInstance[], rows: Record<string, unknown>[]): void {
  const definition = model.definition;
  const dialect = model.host.queryRunner.dialect;
  const values = rows.map((row) => rowToAttributes(definition, dialect, row));
  if (!group.matchBy && values.length === batch.length) {
    values.forEach((row, index) => Object.assign(batch[index]!.dataValues, row));
    return;
  }
  const keyOf = (source: Record<string, unknown>) => JSON.stringify(group.matchBy!.map((name) => String(source[name])));
  if (!group.matchBy || group.matchBy.length === 0) return;
  const byKey = new Map(batch.map((instance) => [keyOf(instance.dataValues), instance]));
  for (const row of values) {
    const instance = byKey.get(keyOf(row));
    if (instance) Object.assign(instance.dataValues, row);
  }
}

/** The INSERTs of a bulkCreate: multi-row statements in batches, all in one transaction when there are several. */
export async function insertInstances(model: ModelClass, instances: ModelInstance[], options: BulkCreateOptions): Promise<void> {
  const runner = model.host.queryRunner;
  const dialect = runner.dialect;
  const definition = model.definition;
  const primaryKey = definition.primaryKeyAttributes[0];
  const context = tableContext(model);
  const work = groupsOf(model, instances).map((groupInstances) => {
    const group = planGroup(model, groupInstances, options);
    const rowsPerStatement = Math.max(1, Math.min(1000, Math.floor(dialect.supports.maxParameters / Math.max(1, group.attributes.length))));
    return { group, batches: chunk(groupInstances, rowsPerStatement) };
  });
  const insertAll = async (transaction: unknown) => {
    for (const { group, batches } of work) {
      for (const batch of batches) {
        const compiled = compileInsert(model, group.attributes, batch.map((instance) => instance.dataValues), context, { returning: group.returning, conflict: group.conflict });
        const result = await runner.run(compiled, { ...runOptions(options, group.returning !== false), transaction: transaction as never });
        if (group.returning) applyReturned(model, group, batch, result.rows);
        else if (group.wantsKeys && group.conflict) {
          await readBackKeys(model, batch, conflictTarget(model, group.attributes, options.conflictAttributes),
            { transaction, logging: options.logging, insertId: result.insertId, skipped: group.conflict.action === 'nothing' });
        } else if (group.wantsKeys && result.insertId !== undefined && !options.ignoreDuplicates && !options.updateOnDuplicate) {
          // MySQL reports the first id of a multi-row insert; the rest follow it.
          const first = Number(result.insertId);
          batch.forEach((instance, index) => {
            instance.dataValues[primaryKey!] = first + index;
          });
        }
      }
    }
  };
  if (work.reduce((count, { batches }) => count + batches.length, 0) > 1) await model.host.transactionWith(options, insertAll);
  else await insertAll(options.transaction);
}
