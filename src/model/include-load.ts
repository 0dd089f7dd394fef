import { isVirtual } from '../metadata/attributes.js';
import type { FindOptions } from '../query/find-options.js';
import { levelOrder, splitOrder } from '../query/include-order.js';
import { linkName, type IncludeNode } from '../query/include-plan.js';
import { levelSelect, parentKeyColumn } from '../query/include-sql.js';
import { chunk } from '../utils/object.js';
import type { ModelClass, ModelInstance } from './model-internals.js';
import { readOptions } from './query-scope.js';
import { jsonShape, readJsonLevel } from './include-json.js';
import { rowConverter, rowReader, type DriverRow } from './row-mapper.js';
import type { SelectedColumn } from '../query/select-builder.js';

/*
 * Loads include levels: one keyed query per level (`WHERE fk IN (…)`, in chunks the dialect's parameter limit
 * allows), rows grouped by their parent key in one pass, each parent handed its own list. belongsToMany reads
 * the join table and the targets in one query (a row per link, never a product), so each target carries its
 * own join row as `friend.friendship`.
 */

export type Instance = ModelInstance & {
  _options: Record<string, unknown>;
  get(key: string, options?: Record<string, unknown>): unknown;
  toJSON(): Record<string, unknown>;
};

type Build = new (values: Record<string, unknown>, options: Record<string, unknown>) => Instance;

const byKey = (column: SelectedColumn) => column.key;
const byAttribute = (column: SelectedColumn) => column.attribute!;

// Not frozen: save() writes isNewRecord = false into it, which it already is.
// `included`: shows the target's getterMethods, as v6's included instances do.
const hydrated = { isNewRecord: false, raw: true, included: true };

/** Keys compare by their text: drivers may hand a BIGINT back as a string on one side and a number on the other. */
export function keyOf(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (value instanceof Date) return value.getTime();
  return String(value);
}

/** Sequelize exposes an include both as `get(as)` and as the property `instance[as]`. */
export function setIncluded(instance: Instance, as: string, value: unknown): void {
  instance.dataValues[as] = value;
  (instance as unknown as Record<string, unknown>)[as] = value;
}

/** The parent attributes that loading `nodes` reads. */
export function neededKeys(nodes: readonly IncludeNode[]): string[] {
  return [...new Set(nodes.filter(isLoaded).map((node) => node.keys.parentKey))];
}

/**
 * The root's `attributes` with the parent keys its includes are stitched by added, and which were added
 * (`stripAdded` takes them off the instances again, as Sequelize never selected them).
 */
export function withNeededKeys(attributes: FindOptions['attributes'], needed: readonly string[]): { attributes: FindOptions['attributes']; added: string[] } {
  if (Array.isArray(attributes)) {
    const added = needed.filter((name) => !(attributes as unknown[]).includes(name));
    return { attributes: [...attributes, ...added], added };
  }
  if (attributes && typeof attributes === 'object') {
    const exclude = (attributes as { exclude?: string[] }).exclude ?? [];
    const added = needed.filter((name) => exclude.includes(name));
    return { attributes: { ...attributes, exclude: exclude.filter((name) => !added.includes(name)) }, added };
  }
  return { attributes, added: [] };
}

/**
 * The keys an instance found with `attributes` shows in get()/toJSON(): the selected columns plus the VIRTUAL
 * attributes asked for, by name or by not being excluded, as Sequelize keeps them.
 */
export function shownAttributes(model: Pick<ModelClass, 'definition'>, attributes: NonNullable<FindOptions['attributes']>, selected: string[]): string[] {
  const definition = model.definition;
  const virtualNames = Object.keys(definition.attributes).filter((name) => isVirtual(definition.attributes[name]!));
  if (virtualNames.length === 0) return selected;
  const asked = Array.isArray(attributes)
    ? virtualNames.filter((name) => attributes.includes(name))
    : virtualNames.filter((name) => !((attributes as { exclude?: readonly string[] }).exclude ?? []).includes(name));
  return [...selected, ...asked.filter((name) => !selected.includes(name))];
}

