import type { BelongsToMany } from '../../associations/belongs-to-many.js';
import { AssociationError } from '../../errors/usage-errors.js';
import { optionsSignature } from '../batch-loader.js';
import { isInstanceOf, keyChunks, keyOf, keysOf, raw, type AccessorMap, type Instance, type Options, type Statics } from './shared.js';

interface Item {
  key: unknown;
  /** Join-row values carried by the target instance itself (`friend.friendship = { level: 2 }`); undefined when none. */
  extra: Record<string, unknown> | undefined;
}

/** `Object.keys(values).length > 0` without building the list. */
function hasKeys(values: Record<string, unknown> | undefined): boolean {
  for (const key in values) if (Object.hasOwn(values, key)) return true;
  return false;
}

const writeOptionNames = ['transaction', 'logging', 'benchmark', 'hooks', 'individualHooks', 'validate', 'ignoreDuplicates'];

function writeOptions(options: Options): Options {
  return Object.fromEntries(Object.entries(options).filter(([name]) => writeOptionNames.includes(name)));
}

/**
 * belongsToMany writes, set-based: one SELECT of the existing join rows, then at most one DELETE, one multi-row
 * INSERT (batched by the dialect's parameter limit) and one UPDATE per distinct set of join values — never a
 * statement per target. Work that takes more than one write runs in a transaction when the caller gave none.
 */
