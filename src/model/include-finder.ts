import type { BelongsToMany } from '../associations/belongs-to-many.js';
import type { FindOptions } from '../query/find-options.js';
import type { BuildContext } from '../query/query-context.js';
import { Op } from '../sql/operators.js';
import { chunk } from '../utils/object.js';
import { findAll } from './finders.js';
import { resolveIncludes, type ResolvedInclude } from './include-resolve.js';
import type { ModelClass, ModelInstance } from './model-internals.js';

/*
 * Eager loading strategy: one query for the root rows, then one query per include, keyed by the parent
 * keys (`WHERE fk IN (…)`), stitched to the parents through a key → rows map. Nothing is joined, so 1,000 pugs
 * with 10 friends and 10 toys each read 1,000 + 10,000 + 10,000 rows, never their 100,000-row product,
 * and `limit`/`offset` on the root count root rows by construction.
 */

export type Instance = ModelInstance & { _options: Record<string, unknown>; get(key: string, options?: Record<string, unknown>): unknown; toJSON(): Record<string, unknown> };

const keyOf = (value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

function read(instance: Instance, key: string): unknown {
  return keyOf(instance.get(key, { raw: true }));
}

/** Children for a set of parent keys, in chunks small enough for the dialect's parameter limit. */
async function childrenFor(target: ModelClass, column: string, keys: unknown[], include: ResolvedInclude, parent: FindOptions): Promise<Instance[]> {
  const unique = [...new Set(keys.filter((key) => key !== null && key !== undefined))];
  if (unique.length === 0) return [];
  const limit = Math.max(1, target.host.queryRunner.dialect.supports.maxParameters - 100);
  const results: Instance[] = [];
  for (const part of chunk(unique, limit)) {
    const where = include.where ? { [Op.and]: [{ [column]: part }, include.where] } : { [column]: part };
    let attributes = include.attributes as FindOptions['attributes'];
    if (Array.isArray(attributes) && !attributes.includes(column)) attributes = [...attributes, column];
    const options: FindOptions = {
      where, transaction: parent.transaction, logging: parent.logging, include: include.include,
      ...(attributes !== undefined ? { attributes } : {}),
      ...(include.order !== undefined ? { order: include.order } : {}),
      ...(include.paranoid !== undefined ? { paranoid: include.paranoid } : {}),
    };
    results.push(...((await findAll(target, options)) as Instance[]));
  }
  return results;
}

function group(rows: Instance[], key: string): Map<unknown, Instance[]> {
  const map = new Map<unknown, Instance[]>();
  for (const row of rows) {
    const value = read(row, key);
    const list = map.get(value);
    if (list) list.push(row);
    else map.set(value, [row]);
  }
  return map;
}

/** The value each parent gets for one include (an instance, null, or a list), aligned with `parents`. */
export async function associatedValues(parents: Instance[], include: ResolvedInclude, options: FindOptions): Promise<unknown[]> {
  const association = include.association;
  const target = association.target as unknown as ModelClass;
  switch (association.associationType) {
    case 'BelongsTo': {
      const foreignKey = association.foreignKey;
      const targetKey = association['targetKey'] as string;
      const byKey = group(await childrenFor(target, targetKey, parents.map((parent) => read(parent, foreignKey)), include, options), targetKey);
      return parents.map((parent) => byKey.get(read(parent, foreignKey))?.[0] ?? null);
    }
    case 'HasOne':
    case 'HasMany': {
      const sourceKey = association['sourceKey'] as string;
      const byKey = group(await childrenFor(target, association.foreignKey, parents.map((parent) => read(parent, sourceKey)), include, options), association.foreignKey);
      return parents.map((parent) => {
        const children = byKey.get(read(parent, sourceKey)) ?? [];
        return association.associationType === 'HasOne' ? children[0] ?? null : limitPerParent(children, include.limit);
      });
    }
    case 'BelongsToMany':
      return throughValues(parents, include, association as unknown as BelongsToMany, options);
  }
}

function limitPerParent(children: Instance[], limit: number | undefined): Instance[] {
  return limit === undefined ? children : children.slice(0, limit);
}

async function throughValues(parents: Instance[], include: ResolvedInclude, association: BelongsToMany, options: FindOptions): Promise<Instance[][]> {
  const through = association.through.model as unknown as ModelClass;
  const target = association.target as unknown as ModelClass;
  const { foreignKey, otherKey, sourceKey, targetKey } = association;
  const throughInclude: ResolvedInclude = { association: include.association, ...(include.through?.where ? { where: include.through.where } : {}) };
  const links = await childrenFor(through, foreignKey, parents.map((parent) => read(parent, sourceKey)), throughInclude, options);
  const targets = group(await childrenFor(target, targetKey, links.map((link) => read(link, otherKey)), include, options), targetKey);
  const linksByParent = group(links, foreignKey);
  const throughAttributes = include.through?.attributes;
  return parents.map((parent) => {
    const list: Instance[] = [];
    for (const link of linksByParent.get(read(parent, sourceKey)) ?? []) {
      const found = targets.get(read(link, otherKey))?.[0];
      if (!found) continue;
      // Each parent gets its own copy: the same friend carries a different join row under each pug.
      const copy = new (target as unknown as new (values: Record<string, unknown>, o: Record<string, unknown>) => Instance)({ ...found.dataValues }, { isNewRecord: false, raw: true });
      if (!throughAttributes || throughAttributes.length > 0) {
        if (throughAttributes) for (const key of Object.keys(link.dataValues)) if (!throughAttributes.includes(key)) delete link.dataValues[key];
        copy.dataValues[through.name] = link;
      }
      list.push(copy);
    }
    return limitPerParent(list, include.limit);
  });
}

function isRequired(include: ResolvedInclude): boolean {
  return include.required ?? (include.where !== undefined || include.through?.where !== undefined);
}

function hasValue(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
}

/** Eager loading entry point: root rows, then each include level, then instances carry their children. */
export async function loadIncludes(model: ModelClass, options: FindOptions, _context: BuildContext): Promise<unknown[]> {
  const includes = resolveIncludes(model, options.include);
  const { include: _include, raw, ...rootOptions } = options;
  const parents = (await findAll(model, { ...rootOptions, hooks: false })) as Instance[];
  for (const include of includes) {
    const values = await associatedValues(parents, include, options);
    parents.forEach((parent, index) => {
      // Sequelize exposes an include both as `get(as)` and as the property `instance[as]`.
      parent.dataValues[include.association.as] = values[index];
      (parent as unknown as Record<string, unknown>)[include.association.as] = values[index];
    });
  }
  const required = includes.filter(isRequired);
  const kept = required.length === 0 ? parents : parents.filter((parent) => required.every((include) => hasValue(parent.dataValues[include.association.as])));
  for (const parent of kept) parent._options = { ...parent._options, include: options.include, includeNames: includes.map((include) => include.association.as) };
  return raw ? kept.map((parent) => parent.toJSON()) : kept;
}

/** Counts root rows, honouring required includes (a `where` on an include keeps only parents that match). */
export async function countWithIncludes(model: ModelClass, options: FindOptions, context: BuildContext): Promise<number> {
  const primaryKey = model.definition.primaryKeyAttributes[0]!;
  const rows = await loadIncludes(model, { ...options, attributes: [primaryKey], limit: undefined, offset: undefined, order: undefined }, context);
  return rows.length;
}