/** `attributes: []` without nested includes loads nothing: Sequelize sets no key on the parent then. */
export function isLoaded(node: IncludeNode): boolean {
  return !(node.noAttributes && node.children.length === 0);
}

export function stripAdded(instances: readonly Instance[], added: readonly string[]): void {
  if (added.length === 0) return;
  for (const instance of instances) for (const name of added) delete instance.dataValues[name];
}

/** Loads the levels a root where on to-many included columns filters (model/include-joined-load.ts). */
export interface LevelLoader {
  handles(node: IncludeNode): boolean;
  load(parents: readonly Instance[], node: IncludeNode, pushed: readonly unknown[] | undefined, options: FindOptions): Promise<unknown[]>;
}

/** Loads every include of `nodes` for `parents` and sets it on them; `pushed` holds order items from the level above. */
export async function loadLevels(parents: readonly Instance[], nodes: readonly IncludeNode[], pushed: Map<IncludeNode, unknown[]>, options: FindOptions, joined?: LevelLoader): Promise<void> {
  for (const node of nodes) {
    if (!isLoaded(node)) continue;
    const values = joined?.handles(node) ? await joined.load(parents, node, pushed.get(node), options) : await loadNode(parents, node, pushed.get(node), options);
    parents.forEach((parent, index) => setIncluded(parent, node.as, values[index]));
  }
}

/** The value each parent gets for one include (an instance, null, or a list), aligned with `parents`. */
export async function loadNode(parents: readonly Instance[], node: IncludeNode, pushed: readonly unknown[] | undefined, options: FindOptions): Promise<unknown[]> {
  const parentKeys = new Map<unknown, unknown>();
  for (const parent of parents) {
    const value = parent.dataValues[node.keys.parentKey];
    const key = keyOf(value);
    if (key !== undefined && !parentKeys.has(key)) parentKeys.set(key, value);
  }
  const groups = new Map<unknown, Instance[]>();
  if (parentKeys.size > 0) await loadRows(node, [...parentKeys.values()], pushed, options, groups);
  // `through: { unique: false }` lets a pair link twice; v6 folds a target's joined rows into one.
  if ((node.association['through'] as { unique?: boolean } | undefined)?.unique === false && !options.raw) for (const list of groups.values()) onePerTarget(node, list);
  return parents.map((parent) => {
    const list = groups.get(keyOf(parent.dataValues[node.keys.parentKey])) ?? [];
    if (!node.isMany) return list[0] ?? null;
    // slice() here and Array.of in loadRows, not array literals: V8 may pretenure a literal's allocation site,
    // and these lists in old space (garbage once the caller is done) keep the young instances they hold alive
    // through later scavenges. Measured: with literals the include workload took ~30 or ~55 ms depending on the
    // process (always ~30 with --no-allocation-site-pretenuring); without them, ~30.
    return list.slice();
  });
}

function onePerTarget(node: IncludeNode, list: Instance[]): void {
  const keys = node.model.definition.primaryKeyAttributes;
  if (list.length < 2) return;
  const at = new Map<string, number>();
  let kept = 0;
  for (const child of list) {
    // The target's key, else the join row's key to it; with neither read, a row cannot be told from another: it stays.
    const values = keys.map((name) => keyOf(child.dataValues[name]));
    const link = child.dataValues[linkName(node)] as Instance | undefined;
    const key = keys.length > 0 && !values.includes(undefined) ? values.join('\u0000') : link ? keyOf(link.dataValues[node.keys.through!.otherKey]) as string | undefined : undefined;
    const index = key === undefined ? undefined : at.get(key);
    // The target keeps its first place and, as v6's merge of the joined rows leaves it, the last join row.
    if (index !== undefined) list[index] = child;
    else {
      if (key !== undefined) at.set(key, kept);
      list[kept++] = child;
    }
  }
  list.length = kept;
}

