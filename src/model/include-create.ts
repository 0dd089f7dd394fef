import { AggregateError, BulkRecordError, UsageError } from '../errors/usage-errors.js';
import { withAllExpanded } from '../query/include-all.js';
import { associationOf, planIncludes, type IncludeModel, type IncludeNode } from '../query/include-plan.js';
import { isPlainObject, toArray } from '../utils/object.js';
import { setIncluded, type Instance } from './include-load.js';
import type { SetOptions } from './instance-accessors.js';
import { resetChanges, type InstanceState } from './instance-values.js';
import type { ModelClass } from './model-internals.js';
import { bulkCreate } from './writers.js';

/*
 * `Model.build(values, { include })` builds the included values as instances of their models, and
 * `Model.create(values, { include })` saves the tree inside one transaction, set-based: belongsTo targets
 * first (their keys go into the parent), then the parent, then one multi-row INSERT per association level
 * for hasOne/hasMany children, and for belongsToMany one INSERT of the new targets and one of the join rows.
 */

type Build = new (values: Record<string, unknown>, options: Record<string, unknown>) => Instance;
type Saving = Instance & { save(options: Record<string, unknown>): Promise<unknown> };
type WithState = { _stateOf(instance: unknown): InstanceState };

function isInstanceOf(value: unknown, model: IncludeModel): value is Instance {
  return value !== null && typeof value === 'object' && 'dataValues' in value && (value.constructor as { name?: string }).name === model.name;
}

/** The include item of `options.include` that names `association`, if any (`{ all: true }` expanded, as v6 builds with it). */
function includeItemFor(model: IncludeModel, include: unknown, as: string): { item: unknown; model: IncludeModel } | undefined {
  for (const item of withAllExpanded(model, include)) {
    const resolved = associationOf(model, item);
    if (resolved.association.as === as) return { item, model: resolved.model };
  }
  return undefined;
}

function buildChild(target: IncludeModel, value: unknown, include: unknown, throughModel: IncludeModel | undefined): Instance {
  if (isInstanceOf(value, target)) return value;
  if (!isPlainObject(value)) throw new UsageError(`Cannot build an included ${target.name} from ${String(value)}: expected an object of values or a ${target.name} instance.`);
  const { [throughModel?.name ?? '']: link, ...values } = value;
  const child = new (target as unknown as Build)(throughModel ? values : value, { isNewRecord: true, ...(include !== undefined ? { include } : {}) });
  if (throughModel && isPlainObject(link)) setIncluded(child, throughModel.name, new (throughModel as unknown as Build)(link, { isNewRecord: true }));
  return child;
}

/** `build(values, { include })` of a model that is not associated is an EagerLoadingError, as in v6 (nested too). */
export function checkIncludes(model: IncludeModel, include: unknown): void {
  for (const item of toArray(include)) {
    if (isPlainObject(item) && item['all']) continue;
    const resolved = associationOf(model, item);
    if (isPlainObject(item) && item['include'] !== undefined) checkIncludes(resolved.model, item['include']);
  }
}

/** Installed as the models' include setter: `set(as, values)` while building with `include` makes instances. */
export function buildIncluded(instance: { constructor: unknown }, key: string, value: unknown, options: SetOptions): boolean {
  if (options.include === undefined) return false;
  const model = instance.constructor as IncludeModel;
  if (!model.associations?.[key]) return false;
  const found = includeItemFor(model, options.include, key);
  if (!found) return false;
  const association = model.associations[key] as { isMultiAssociation: boolean; through?: { model: IncludeModel } };
  const nested = isPlainObject(found.item) ? found.item['include'] : undefined;
  const throughModel = association.through?.model;
  let built: unknown;
  if (association.isMultiAssociation) built = toArray(value as unknown[]).map((item) => buildChild(found.model, item, nested, throughModel));
  else built = value === null || value === undefined ? null : buildChild(found.model, value, nested, undefined);
  setIncluded(instance as Instance, key, built);
  return true;
}

function attributeValues(instance: Instance): Record<string, unknown> {
  const definition = (instance.constructor as unknown as ModelClass).definition;
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(instance.dataValues)) if (definition.attributes[key]) values[key] = value;
  return values;
}

/**
 * Under `create`, v6 saves each included record with `save()`, which sets updatedAt before createdAt: the values
 * coming back are added in that order, so a created tree's toJSON lists its keys as v6's does.
 */
function savedValues(model: ModelClass, values: Record<string, unknown>): Record<string, unknown> {
  const { createdAt, updatedAt } = model.definition.timestamps;
  if (!createdAt || !updatedAt || !(createdAt in values) || !(updatedAt in values)) return values;
  const { [createdAt]: created, [updatedAt]: updated, ...rest } = values;
  return { ...rest, [updatedAt]: updated, [createdAt]: created };
}

/** One multi-row INSERT for a level of new instances; generated keys and timestamps flow back into them. */
async function insertLevel(model: ModelClass, instances: readonly Instance[], options: Record<string, unknown>, one: boolean, rootOptions?: Record<string, unknown>): Promise<void> {
  const fresh = instances.filter((instance) => instance.isNewRecord);
  if (fresh.length === 0) return;
  const levelOptions = rootOptions ?? { transaction: options['transaction'], logging: options['logging'], validate: true, individualHooks: options['hooks'] !== false, hooks: options['hooks'] as boolean | undefined };
  const created = (await bulkCreate(model, fresh.map(attributeValues), levelOptions)) as Instance[];
  fresh.forEach((instance, index) => {
    const values = created[index]!.dataValues;
    Object.assign(instance.dataValues, one ? savedValues(model, values) : values);
    instance.isNewRecord = false;
    resetChanges((model as unknown as WithState)._stateOf(instance));
  });
}

