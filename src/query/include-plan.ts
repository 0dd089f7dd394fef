import { Association } from '../associations/association.js';
import type { Dialect } from '../dialects/dialect.js';
import { EagerLoadingError, UsageError } from '../errors/usage-errors.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { sql, type ExprNode } from '../sql/nodes.js';
import { Op } from '../sql/operators.js';
import { isPlainObject, toArray } from '../utils/object.js';
import type { FindAttributeOptions } from './find-options.js';
import type { BuildContext } from './query-context.js';
import { selectColumns } from './select-builder.js';
import { associationsOf, baseOf, withAllExpanded } from './include-all.js';
import { buildWhere } from './where.js';

/*
 * The include tree: every `include` item resolved to its association and validated before any SQL is sent
 * (unknown models, aliases and attributes are errors here). Each node carries the SQL alias it is loaded and
 * filtered under (`friends`, `owner->pugs`, the join table as `friends->friendship`), and its `where` built
 * once as an expression over that alias.
 */

/** What the planner needs of a model class: the query layer never imports the Model class. */
export interface IncludeModel {
  readonly name: string;
  readonly definition: ModelDefinition;
  readonly associations?: Record<string, unknown>;
  readonly activeScope?: Record<string, unknown> | undefined;
  readonly baseModel?: IncludeModel;
}

export type AnyAssociation = Association & Record<string, unknown> & { target: IncludeModel; source: IncludeModel };

/** How one hop links a parent row to its included rows, by attribute names. */
export interface HopKeys {
  /** Attribute of the parent read to find the children (sourceKey, or the foreign key of a belongsTo). */
  readonly parentKey: string;
  /** Attribute on the target (hasOne/hasMany/belongsTo) that matches the parent key. */
  readonly childKey: string;
  readonly through?: { readonly model: IncludeModel; readonly foreignKey: string; readonly otherKey: string; readonly alias: string };
}

export interface IncludeNode {
  /** The include item as the caller wrote it (after `all` expansion); instances keep it for `reload()`. */
  readonly item: unknown;
  readonly association: AnyAssociation;
  readonly model: IncludeModel;
  readonly as: string;
  readonly alias: string;
  readonly keys: HopKeys;
  readonly isMany: boolean;
  readonly required: boolean;
  readonly separate: boolean;
  readonly right: boolean;
  /** `right: true` that v6 RIGHT OUTER JOINs (no `where`, or `required: false`); at the top, see include-right.ts. */
  readonly rightOuter?: boolean;
  /** The includes from a child of this one down to a nested `right: true` one, all required (include-right-sql.ts). */
  readonly rightPath?: readonly IncludeNode[];
  readonly paranoid: boolean;
  /** `through: { paranoid: false }`: soft-deleted join rows link too. */
  readonly throughParanoid?: false;
  readonly attributes: FindAttributeOptions | undefined;
  /** `attributes: []`: nothing of the target is read, and Sequelize then sets no key on the parent. */
  readonly noAttributes: boolean;
  readonly where: ExprNode | undefined;
  readonly throughWhere: ExprNode | undefined;
  readonly throughAttributes: readonly string[] | undefined;
  /** `through: { as }`: the key the join row is set under on each target, in place of the join model's name. */
  readonly throughAs?: string;
  readonly order: unknown;
  readonly limit: number | undefined;
  readonly children: IncludeNode[];
  /**
   * `on: { … }`: the join condition replacing the association's keys, over the include's alias and its
   * parent's (`pug`, `pugs`); rows are then stitched by the parent's primary key (`keys.parentKey`).
   */
  readonly on?: { readonly condition: ExprNode; readonly parent: { readonly alias: string; readonly definition: ModelDefinition } };
  readonly context: BuildContext;
  readonly throughContext: BuildContext | undefined;
}

const includeOptionNames = new Set([
  'model', 'as', 'association', 'where', 'required', 'attributes', 'include', 'through', 'separate', 'limit', 'order',
  'paranoid', 'right', 'all', 'nested', 'duplicating', 'subQuery', 'on',
]);

/**
 * As v6: without `as` only an association defined without one matches (the others need their alias), with `as`
 * the association of that alias.
 */
