import type { BelongsToMany } from '../../associations/belongs-to-many.js';
import { AssociationError } from '../../errors/usage-errors.js';
import { Op } from '../../sql/operators.js';
import { batched } from '../batch-loader.js';
import { hasHooks } from '../model-internals.js';
import { belongsToManyWrites } from './belongs-to-many-writes.js';
import { sortByThrough, throughOrder } from './through-order.js';
import { andWhere, checkWhere, dropKey, finderOptions, firstIfPlain, keyChunks, keyOf, hasNullOrThrow, keysOf, page, pagingFor, raw, readKey, scopedTarget, unique, valueOf, withKey, type AccessorMap, type Instance, type Options, type Statics } from './shared.js';

type Entry = { instance: Instance; args: unknown };

/** Join rows of the owners in `entries` (optionally only those pointing at `targets`), with the through scope and `through.where`. */
export async function linksOf(association: BelongsToMany, owners: unknown[], options: Options, targets?: unknown[], attributes?: string[]): Promise<Instance[]> {
  const through = association.through.model as unknown as Statics;
  const throughOptions = (options['through'] ?? {}) as { where?: unknown; paranoid?: boolean };
  const links: Instance[] = [];
  for (const ownerChunk of keyChunks(through, owners)) {
    for (const targetChunk of targets ? keyChunks(through, targets) : [undefined]) {
      const base = { [association.foreignKey]: ownerChunk.length === 1 ? ownerChunk[0] : ownerChunk, ...(targetChunk ? { [association.otherKey]: targetChunk } : {}) };
      links.push(...(await through.findAll({
        where: andWhere(base, association.through.scope, throughOptions.where),
        // As v6, whose reads join the join table: its find hooks do not run (the target's do).
        transaction: options['transaction'], logging: options['logging'], hooks: false,
        ...(attributes ? { attributes, raw: true } : {}),
        ...(throughOptions.paranoid !== undefined ? { paranoid: throughOptions.paranoid } : {}),
      })));
    }
  }
  return links;
}

type Where = Record<string | symbol, unknown>;

/**
 * Sequelize's single JOIN lets a `where` name join-table columns as `$friendship.level$`. The join rows are read
 * on their own here, so such conditions move to `through.where` — safe when they are conjuncts (top level or
 * inside Op.and); under Op.or/Op.not they cannot be split, and the error says what to write instead.
 */
export function withThroughConditions(options: Options, throughName: string, label: string): Options {
  const where = options['where'] as Where | undefined;
  const plain = (value: unknown): value is Where => !!value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
  if (!plain(where)) return options;
  const prefix = `$${throughName}.`;
  const moved: Where[] = [];
  const refers = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(refers);
    if (!plain(value)) return false;
    return Reflect.ownKeys(value).some((key) => (typeof key === 'string' && key.startsWith(prefix)) || refers((value as Where)[key]));
  };
  const split = (part: Where): Where => {
    const kept: Where = {};
    for (const key of Reflect.ownKeys(part)) {
      const value = part[key];
      if (typeof key === 'string' && key.startsWith(prefix) && key.endsWith('$')) moved.push({ [key.slice(prefix.length, -1)]: value });
      else if (key === Op.and && Array.isArray(value)) kept[key] = value.map((inner) => (plain(inner) ? split(inner) : inner));
      else if (refers(value)) {
        throw new AssociationError(`${label}: a condition on ${throughName} inside ${typeof key === 'symbol' ? `Op.${key.description ?? ''}` : key} cannot be applied to the join rows; pass it as { through: { where } } instead.`);
      } else kept[key] = value;
    }
    return kept;
  };
  const targetWhere = split(where);
  if (moved.length === 0) return options;
  const through = (options['through'] ?? {}) as { where?: unknown };
  const conditions = through.where ? [through.where, ...moved] : moved;
  return { ...options, where: targetWhere, through: { ...through, where: conditions.length === 1 ? conditions[0] : { [Op.and]: conditions } } };
}

/**
 * belongsToMany reads: the join rows of every owner asking in this tick, then their targets — two queries for
 * the whole batch. Each fetched target carries its join row under the join model's name (`friend.friendship`).
 */