async function loadRows(node: IncludeNode, keys: unknown[], pushed: readonly unknown[] | undefined, options: FindOptions, groups: Map<unknown, Instance[]>): Promise<Instance[]> {
  const target = node.model as unknown as Build;
  const host = (node.model as unknown as ModelClass).host;
  const runner = host.queryRunner;
  const dialect = runner.dialect;
  const order = splitOrder(levelOrder(pushed, node.order), { model: node.model, context: node.context, nodes: node.children, parentAlias: node.alias, through: node.keys.through });
  const needed = neededKeys(node.children);
  const through = node.keys.through;
  const Through = through?.model as unknown as Build | undefined;
  const attachThrough = through !== undefined && (node.throughAttributes === undefined || node.throughAttributes.length > 0);
  const restrict = node.attributes !== undefined;
  const children: Instance[] = [];
  let added: readonly string[] = [];
  const size = Math.max(1, dialect.supports.maxParameters - 100);
  const json = dialect.jsonRows;
  const linkKey = attachThrough ? linkName(node) : undefined;
  // Rows of one parent usually come together: the previous row's list is reused without a lookup.
  let lastKey: unknown;
  let lastList: Instance[] | undefined;
  const group = (rawKey: unknown, child: Instance) => {
    children.push(child);
    if (lastList !== undefined && rawKey === lastKey && typeof rawKey !== 'object') {
      lastList.push(child);
      return;
    }
    const key = keyOf(rawKey);
    let list = groups.get(key);
    if (list) list.push(child);
    else groups.set(key, (list = Array.of(child)));
    lastKey = rawKey;
    lastList = list;
  };
  for (const part of chunk(keys, size)) {
    const select = levelSelect(node, part, needed, order.orderBy);
    added = select.added;
    const compiled = dialect.compiler.compile(select.node);
    const names = restrict ? shownAttributes(node.model, node.attributes!, select.columns.map((column) => column.key)) : undefined;
    // Shared by every row of the level: hydrated instances only read their build options.
    const childOptions = names ? { isNewRecord: false, raw: true, attributes: names } : hydrated;
    const shape = json && jsonShape(json, select, node.model.definition, linkKey ? { definition: through!.model.definition, key: linkKey } : undefined);
    const level = json && shape ? await readJsonLevel(runner, json, compiled, select, shape, readOptions(options)) : undefined;
    if (level) {
      // The parsed objects are the values: only the types that need it are converted, in place.
      const convertChild = rowConverter(node.model.definition, dialect, select.columns);
      const convertLink = linkKey ? rowConverter(through!.model.definition, dialect, select.throughColumns.map(({ attribute }) => ({ key: attribute!, attribute }))) : undefined;
      for (let index = 0; index < level.objects.length; index += 1) {
        const child = new target(convertChild(level.objects[index]!), childOptions);
        if (convertLink) setIncluded(child, linkKey!, new Through!(convertLink(child.dataValues[linkKey!] as Record<string, unknown>), hydrated));
        group(level.keys[index], child);
      }
      continue;
    }
    // Array rows where the driver has them: a level is many rows, and arrays cost the driver half as much.
    // Columns come in select order: the child's, the join row's, then the parent key.
    const arrays = dialect.supports.arrayRows;
    const rows: readonly DriverRow[] = arrays ? await runner.arrays(compiled, readOptions(options)) : await runner.rows(compiled, readOptions(options));
    const readChild = arrays
      ? rowReader(node.model.definition, dialect, select.columns, byKey, 0)
      : rowReader(node.model.definition, dialect, select.columns, byKey);
    const readLink = !linkKey ? undefined : arrays
      ? rowReader(through!.model.definition, dialect, select.throughColumns, byAttribute, select.columns.length)
      : rowReader(through!.model.definition, dialect, select.throughColumns, byAttribute);
    const parentKeyAt: string | number = arrays ? select.columns.length + select.throughColumns.length : parentKeyColumn;
    for (const row of rows) {
      const child = new target(readChild(row), childOptions);
      if (readLink) setIncluded(child, linkKey!, new Through!(readLink(row), hydrated));
      group((row as Readonly<Record<string | number, unknown>>)[parentKeyAt], child);
    }
  }
  if (node.children.length > 0 && children.length > 0) {
    await loadLevels(children, node.children, order.pushed, options);
    for (const child of children) child._options = { ...child._options, include: node.children.map((item) => item.item), includeNames: node.children.map((item) => item.as) };
  }
  stripAdded(children, added);
  return children;
}