function byTarget(source: IncludeModel, target: IncludeModel, as: string | undefined): AnyAssociation {
  const candidates = associationsOf(source).filter((association) => baseOf(association.target) === baseOf(target));
  if (candidates.length === 0) throw EagerLoadingError.notAssociated(target, source);
  const match = candidates.find((association) => (as === undefined ? !association.isAliased : association.as === as));
  if (match) return match;
  const aliases = candidates.map((association) => association.as);
  if (as !== undefined) throw EagerLoadingError.unknownAlias(target.name, source.name, as, aliases);
  if (candidates.length > 1) throw EagerLoadingError.ambiguous(target.name, source.name, aliases);
  throw EagerLoadingError.aliasRequired(target.name, source.name, aliases[0]!);
}

export function byAlias(source: IncludeModel, as: string): AnyAssociation {
  const association = source.associations?.[as] as AnyAssociation | undefined;
  if (!association) throw EagerLoadingError.noAlias(source.name, as, Object.keys(source.associations ?? {}));
  return association;
}

/** The association an include item (or an order path step) names: a model, an alias, an association, `{ model, as }`. */
export function associationOf(source: IncludeModel, item: unknown): { association: AnyAssociation; model: IncludeModel } {
  if (item instanceof Association) return { association: item as AnyAssociation, model: (item as AnyAssociation).target };
  if (typeof item === 'function') {
    const model = item as unknown as IncludeModel;
    return { association: byTarget(source, model, undefined), model };
  }
  if (typeof item === 'string') {
    const association = byAlias(source, item);
    return { association, model: association.target };
  }
  if (isPlainObject(item)) {
    const given = item['association'];
    if (given instanceof Association) return { association: given as AnyAssociation, model: (item['model'] as IncludeModel | undefined) ?? (given as AnyAssociation).target };
    if (typeof given === 'string') {
      const association = byAlias(source, given);
      return { association, model: (item['model'] as IncludeModel | undefined) ?? association.target };
    }
    if (typeof item['model'] === 'function') {
      const model = item['model'] as unknown as IncludeModel;
      return { association: byTarget(source, model, item['as'] as string | undefined), model };
    }
    if (typeof item['as'] === 'string') {
      const association = byAlias(source, item['as']);
      return { association, model: association.target };
    }
    throw new EagerLoadingError(`Include of ${source.name} needs a model, an association or an alias: got an object with keys ${Object.keys(item).join(', ') || '(none)'}.`);
  }
  throw new EagerLoadingError(`Invalid include on ${source.name}: ${String(item)}. Expected a model, an association, an alias string or { model, as, … }.`);
}

export function hopKeys(association: AnyAssociation, alias: string): HopKeys {
  switch (association.associationType) {
    case 'BelongsTo':
      return { parentKey: association.foreignKey, childKey: association['targetKey'] as string };
    case 'HasOne':
    case 'HasMany':
      return { parentKey: association['sourceKey'] as string, childKey: association.foreignKey };
    case 'BelongsToMany': {
      const through = (association['through'] as { model: IncludeModel }).model;
      return {
        parentKey: association['sourceKey'] as string, childKey: association['targetKey'] as string,
        through: { model: through, foreignKey: association.foreignKey, otherKey: association['otherKey'] as string, alias: `${alias}->${through.name}` },
      };
    }
  }
}

function scopedWhere(model: IncludeModel, association: AnyAssociation, where: unknown): unknown {
  const parts = [model.activeScope?.['where'], association.scope, where].filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { [Op.and]: parts };
}

function plainOptions(item: unknown): Record<string, unknown> {
  return isPlainObject(item) ? item : {};
}

/**
 * `include.on`: as in v6 it replaces the association's join condition (keys relative to the include, `col('pug.x')`
 * naming the parent by its alias), and a belongsToMany include ignores it (v6 joins through the join table).
 */