export function belongsToManyAccessors(association: BelongsToMany): AccessorMap {
  const target = association.target as unknown as Statics;
  const { foreignKey, otherKey, sourceKey, targetKey, accessors } = association;
  const throughName = association.through.model.name;
  const label = (name: string) => `${association.source.name}.${name}`;
  const ownerKey = (instance: Instance) => raw(instance, sourceKey);
  const ownerKeys = (entries: readonly Entry[]) => unique(entries.map((entry) => ownerKey(entry.instance)).filter((key) => key !== null && key !== undefined));
  const targetModel = target as unknown as new (values: Record<string, unknown>, options: Record<string, unknown>) => Instance;

  /** Join rows always point at a target when constraints hold and the target filters nothing out: then they alone answer count/has. */
  const linksSuffice = (options: Options, scopeOption: boolean) =>
    association.options.constraints !== false && !association.scope && options['where'] === undefined && !(scopeOption && Object.prototype.hasOwnProperty.call(options, 'scope'))
    && !association.target.definition.paranoid && !association.target.definition.options.defaultScope
    // v6 reads the targets, so their find hooks run (a beforeFind adding a tenant condition filters the count).
    && !hasHooks(target, 'beforeFind') && !hasHooks(target, 'afterFind')
    && Object.keys(((association.target as unknown as { scopes?: Record<string, unknown> }).scopes?.['defaultScope'] as object | undefined) ?? {}).length === 0;

  function attachLink(item: unknown, link: Instance, joinAttributes: string[] | undefined, rawRows: boolean): void {
    if (joinAttributes && joinAttributes.length === 0) return;
    const values = link.dataValues;
    const names = joinAttributes ?? Object.keys(values);
    if (rawRows) {
      for (const name of names) (item as Record<string, unknown>)[`${throughName}.${name}`] = values[name];
      return;
    }
    if (joinAttributes) for (const key of Object.keys(values)) if (!joinAttributes.includes(key)) delete values[key];
    (item as Instance).dataValues[throughName] = link;
    (item as unknown as Record<string, unknown>)[throughName] = link;
  }

  async function load(entries: readonly Entry[], options: Options): Promise<unknown[][]> {
    const links = await linksOf(association, ownerKeys(entries), options);
    const linksByTarget = new Map<unknown, Instance[]>();
    for (const link of links) {
      const key = keyOf(raw(link, otherKey));
      const list = linksByTarget.get(key);
      if (list) list.push(link);
      else linksByTarget.set(key, [link]);
    }
    const model = scopedTarget(target, options);
    const targetChunks = keyChunks(target, [...new Set(links.map((link) => raw(link, otherKey)))]);
    // No join rows, so no target query: an unknown attribute in the where is still an error, as once there are.
    if (targetChunks.length === 0 && options['include'] === undefined) checkWhere(target, andWhere({}, association.scope, options['where']));
    // One owner's page can be asked of the database when its targets fit one statement (unless sorted by join rows).
    const sorting = throughOrder(options, throughName, association.through.model, association.target.name, (name) => association.target.definition.attribute(name) !== undefined);
    const { query: rest, paging } = pagingFor(sorting ? { ...options, order: undefined } : options, sorting || targetChunks.length > 1 ? Infinity : ownerKeys(entries).length);
    const linkValues = new Map<unknown, Record<string, unknown>>();
    const { attributes, added } = withKey(rest['attributes'], targetKey);
    const joinAttributes = options['joinTableAttributes'] as string[] | undefined;
    const rawRows = options['raw'] === true;
    const byOwner = new Map<unknown, unknown[]>();
    for (const keys of targetChunks) {
      const rows = await model.findAll({ ...rest, ...(attributes ? { attributes } : {}), where: andWhere({ [targetKey]: keys.length === 1 ? keys[0] : keys }, association.scope, options['where']) });
      for (const row of rows) {
        const key = readKey(row, targetKey);
        if (added) dropKey(row, targetKey);
        (linksByTarget.get(key) ?? []).forEach((link, index) => {
          // The same friend is a separate instance under each pug: each carries its own join row.
          const item = index === 0 ? row : rawRows ? { ...(row as object) } : new targetModel({ ...(row as Instance).dataValues }, { isNewRecord: false, raw: true });
          const owner = keyOf(raw(link, foreignKey));
          if (sorting) linkValues.set(item, { ...link.dataValues });
          attachLink(item, link, joinAttributes, rawRows);
          const list = byOwner.get(owner);
          if (list) list.push(item);
          else byOwner.set(owner, [item]);
        });
      }
    }
    const nullsFirst = target.host.queryRunner.dialect.supports.nullsSortFirst;
    const valueOfKey = (item: unknown, key: { from: 'link' | 'target'; attribute: string }) => (key.from === 'link'
      ? linkValues.get(item)?.[key.attribute]
      : rawRows ? (item as Record<string, unknown>)[key.attribute] : (item as Instance).dataValues[key.attribute]);
    return entries.map((entry) => {
      const rows = byOwner.get(keyOf(ownerKey(entry.instance))) ?? [];
      return page(sorting ? sortByThrough(rows, sorting, valueOfKey, nullsFirst) : rows, paging);
    });
  }

  /** Target keys among `keys` that pass the target's scope and the caller's `where`. */
  async function passing(keys: unknown[], options: Options, unscoped: boolean): Promise<Set<unknown>> {
    const model = unscoped ? target.unscoped() : scopedTarget(target, options);
    const found = new Set<unknown>();
    for (const part of keyChunks(target, unique(keys))) {
      const rows = await model.findAll({ ...finderOptions(options), attributes: [targetKey], raw: true, where: andWhere({ [targetKey]: part }, association.scope, options['where']) });
      for (const row of rows) found.add(readKey(row, targetKey));
    }
    return found;
  }

  async function countAll(entries: readonly Entry[], options: Options): Promise<number[]> {
    const links = await linksOf(association, ownerKeys(entries), options, undefined, [foreignKey, otherKey]);
    const kept = linksSuffice(options, true) ? undefined : await passing(links.map((link) => valueOf(link, otherKey)), options, false);
    const counts = new Map<unknown, number>();
    for (const link of links) {
      if (kept && !kept.has(readKey(link, otherKey))) continue;
      const owner = readKey(link, foreignKey);
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
    return entries.map((entry) => counts.get(keyOf(ownerKey(entry.instance))) ?? 0);
  }

  async function hasAll(entries: readonly Entry[], options: Options): Promise<boolean[]> {
    const asked = unique(entries.flatMap((entry) => entry.args as unknown[]));
    const links = asked.length === 0 ? [] : await linksOf(association, ownerKeys(entries), options, asked, [foreignKey, otherKey]);
    const kept = linksSuffice(options, false) || links.length === 0 ? undefined : await passing(links.map((link) => valueOf(link, otherKey)), options, true);
    const pairs = new Set<string>();
    for (const link of links) if (!kept || kept.has(readKey(link, otherKey))) pairs.add(`${String(readKey(link, foreignKey))}\u0000${String(readKey(link, otherKey))}`);
    return entries.map((entry) => (entry.args as unknown[]).every((key) => pairs.has(`${String(keyOf(ownerKey(entry.instance)))}\u0000${String(keyOf(key))}`)));
  }

  const has = async (instance: Instance, values: unknown, given: Options, name: string) => {
    if (hasNullOrThrow(values, label(name), association.target.name)) return false;
    const options = normalized(given, name);
    const list = keysOf(values, association.target as never, targetKey, label(name));
    return batched(association, 'has', options, instance, list, (entries) => hasAll(entries, options));
  };

  const normalized = (options: Options, name: string) => withThroughConditions(options, throughName, label(name));

  return {
    async [accessors.get](this: Instance, given: Options = {}) {
      return firstIfPlain(normalized(given, accessors.get), (options) => batched(association, 'get', options, this, undefined, (entries) => load(entries, options)));
    },
    async [accessors.count](this: Instance, given: Options = {}) {
      const options = normalized(given, accessors.count);
      return batched(association, 'count', options, this, undefined, (entries) => countAll(entries, options));
    },
    async [accessors.hasSingle](this: Instance, value: unknown, options: Options = {}) {
      return has(this, value, options, accessors.hasSingle);
    },
    async [accessors.hasAll](this: Instance, values: unknown, options: Options = {}) {
      return has(this, values, options, accessors.hasAll);
    },
    ...belongsToManyWrites(association),
  };
}
