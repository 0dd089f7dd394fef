import type { Association, AssociationOptions } from '../associations/association.js';
import { BelongsToMany, type BelongsToManyOptions } from '../associations/belongs-to-many.js';
import { BelongsTo } from '../associations/belongs-to.js';
import { HasMany, HasOne } from '../associations/has-many.js';
import { AssociationError } from '../errors/usage-errors.js';
import { belongsToManyAccessors } from './accessors/belongs-to-many.js';
import { hasManyAccessors } from './accessors/has-many.js';
import { belongsToAccessors, hasOneAccessors } from './accessors/single.js';
import { refreshAttributeAccessors } from './model-init.js';
import type { ModelClass } from './model-internals.js';

interface DefiningHost {
  define(name: string, attributes: Record<string, unknown>, options: Record<string, unknown>): ModelClass;
  isDefined(name: string): boolean;
  model(name: string): ModelClass;
}

/** Which association generated an accessor function. */
const generatedBy = new WeakMap<object, Association>();

function register(source: ModelClass, association: Association, accessors: Record<string, unknown>): void {
  if (!Object.prototype.hasOwnProperty.call(source, 'associations')) source.associations = {};
  source.associations[association.as] = association;
  for (const [name, fn] of Object.entries(accessors)) {
    // As in v6, a method already there keeps its place: one the model class defines itself, and one an earlier
    // association of the model generated (Pug.hasMany(Pug) then Pug.belongsTo(Pug): createPug stays the hasMany's).
    // One generated for an association the model no longer has (the class was init'ed again) gives way.
    const own = Object.getOwnPropertyDescriptor(source.prototype, name);
    const generator = own ? generatedBy.get(own.value as object) : undefined;
    if (own && (!generator || Object.values(source.associations).includes(generator))) continue;
    generatedBy.set(fn as object, association);
    Object.defineProperty(source.prototype, name, { value: fn, configurable: true, writable: true, enumerable: false });
  }
  if (association.options.hooks) runAssociateHooks(source, 'afterAssociate', { source, target: association.target, type: association.constructor, association }, association.options);
}

function runAssociateHooks(source: ModelClass, name: string, ...args: unknown[]): void {
  source.host.hooksRegistry.runSync(name, ...args);
  source.hooksRegistry.runSync(name, ...args);
}

/** The alias the association will register under, known before anything is added to either model. */
function aliasOf(target: ModelClass, options: AssociationOptions, multiple: boolean): string {
  const as = options.as;
  if (as === undefined) return multiple ? target.definition.names.plural : target.definition.names.singular;
  if (typeof as === 'string') return as;
  return multiple ? as.plural : as.singular;
}

/** Everything that can be wrong with an association, checked before either model changes. */
function prepare(source: ModelClass, target: unknown, options: AssociationOptions, kind: string, type: unknown): ModelClass {
  const model = checkTarget(source, target, kind);
  const as = aliasOf(model, options, kind === 'hasMany' || kind === 'belongsToMany');
  const existing = Object.prototype.hasOwnProperty.call(source, 'associations') ? source.associations[as] : undefined;
  // As v6, only an alias given twice is refused: an association declared again without `as` (an `associate`
  // run twice) replaces the one of that name.
  if (existing && options.as !== undefined) {
    throw new AssociationError(`You have used the alias ${as} in two separate associations of ${source.name}. Aliased associations must have unique aliases.`);
  }
  if (source.definition.attribute(as)) {
    throw new AssociationError(`Naming collision between attribute '${as}' and association '${as}' on model ${source.name}. To remedy this, change either foreignKey or as in your association definition`);
  }
  if (options.hooks) runAssociateHooks(source, 'beforeAssociate', { source, target: model, type }, options);
  return model;
}

function checkTarget(source: ModelClass, target: unknown, kind: string): ModelClass {
  if (typeof target !== 'function' || !(target as ModelClass).definition) {
    throw new AssociationError(`${source.name}.${kind} called with something that's not a subclass of Sequelize.Model (got ${String(target)}): pass a model defined with sequelize.define or Model.init.`);
  }
  return target as ModelClass;
}

export function belongsTo(source: ModelClass, target: unknown, options: AssociationOptions = {}): BelongsTo {
  const association = new BelongsTo(source, prepare(source, target, options, 'belongsTo', BelongsTo), options);
  refreshAttributeAccessors(source);
  register(source, association, belongsToAccessors(association));
  return association;
}

export function hasOne(source: ModelClass, target: unknown, options: AssociationOptions = {}): HasOne {
  const model = prepare(source, target, options, 'hasOne', HasOne);
  const association = new HasOne(source, model, options);
  refreshAttributeAccessors(model);
  register(source, association, hasOneAccessors(association));
  return association;
}