function customJoin(source: IncludeModel, association: AnyAssociation, given: unknown, context: BuildContext, parentAlias: string) {
  if (given === undefined || given === null || association.associationType === 'BelongsToMany') return undefined;
  const condition = buildWhere(given, context);
  if (!condition) return undefined;
  const keys = source.definition.primaryKeyAttributes;
  if (keys.length !== 1) throw new UsageError(`include.on of ${association.target.name} on ${source.name} needs ${source.name} to have a single-column primary key: the included rows are matched to their parent by it.`);
  return { condition, parentKey: keys[0]!, parent: { alias: parentAlias, definition: source.definition } };
}

/** `through: { attributes }` as a list, or v6's `{ exclude, include }` over the join model's columns. */
function throughAttributeNames(given: unknown, definition: ModelDefinition): string[] | undefined {
  if (given === undefined || Array.isArray(given)) return given as string[] | undefined;
  if (!isPlainObject(given)) throw new UsageError(`through.attributes of ${definition.modelName} must be a list of attribute names or { exclude, include }, got ${String(given)}.`);
  const exclude = toArray(given['exclude'] as string[] | undefined);
  const extra = toArray(given['include'] as string[] | undefined);
  for (const name of [...exclude, ...extra]) {
    if (typeof name === 'string' && !definition.attribute(name)) throw new UsageError(`${definition.modelName} has no attribute "${name}" (used in through.attributes). Known attributes: ${Object.keys(definition.attributes).join(', ')}.`);
  }
  const names = definition.columnAttributes.filter((name) => !exclude.includes(name));
  return [...names, ...extra.filter((name) => !names.includes(name))];
}