/**
 * v6's `save()` sets a belongsTo include's key on its record after the record's timestamps: where the key was not
 * among the values before, it goes last again (joinery sets it before the INSERT, which needs it).
 */
function moveSetKeysLast(instances: readonly Instance[], nodes: readonly IncludeNode[], before: ReadonlyArray<ReadonlySet<string>>): void {
  instances.forEach((instance, index) => {
    for (const node of nodes) {
      const key = node.keys.parentKey;
      if (before[index]!.has(key) || !(key in instance.dataValues)) continue;
      const value = instance.dataValues[key];
      delete instance.dataValues[key];
      instance.dataValues[key] = value;
    }
  });
}

function includedOf(instances: readonly Instance[], node: IncludeNode): Array<{ parent: Instance; child: Instance }> {
  const pairs: Array<{ parent: Instance; child: Instance }> = [];
  for (const parent of instances) {
    const value = parent.dataValues[node.as];
    for (const child of toArray(value as Instance | Instance[] | null)) if (child) pairs.push({ parent, child });
  }
  return pairs;
}

/**
 * Saves one level of the tree; `root` says how the first level is written (one save, or the caller's bulkCreate),
 * `one` whether the tree is a `create`'s (v6 saves its records one by one) or a `bulkCreate`'s.
 */
async function saveLevel(model: ModelClass, instances: readonly Instance[], nodes: readonly IncludeNode[], options: Record<string, unknown>, one: boolean, root?: 'save' | Record<string, unknown>): Promise<void> {
  const owners = nodes.filter((item) => item.association.associationType === 'BelongsTo');
  const before = one && owners.length > 0 ? instances.map((instance) => new Set(Object.keys(instance.dataValues))) : undefined;
  for (const node of owners) {
    const pairs = includedOf(instances, node);
    await saveLevel(node.model as unknown as ModelClass, pairs.map((pair) => pair.child), node.children, options, one);
    for (const { parent, child } of pairs) parent.set(node.keys.parentKey, child.get(node.keys.childKey, { raw: true }));
  }
  if (root === 'save') for (const instance of instances) await (instance as Saving).save({ ...options, include: undefined });
  else await insertLevel(model, instances, options, one, root);
  if (before) moveSetKeysLast(instances, owners, before);
  for (const node of nodes.filter((item) => item.association.associationType === 'HasOne' || item.association.associationType === 'HasMany')) {
    const pairs = includedOf(instances, node);
    for (const { parent, child } of pairs) child.set(node.keys.childKey, parent.get(node.keys.parentKey, { raw: true }));
    await saveLevel(node.model as unknown as ModelClass, pairs.map((pair) => pair.child), node.children, options, one);
  }
  for (const node of nodes.filter((item) => item.keys.through !== undefined)) {
    const through = node.keys.through!;
    const pairs = includedOf(instances, node);
    await saveLevel(node.model as unknown as ModelClass, [...new Set(pairs.map((pair) => pair.child))], node.children, options, one);
    if (pairs.length === 0) continue;
    const links = pairs.map(({ parent, child }) => {
      const given = child.dataValues[through.model.name] as Instance | undefined;
      return { ...(given ? attributeValues(given) : {}), [through.foreignKey]: parent.get(node.keys.parentKey, { raw: true }), [through.otherKey]: child.get(node.keys.childKey, { raw: true }) };
    });
    await bulkCreate(through.model as unknown as ModelClass, links, { transaction: options['transaction'], logging: options['logging'] });
  }
}

/** `create(values, { include })`: the instance and everything included in it, atomically. */
export async function createWithIncludes(model: ModelClass, instance: Instance, options: Record<string, unknown>): Promise<Instance> {
  const tree = planIncludes(model as unknown as IncludeModel, options['include'], model.host.queryRunner.dialect);
  try {
    return await model.host.transactionWith(options, async (transaction) => {
      await saveLevel(model, [instance], tree, { ...options, transaction }, true, 'save');
      return instance;
    });
  } catch (error) {
    // v6 saves included records one by one, so a failing one rejects with its own error (a ValidationError),
    // not the AggregateError of the multi-row INSERT used here.
    const first = error instanceof AggregateError ? error.errors[0] : undefined;
    throw first instanceof BulkRecordError ? first.errors : (first ?? error);
  }
}

/** `bulkCreate(records, { include })`: the records in one INSERT, then each included level in one more. */
export async function bulkCreateWithIncludes(model: ModelClass, instances: Instance[], options: Record<string, unknown>): Promise<Instance[]> {
  const tree = planIncludes(model as unknown as IncludeModel, options['include'], model.host.queryRunner.dialect);
  return model.host.transactionWith(options, async (transaction) => {
    await saveLevel(model, instances, tree, { ...options, transaction }, false, { ...options, include: undefined, transaction });
    return instances;
  });
}
