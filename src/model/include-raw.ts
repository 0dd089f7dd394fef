import { linkName, type IncludeNode } from '../query/include-plan.js';
import { nestDottedKeys } from '../utils/object.js';
import { isLoaded, type Instance } from './include-load.js';
import type { ModelClass } from './model-internals.js';

/*
 * `raw: true` with includes, in Sequelize's shape: one flat row per combination of a root row with its
 * included rows (what its join returns), included columns keyed by their path (`friends.name`,
 * `friends.friendship.pugId`), nulls where a parent has none; `nest: true` turns those paths into nested
 * objects. The rows are built from the loaded tree, so the database still never returns the product.
 */

type Flat = Record<string, unknown>;

/** The primary keys missing from a listed selection, in the order v6 puts them in front (it unshifts each in turn). */
function missingKeys(keys: readonly string[], listed: readonly unknown[]): string[] {
  const names = (item: unknown) => (Array.isArray(item) ? item[1] : item);
  return keys.filter((key) => !listed.some((item) => names(item) === key)).reverse();
}

/**
 * v6 with `raw: true` selects the primary key of an include below the top level, and of every join row, when its
 * attributes are listed without it (`friends.friendship.pugId` beside `through: { attributes: ['level'] }`,
 * `toys.parts.id` beside `attributes: ['name']`); the includes of the root read exactly what they list.
 */
export function withRawKeys(nodes: readonly IncludeNode[], nested = false): IncludeNode[] {
  return nodes.map((node) => {
    const keys = node.model.definition.primaryKeyAttributes;
    let attributes = node.attributes;
    if (nested && Array.isArray(attributes) && attributes.length > 0) attributes = [...missingKeys(keys, attributes), ...attributes];
    else if (nested && attributes && !Array.isArray(attributes)) {
      const exclude = (attributes as { exclude?: readonly string[] }).exclude;
      if (exclude) attributes = { ...attributes, exclude: exclude.filter((name) => !keys.includes(name)) };
    }
    const through = node.keys.through?.model.definition.primaryKeyAttributes;
    const listed = node.throughAttributes;
    const throughAttributes = through && listed && listed.length > 0 ? [...missingKeys(through, listed), ...listed] : listed;
    return { ...node, attributes, throughAttributes, children: withRawKeys(node.children, true) };
  });
}

/** An instance's values as v6's raw rows show them: the driver's form for the types it leaves unparsed there. */
function ownValues(instance: Instance, hidden: ReadonlySet<string>, prefix: string): Flat {
  const model = instance.constructor as ModelClass;
  const types = model.host.queryRunner.dialect.types;
  const values: Flat = {};
  for (const [key, value] of Object.entries(instance.dataValues)) {
    if (hidden.has(key)) continue;
    const attribute = model.definition.attributes[key];
    values[prefix + key] = attribute === undefined || value === null || value === undefined ? value : types.rawRowValue(attribute.type, value);
  }
  return values;
}

function attributeNames(node: IncludeNode): string[] {
  const definition = node.model.definition;
  const attributes = node.attributes;
  if (Array.isArray(attributes)) return attributes.map((item) => (Array.isArray(item) ? String(item[1]) : String(item)));
  const exclude = (attributes as { exclude?: string[] } | undefined)?.exclude ?? [];
  return definition.columnAttributes.filter((name) => !exclude.includes(name));
}

function nullsFor(node: IncludeNode, prefix: string): Flat {
  const values: Flat = {};
  for (const name of attributeNames(node)) values[prefix + name] = null;
  const through = node.keys.through;
  if (through && (node.throughAttributes === undefined || node.throughAttributes.length > 0)) {
    for (const name of node.throughAttributes ?? through.model.definition.columnAttributes) values[`${prefix}${linkName(node)}.${name}`] = null;
  }
  for (const child of node.children) if (isLoaded(child)) Object.assign(values, nullsFor(child, `${prefix}${child.as}.`));
  return values;
}

function product(left: Flat[], right: Flat[]): Flat[] {
  const result: Flat[] = [];
  for (const a of left) for (const b of right) result.push({ ...a, ...b });
  return result;
}

function expand(instance: Instance, nodes: readonly IncludeNode[], prefix: string): Flat[] {
  let combinations: Flat[] = [{}];
  for (const node of nodes) {
    if (!isLoaded(node)) continue;
    const value = instance.dataValues[node.as];
    const items = (Array.isArray(value) ? value : value ? [value] : []) as Instance[];
    const path = `${prefix}${node.as}.`;
    const rows = items.length === 0 ? [nullsFor(node, path)] : items.flatMap((item) => expandItem(item, node, path));
    combinations = product(combinations, rows);
  }
  return combinations;
}

function expandItem(item: Instance, node: IncludeNode, path: string): Flat[] {
  const throughName = node.keys.through ? linkName(node) : undefined;
  const hidden = new Set(node.children.map((child) => child.as));
  if (throughName) hidden.add(throughName);
  const own = ownValues(item, hidden, path);
  const link = throughName ? (item.dataValues[throughName] as Instance | undefined) : undefined;
  if (link) Object.assign(own, ownValues(link, new Set(), `${path}${throughName}.`));
  return expand(item, node.children, path).map((nested) => ({ ...own, ...nested }));
}

export function rawRows(parents: readonly Instance[], tree: readonly IncludeNode[], nest: boolean): Flat[] {
  const hidden = new Set(tree.map((node) => node.as));
  const rows: Flat[] = [];
  for (const parent of parents) {
    const own = ownValues(parent, hidden, '');
    for (const combination of expand(parent, tree, '')) rows.push({ ...own, ...combination });
  }
  return nest ? rows.map(nestDottedKeys) : rows;
}
