import type { HasMany } from '../../associations/has-many.js';
import { batched } from '../batch-loader.js';
import { hasHooks, runHooks } from '../model-internals.js';
import { andWhere, dropKey, firstIfPlain, hasNullOrThrow, finderOptions, keyChunks, keyOf, keysOf, page, pagingFor, raw, readKey, scopedTarget, unique, valueOf, withKey, type AccessorMap, type Instance, type Options, type Statics } from './shared.js';

type Entry = { instance: Instance; args: unknown };

/**
 * hasMany accessors. Reads batch per tick (one query for every owner asking in that tick); every write is one
 * UPDATE of the target rows (for set: a SELECT of the current ones, then an UPDATE of those to unlink and one of
 * those to link, each only when there are any, in one transaction), never one query per element.
 */
export function hasManyAccessors(association: HasMany): AccessorMap {
  const target = association.target as unknown as Statics;
  const { foreignKey, sourceKey, accessors } = association;
  const targetKey = association.target.definition.primaryKeyAttributes[0]!;
  const label = (name: string) => `${association.source.name}.${name}`;
  const keys = (values: unknown, name: string) => keysOf(values, association.target as never, targetKey, label(name));
  const ownerKey = (instance: Instance) => raw(instance, sourceKey);
  const ownersWhere = (owners: unknown[]) => ({ [foreignKey]: owners.length === 1 ? owners[0] : owners });
  const ownerKeys = (entries: readonly Entry[]) => unique(entries.map((entry) => ownerKey(entry.instance)).filter((key) => key !== null && key !== undefined));

  async function load(entries: readonly Entry[], options: Options): Promise<unknown[][]> {
    const model = scopedTarget(target, options);
    const wanted = ownerKeys(entries);
    const { query: rest, paging } = pagingFor(options, wanted.length);
    const { attributes, added } = withKey(rest['attributes'], foreignKey);
    const rows: unknown[] = [];
    for (const owners of keyChunks(target, wanted)) {
      rows.push(...(await model.findAll({ ...rest, ...(attributes ? { attributes } : {}), where: andWhere(ownersWhere(owners), association.scope, options['where']) })));
    }
    const byOwner = new Map<unknown, unknown[]>();
    for (const row of rows) {
      const owner = readKey(row, foreignKey);
      if (added) dropKey(row, foreignKey);
      const list = byOwner.get(owner);
      if (list) list.push(row);
      else byOwner.set(owner, [row]);
    }
    return entries.map((entry) => page(byOwner.get(keyOf(ownerKey(entry.instance))) ?? [], paging));
  }

  async function countAll(entries: readonly Entry[], options: Options): Promise<number[]> {
    const model = scopedTarget(target, options);
    const counts = new Map<unknown, number>();
    const field = association.target.definition.columnOf(foreignKey);
    for (const owners of keyChunks(target, ownerKeys(entries))) {
      const where = andWhere(ownersWhere(owners), association.scope, options['where']);
      // v6 counts through a find of the targets: beforeFind hooks run (and may add conditions), beforeCount does not.
      const base: Options = { ...finderOptions(options), where, col: targetKey, hooks: false };
      if (options['hooks'] !== false && hasHooks(target, 'beforeFind')) await runHooks(target, 'beforeFind', base);
      if (owners.length === 1) counts.set(keyOf(owners[0]), (await model.count(base)) as number);
      else for (const row of (await model.count({ ...base, group: [foreignKey] })) as Array<Record<string, unknown>>) counts.set(keyOf(row[foreignKey] ?? row[field]), Number(row['count']));
      // ...and its afterFind hooks see the counted row, { count }, once per owner.
      if (options['hooks'] !== false && hasHooks(target, 'afterFind')) {
        for (const owner of owners) await runHooks(target, 'afterFind', { count: counts.get(keyOf(owner)) ?? 0 }, base);
      }
    }
    return entries.map((entry) => counts.get(keyOf(ownerKey(entry.instance))) ?? 0);
  }

  async function hasAll(entries: readonly Entry[], options: Options): Promise<boolean[]> {
    const wanted = entries.map((entry) => (entry.args as unknown[]).map(keyOf));
    const owned = new Set<string>();
    const asked = unique(entries.flatMap((entry) => entry.args as unknown[]));
    for (const owners of keyChunks(target, ownerKeys(entries))) {
      for (const targets of keyChunks(target, asked)) {
        const rows = await target.unscoped().findAll({
          ...finderOptions(options), attributes: [targetKey, foreignKey], raw: true,
          where: andWhere({ ...ownersWhere(owners), [targetKey]: targets }, association.scope, options['where']),
        });
        for (const row of rows) owned.add(`${String(readKey(row, foreignKey))}\u0000${String(readKey(row, targetKey))}`);
      }
    }
    return entries.map((entry, index) => wanted[index]!.every((key) => owned.has(`${String(keyOf(ownerKey(entry.instance)))}\u0000${String(key)}`)));
  }

  // Scope values first, then the key, as v6 sets them (the order a created row's toJSON shows).
  const link = (instance: Instance) => ({ ...(association.scope ?? {}), [foreignKey]: ownerKey(instance) });
  const has = async (instance: Instance, values: unknown, options: Options, name: string) => {
    if (hasNullOrThrow(values, `${association.source.name}.${name}`, association.target.name)) return false;
    const list = keys(values, name);
    return batched(association, 'has', options, instance, list, (entries) => hasAll(entries, options));
  };
  /** One UPDATE per chunk of keys the dialect can bind (one for any list of ordinary length). */
  const updateKeys = async (values: Record<string, unknown>, where: Record<string, unknown>, list: unknown[], options: Options) => {
    for (const part of keyChunks(target, list)) await target.unscoped().update(values, { ...finderOptions(options), where: { ...where, [targetKey]: part } });
  };
  const add = async (instance: Instance, values: unknown, options: Options, name: string) => {
    if (values === undefined || values === null) return undefined;
    await updateKeys(link(instance), {}, keys(values, name), options);
    return instance;
  };
  const remove = async (instance: Instance, values: unknown, options: Options, name: string) => {
    await updateKeys({ [foreignKey]: null }, { [foreignKey]: ownerKey(instance) }, keys(values, name), options);
    // Sequelize resolves remove with the association object itself; kept for code that passes it on.
    return association;
  };

  /** The keys of the targets the owner has now (within the association's scope), as v6's set reads them. */
  const currentKeys = async (owner: unknown, options: Options): Promise<unknown[]> => {
    const rows = await target.unscoped().findAll({ ...finderOptions(options), attributes: [targetKey], raw: true, where: andWhere({ [foreignKey]: owner }, association.scope) });
    return rows.map((row) => valueOf(row, targetKey));
  };

  return {
    async [accessors.get](this: Instance, given: Options = {}) {
      return firstIfPlain(given, (options) => batched(association, 'get', options, this, undefined, (entries) => load(entries, options)));
    },
    async [accessors.count](this: Instance, options: Options = {}) {
      return batched(association, 'count', options, this, undefined, (entries) => countAll(entries, options));
    },
    async [accessors.hasSingle](this: Instance, value: unknown, options: Options = {}) {
      return has(this, value, options, accessors.hasSingle);
    },
    async [accessors.hasAll](this: Instance, values: unknown, options: Options = {}) {
      return has(this, values, options, accessors.hasAll);
    },
    async [accessors.set](this: Instance, values: unknown, options: Options = {}) {
      const list = values === null ? [] : keys(values, accessors.set);
      const owner = ownerKey(this);
      await (this.constructor as unknown as Statics).host.transactionWith(options, async (transaction) => {
        // As v6: read the current targets, then at most one UPDATE unlinking the obsolete ones and one linking the new.
        const scoped = { ...options, transaction };
        const current = await currentKeys(owner, scoped);
        const wanted = new Set(list.map(keyOf));
        const had = new Set(current.map(keyOf));
        const obsolete = current.filter((key) => !wanted.has(keyOf(key)));
        const added = unique(list.filter((key) => !had.has(keyOf(key))));
        if (obsolete.length > 0) await updateKeys({ [foreignKey]: null }, {}, obsolete, scoped);
        if (added.length > 0) await updateKeys(link(this), {}, added, scoped);
      });
      return this;
    },
    async [accessors.add](this: Instance, value: unknown, options: Options = {}) {
      return add(this, value, options, accessors.add);
    },
    async [accessors.addMultiple](this: Instance, values: unknown, options: Options = {}) {
      return add(this, values, options, accessors.addMultiple);
    },
    async [accessors.remove](this: Instance, value: unknown, options: Options = {}) {
      return remove(this, value, options, accessors.remove);
    },
    async [accessors.removeMultiple](this: Instance, values: unknown, options: Options = {}) {
      return remove(this, values, options, accessors.removeMultiple);
    },
    async [accessors.create](this: Instance, values: Options = {}, given: Options | string[] = {}) {
      const options: Options = Array.isArray(given) ? { fields: given } : { ...given };
      const added = [...Object.keys(association.scope ?? {}), foreignKey];
      if (Array.isArray(options['fields'])) options['fields'] = [...(options['fields'] as string[]), ...added];
      return target.create({ ...values, ...link(this) }, options);
    },
  };
}