export function hasMany(source: ModelClass, target: unknown, options: AssociationOptions = {}): HasMany {
  const model = prepare(source, target, options, 'hasMany', HasMany);
  const association = new HasMany(source, model, options);
  refreshAttributeAccessors(model);
  register(source, association, hasManyAccessors(association));
  return association;
}

/** `through` may name a table (the join model is defined on first use, then shared by both sides) or be a model. */
function resolveThrough(source: ModelClass, target: ModelClass, options: Record<string, unknown>): BelongsToManyOptions['through'] {
  const given = options['through'];
  if (given === undefined || given === null || given === true) {
    throw new AssociationError(`${source.name}.belongsToMany(${target.name}) requires a "through" option: a join table name ({ through: 'friendship' }) or a model.`);
  }
  const spec = (typeof given === 'object' && given !== null && 'model' in given ? given : { model: given }) as { model: unknown; unique?: boolean; scope?: Record<string, unknown>; paranoid?: boolean };
  let model = spec.model;
  if (typeof model === 'string') {
    const host = source.host as unknown as DefiningHost;
    model = host.isDefined(model)
      ? host.model(model)
      : host.define(model, {}, {
          tableName: model, timestamps: options['timestamps'] ?? (source.host.options.define?.['timestamps'] as boolean | undefined), paranoid: spec.paranoid ?? false,
          // The join model takes the source's naming: `underscored` gives it pug_id and created_at.
          underscored: source.definition.underscored, ...(source.definition.schema ? { schema: source.definition.schema } : {}),
        });
  }
  if (typeof model !== 'function' || !(model as ModelClass).definition) {
    throw new AssociationError(`${source.name}.belongsToMany(${target.name}) needs { through: 'table name' } or { through: Model }; got ${String(spec.model)}.`);
  }
  return { ...spec, model: model as ModelClass };
}

export function belongsToMany(source: ModelClass, target: unknown, options: Record<string, unknown> = {}): BelongsToMany {
  const model = prepare(source, target, options as AssociationOptions, 'belongsToMany', BelongsToMany);
  if (model === source && options['as'] === undefined) {
    throw new AssociationError(`${source.name}.belongsToMany(${source.name}) associates the model with itself, so it needs an alias: pass "as" (for example { as: 'friends' }) and, if you like, otherKey.`);
  }
  const host = source.host as unknown as DefiningHost;
  const throughName = typeof options['through'] === 'string' ? options['through'] : undefined;
  const definesThrough = throughName !== undefined && !host.isDefined(throughName);
  const through = resolveThrough(source, model, options);
  try {
    return associateThrough(source, model, through, options);
  } catch (error) {
    // A failed association leaves no join model behind.
    if (definesThrough) source.host.modelManager.removeModel(through.model as ModelClass);
    throw error;
  }
}

function associateThrough(source: ModelClass, model: ModelClass, through: BelongsToManyOptions['through'], options: Record<string, unknown>): BelongsToMany {
  // The second side of a pair shares the join table and, unless told otherwise, the first side's keys mirrored.
  const pair = Object.values(model.associations ?? {}).find((other): other is BelongsToMany => other instanceof BelongsToMany && other.through.model === through.model && other.target === source);
  const paired = pair && model !== source ? {
    ...(options['foreignKey'] === undefined ? { foreignKey: pair.otherKey } : {}),
    ...(options['sourceKey'] === undefined ? { sourceKey: pair.targetKey } : {}),
    ...(options['otherKey'] === undefined ? { otherKey: pair.foreignKey } : {}),
    ...(options['targetKey'] === undefined ? { targetKey: pair.sourceKey } : {}),
  } : {};
  const association = new BelongsToMany(source, model, { ...options, ...paired, through } as BelongsToManyOptions);
  refreshAttributeAccessors(through.model as ModelClass);
  for (const other of Object.values(model.associations ?? {})) {
    if (other instanceof BelongsToMany && other.through.model === through.model && other.target === source && other.foreignKey === association.otherKey) {
      association.paired = other;
      other.paired = association;
    }
  }
  register(source, association, belongsToManyAccessors(association));
  return association;
}

/** The source's associations to `target` (by model name, as Sequelize compares them). */
export function getAssociations(source: ModelClass, target: unknown): Association[] {
  const name = (target as { name?: string } | undefined)?.name;
  return (Object.values(source.associations ?? {}) as Association[]).filter((association) => association.target.name === name);
}

export function getAssociationForAlias(source: ModelClass, target: unknown, alias: string | { singular?: string; plural?: string } | undefined): Association | null {
  return getAssociations(source, target).find((association) => association.verifyAssociationAlias(alias)) ?? null;
}