export function belongsToManyWrites(association: BelongsToMany): AccessorMap {
  const target = association.target as unknown as Statics;
  const through = association.through.model as unknown as Statics;
  const { foreignKey, otherKey, sourceKey, targetKey, accessors } = association;
  const throughName = association.through.model.name;
  const throughScope = association.through.scope ?? {};
  const label = (name: string) => `${association.source.name}.${name}`;

  function itemsOf(values: unknown, name: string): Item[] {
    const list = values === null || values === undefined ? [] : Array.isArray(values) ? values : [values];
    const keys = keysOf(list, association.target as never, targetKey, label(name));
    const items = new Map<unknown, Item>();
    list.forEach((value, index) => {
      const carried = isInstanceOf(value, association.target as never) ? (value as unknown as Record<string, unknown>)[throughName] : undefined;
      const extra = carried && typeof carried === 'object' && !('dataValues' in carried) ? (carried as Record<string, unknown>) : undefined;
      items.set(keyOf(keys[index]), { key: keys[index], extra });
    });
    return [...items.values()];
  }

  const defaultsOf = (options: Options) => ((options['through'] ?? {}) as Record<string, unknown>);
  const joinValues = (options: Options, item: Item) => ({ ...defaultsOf(options), ...item.extra });
  const needsTransaction = (options: Options, items: Item[]) => hasKeys(defaultsOf(options)) || items.some((item) => hasKeys(item.extra));
  const hasScope = hasKeys(throughScope);

  async function linksOf(owner: unknown, options: Options, keys?: unknown[]): Promise<Map<unknown, Record<string, unknown>>> {
    const found = new Map<unknown, Record<string, unknown>>();
    for (const part of keys ? keyChunks(through, keys) : [undefined]) {
      const where = { [foreignKey]: owner, ...(part ? { [otherKey]: part } : {}), ...throughScope };
      const rows = (await through.findAll({ where, raw: true, transaction: options['transaction'], logging: options['logging'], ...(options['hooks'] === false ? { hooks: false } : {}) })) as unknown as Array<Record<string, unknown>>;
      for (const row of rows) found.set(keyOf(row[otherKey]), row);
    }
    return found;
  }

  function insert(owner: unknown, items: Item[], options: Options): Promise<Instance[]> {
    // Without join values or a scope (the common call) each row is just the two keys: no merged copies per row.
    const plain = !hasScope && !hasKeys(defaultsOf(options));
    const rows = items.map((item) => (plain && item.extra === undefined
      ? { [foreignKey]: owner, [otherKey]: item.key }
      : { ...joinValues(options, item), [foreignKey]: owner, [otherKey]: item.key, ...throughScope }));
    return through.bulkCreate(rows, { validate: true, ...writeOptions(options) });
  }

  /**
   * One UPDATE per distinct set of join values (usually one for the whole call). Resolves as v6's one UPDATE
   * per join row would: `[1]` for each row changed.
   */
  async function updateLinks(owner: unknown, items: Item[], options: Options): Promise<Array<[number]>> {
    const groups = new Map<string, { values: Record<string, unknown>; keys: unknown[] }>();
    for (const item of items) {
      const values = joinValues(options, item);
      const signature = optionsSignature(values);
      const group = groups.get(signature) ?? { values, keys: [] };
      group.keys.push(item.key);
      groups.set(signature, group);
    }
    const results: Array<[number]> = [];
    for (const { values, keys } of groups.values()) {
      let changed = 0;
      for (const part of keyChunks(through, keys)) {
        changed += (await through.update(values, { ...writeOptions(options), where: { [foreignKey]: owner, [otherKey]: part } }))[0];
      }
      keys.forEach((_, index) => results.push([index < changed ? 1 : 0]));
    }
    return results;
  }

  async function unlink(owner: unknown, keys: unknown[], options: Options): Promise<number> {
    let removed = 0;
    for (const part of keyChunks(through, keys)) {
      removed += await through.destroy({ ...writeOptions(options), where: { [foreignKey]: owner, [otherKey]: part, ...throughScope } });
    }
    return removed;
  }

  /** Whether an existing join row has other values than the ones given for it (v6 compares with `!==`). */
  const differs = (row: Record<string, unknown> | undefined, options: Options, item: Item) =>
    row !== undefined && Object.entries(joinValues(options, item)).some(([key, value]) => value !== row[key]);

  const host = (instance: Instance) => (instance.constructor as unknown as Statics).host;

  /** The source's key for new join rows; a source not saved yet has none (v6 then fails on the join table's NOT NULL). */
  function ownerOf(instance: Instance, name: string): unknown {
    const owner = raw(instance, sourceKey);
    if (owner === null || owner === undefined) {
      throw new AssociationError(`${label(name)} was called on a ${association.source.name} without its ${sourceKey} (not saved yet?): save it first.`);
    }
    return owner;
  }

  /** Resolves as Sequelize does: the inserted join rows, else the first update's result, else undefined. */
  async function add(instance: Instance, values: unknown, options: Options, name: string): Promise<unknown> {
    if (!values) return undefined;
    const items = itemsOf(values, name);
    if (items.length === 0) return undefined;
    const owner = ownerOf(instance, name);
    const work = async (scoped: Options) => {
      const existing = await linksOf(owner, scoped, items.map((item) => item.key));
      const missing = existing.size === 0 ? items : items.filter((item) => !existing.has(keyOf(item.key)));
      const changed = existing.size === 0 ? [] : items.filter((item) => differs(existing.get(keyOf(item.key)), scoped, item));
      const results: unknown[] = [];
      if (missing.length > 0) results.push(await insert(owner, missing, scoped));
      if (changed.length > 0) results.push(...(await updateLinks(owner, changed, scoped)));
      return results[0];
    };
    if (!needsTransaction(options, items)) return work(options);
    return host(instance).transactionWith(options, (transaction) => work({ ...options, transaction }));
  }

  return {
    async [accessors.add](this: Instance, value: unknown, options: Options = {}) {
      return add(this, value, options, accessors.add);
    },
    async [accessors.addMultiple](this: Instance, values: unknown, options: Options = {}) {
      return add(this, values, options, accessors.addMultiple);
    },
    /**
     * Replaces the links atomically. Resolves as Sequelize does: an array of the update results, the number of
     * join rows deleted (when any were) and the inserted join rows (when any were), in that order.
     */
    async [accessors.set](this: Instance, values: unknown, options: Options = {}) {
      const items = itemsOf(values, accessors.set);
      const owner = items.length > 0 ? ownerOf(this, accessors.set) : raw(this, sourceKey);
      return host(this).transactionWith(options, async (transaction) => {
        const scoped = { ...options, transaction };
        const current = await linksOf(owner, scoped);
        const wanted = new Set(items.map((item) => keyOf(item.key)));
        const obsolete = [...current.values()].map((row) => row[otherKey]).filter((key) => !wanted.has(keyOf(key)));
        // As v6: a kept link is updated whenever join values are given for it (add compares them first).
        const kept = items.filter((item) => current.has(keyOf(item.key)) && hasKeys(joinValues(scoped, item)));
        const missing = items.filter((item) => !current.has(keyOf(item.key)));
        const removed = obsolete.length > 0 ? await unlink(owner, obsolete, scoped) : undefined;
        const updated = kept.length > 0 ? await updateLinks(owner, kept, scoped) : [];
        const inserted = missing.length > 0 ? await insert(owner, missing, scoped) : undefined;
        return [...updated, ...(removed !== undefined ? [removed] : []), ...(inserted !== undefined ? [inserted] : [])];
      });
    },
    /** Resolves with the number of join rows deleted. */
    async [accessors.remove](this: Instance, value: unknown, options: Options = {}) {
      return unlink(raw(this, sourceKey), itemsOf(value, accessors.remove).map((item) => item.key), options);
    },
    async [accessors.removeMultiple](this: Instance, values: unknown, options: Options = {}) {
      return unlink(raw(this, sourceKey), itemsOf(values, accessors.removeMultiple).map((item) => item.key), options);
    },
    /** Creates the target and its join row in one transaction; resolves with the created target. */
    async [accessors.create](this: Instance, values: Options = {}, given: Options | string[] = {}) {
      const options: Options = Array.isArray(given) ? { fields: given } : { ...given };
      const scope = association.scope ?? {};
      if (Array.isArray(options['fields'])) options['fields'] = [...(options['fields'] as string[]), ...Object.keys(scope)];
      const { through: throughValues, ...createOptions } = options;
      ownerOf(this, accessors.create);
      return host(this).transactionWith(options, async (transaction) => {
        const created = await target.create({ ...values, ...scope }, { ...createOptions, transaction });
        await add(this, created, { ...writeOptions(options), ...(throughValues ? { through: throughValues } : {}), transaction }, accessors.create);
        return created;
      });
    },
  };
}