/** Whether an expression names a column of the table under `alias` (`col('project.state')`). */
function refersTo(node: unknown, alias: string): boolean {
  if (Array.isArray(node)) return node.some((item) => refersTo(item, alias));
  if (node === null || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (record['kind'] === 'column' && record['table'] === alias) return true;
  return Object.values(record).some((value) => refersTo(value, alias));
}

/**
 * An include's where naming its parent's columns (`where: { state: col('project.state') }`, v6's eager-loading
 * docs): v6 evaluates it in the join, row by row. The level query then joins the parent rows on the
 * association's keys, as for `include.on`, stitched by the parent's primary key (belongsToMany: by the join row).
 */
function parentReferenceJoin(source: IncludeModel, association: AnyAssociation, keys: HopKeys, conditions: ReadonlyArray<ExprNode | undefined>, parentAlias: string, alias: string) {
  if (!conditions.some((condition) => refersTo(condition, parentAlias))) return undefined;
  const parent = { alias: parentAlias, definition: source.definition };
  const parentKey = sql.column(source.definition.columnOf(keys.parentKey), parentAlias);
  if (keys.through) {
    const through = keys.through;
    return { condition: sql.eq(sql.column(through.model.definition.columnOf(through.foreignKey), through.alias), parentKey), parentKey: keys.parentKey, parent };
  }
  const primaryKeys = source.definition.primaryKeyAttributes;
  if (primaryKeys.length !== 1) throw new UsageError(`The where of the include of ${association.target.name} on ${source.name} refers to ${parentAlias}'s columns, which needs ${source.name} to have a single-column primary key: the included rows are matched to their parent by it.`);
  const condition = sql.eq(sql.column(association.target.definition.columnOf(keys.childKey), alias), parentKey);
  return { condition, parentKey: primaryKeys[0]!, parent };
}

/** The key a belongsToMany include sets each target's join row under (`friend.friendship`, or `through.as`). */
export function linkName(node: IncludeNode): string {
  return node.throughAs ?? node.keys.through!.model.name;
}

/** Resolves the `include` option of a finder on `source` into the include tree. */
export function planIncludes(source: IncludeModel, include: unknown, dialect: Dialect, parentAlias = ''): IncludeNode[] {
  const items = withAllExpanded(source, include);
  const nodes: IncludeNode[] = [];
  for (const item of items) {
    const { association, model } = associationOf(source, item);
    const options = plainOptions(item);
    for (const key of Object.keys(options)) {
      if (!includeOptionNames.has(key)) throw new UsageError(`Unknown include option "${key}" in the include of ${model.name} on ${source.name}. Known options: ${[...includeOptionNames].join(', ')}.`);
    }
    const as = association.as;
    if (nodes.some((node) => node.as === as)) continue;
    const alias = parentAlias ? `${parentAlias}->${as}` : as;
    const context: BuildContext = { dialect, scope: { definition: model.definition, alias } };
    const associationKeys = hopKeys(association, alias);
    const throughOptions = plainOptions(options['through']);
    const throughContext = associationKeys.through ? { dialect, scope: { definition: associationKeys.through.model.definition, alias: associationKeys.through.alias } } : undefined;
    if (options['through'] !== undefined && !associationKeys.through) throw new UsageError(`Include of ${model.name} on ${source.name}: "through" only applies to belongsToMany associations.`);
    const whereOption = scopedWhere(model, association, options['where']);
    const where = buildWhere(whereOption, context);
    const throughScope = associationKeys.through ? (association['through'] as { scope?: unknown }).scope : undefined;
    const throughWhereOption = [throughScope, throughOptions['where']].filter((part) => part !== undefined);
    const throughWhere = throughContext && throughWhereOption.length > 0 ? buildWhere(throughWhereOption.length === 1 ? throughWhereOption[0] : throughWhereOption, throughContext) : undefined;
    const on = customJoin(source, association, options['on'], context, parentAlias || source.name)
      ?? parentReferenceJoin(source, association, associationKeys, [where, throughWhere], parentAlias || source.name, alias);
    const keys = on ? { ...associationKeys, parentKey: on.parentKey } : associationKeys;
    const attributes = (options['attributes'] ?? model.activeScope?.['attributes']) as FindAttributeOptions | undefined;
    // Checked now, so an unknown attribute is an error before the root query runs.
    if (attributes !== undefined) selectColumns(attributes, context);
    const throughAttributes = keys.through ? throughAttributeNames(throughOptions['attributes'], keys.through.model.definition) : undefined;
    if (throughAttributes !== undefined && keys.through) {
      for (const name of throughAttributes) {
        if (!keys.through.model.definition.attribute(name)) throw new UsageError(`${keys.through.model.name} has no attribute "${name}" (used in through.attributes of the include of ${model.name} on ${source.name}). Known attributes: ${Object.keys(keys.through.model.definition.attributes).join(', ')}.`);
      }
    }
    const separate = options['separate'] === true;
    const explicitRequired = options['required'] as boolean | undefined;
    const right = options['right'] === true;
    // As v6, the include's where makes it required, also one its model's scope brings (a defaultScope's where
    // drops the parents without a matching row); a through.where or the association's scope filters rows alone.
    const filtered = options['where'] !== undefined || model.activeScope?.['where'] !== undefined;
    const required = !separate && (right || (explicitRequired ?? filtered));
    const limit = options['limit'] as number | undefined;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw new UsageError(`Invalid limit ${String(limit)} in the include of ${model.name} on ${source.name}: expected a non-negative integer.`);
    const nestedInclude = options['include'] ?? model.activeScope?.['include'];
    const rightOuter = right && !separate && !(explicitRequired ?? filtered);
    const children = planIncludes(model, nestedInclude, dialect, alias);
    const rightChild = separate ? undefined : children.find((child) => !child.separate && (child.rightOuter || child.rightPath));
    const rightPath = rightChild ? [rightChild, ...(rightChild.rightPath ?? [])] : undefined;
    nodes.push({
      item, association, model, as, alias, keys, isMany: association.isMultiAssociation, required: required || rightPath !== undefined, separate, right,
      ...(rightOuter ? { rightOuter } : {}), ...(rightPath ? { rightPath } : {}),
      paranoid: options['paranoid'] !== false, ...(throughOptions['paranoid'] === false ? { throughParanoid: false as const } : {}), attributes, noAttributes: Array.isArray(attributes) && attributes.length === 0,
      where, throughWhere, throughAttributes, ...(typeof throughOptions['as'] === 'string' ? { throughAs: throughOptions['as'] } : {}), order: options['order'], limit,
      children,
      ...(on ? { on: { condition: on.condition, parent: on.parent } } : {}),
      context, throughContext,
    });
  }
  return nodes;
}
