import type { BelongsTo } from '../../associations/belongs-to.js';
import type { HasOne } from '../../associations/has-many.js';
import { batched } from '../batch-loader.js';
import { andWhere, dropKey, finderOptions, isInstanceOf, keyChunks, keyOf, keysOf, raw, readKey, scopedTarget, unique, withKey, type AccessorMap, type Instance, type Options, type Statics } from './shared.js';

type Entry = { instance: Instance; args: unknown };

/** One query for every instance asking in the tick: rows whose `column` is among the instances' `ownKey` values. */
async function loadOne(target: Statics, entries: readonly Entry[], options: Options, ownKey: string, column: string, scope: unknown): Promise<unknown[]> {
  const model = scopedTarget(target, options);
  const { limit: _limit, offset: _offset, ...rest } = finderOptions(options);
  const { attributes, added } = withKey(rest['attributes'], column);
  const wanted = unique(entries.map((entry) => raw(entry.instance, ownKey)).filter((key) => key !== null && key !== undefined));
  const found = new Map<unknown, unknown>();
  for (const keys of keyChunks(target, wanted)) {
    const where = andWhere({ [column]: keys.length === 1 ? keys[0] : keys }, scope, options['where']);
    for (const row of await model.findAll({ ...rest, ...(attributes ? { attributes } : {}), where })) {
      const key = readKey(row, column);
      if (added) dropKey(row, column);
      if (!found.has(key)) found.set(key, row);
    }
  }
  return entries.map((entry) => found.get(keyOf(raw(entry.instance, ownKey))) ?? null);
}

export function belongsToAccessors(association: BelongsTo): AccessorMap {
  const target = association.target as unknown as Statics;
  const { foreignKey, targetKey, accessors } = association;
  const label = `${association.source.name}.${accessors.set}`;

  return {
    async [accessors.get](this: Instance, options: Options = {}) {
      const key = raw(this, foreignKey);
      if (key === null || key === undefined) return null;
      return batched(association, 'get', options, this, undefined, (entries) => loadOne(target, entries, options, foreignKey, targetKey, undefined));
    },
    /** Resolves with the saved source instance, or undefined with `save: false`, as Sequelize does. */
    async [accessors.set](this: Instance, value: unknown, options: Options = {}) {
      const [key] = value === null || value === undefined ? [null] : keysOf(value, association.target as never, targetKey, label);
      this.set(foreignKey, key ?? null);
      if (options['save'] === false) return undefined;
      return this.save({ ...finderOptions(options), fields: [foreignKey] });
    },
    async [accessors.create](this: Instance, values: Options = {}, options: Options = {}) {
      return (this.constructor as unknown as Statics).host.transactionWith(options, async (transaction) => {
        const created = await target.create(values, { ...options, transaction });
        this.set(foreignKey, raw(created, targetKey));
        await this.save({ ...finderOptions(options), transaction, fields: [foreignKey] });
        return created;
      });
    },
  };
}

export function hasOneAccessors(association: HasOne): AccessorMap {
  const target = association.target as unknown as Statics;
  const { foreignKey, sourceKey, accessors } = association;
  const targetKey = association.target.definition.primaryKeyAttributes[0]!;
  const label = `${association.source.name}.${accessors.set}`;

  return {
    async [accessors.get](this: Instance, options: Options = {}) {
      return batched(association, 'get', options, this, undefined, (entries) => loadOne(target, entries, options, sourceKey, foreignKey, association.scope));
    },
    /**
     * Unlinks the current target and links the new one in one transaction. Resolves with the newly linked
     * instance, or null when there is none or it was already linked (Sequelize's results).
     */
    async [accessors.set](this: Instance, value: unknown, options: Options = {}) {
      const owner = raw(this, sourceKey);
      const [newKey] = value === null || value === undefined ? [undefined] : keysOf(value, association.target as never, targetKey, label, 'allow');
      return (this.constructor as unknown as Statics).host.transactionWith(options, async (transaction) => {
        const scoped = { ...finderOptions(options), transaction };
        const current = await target.unscoped().findOne({ ...scoped, where: andWhere({ [foreignKey]: owner }, association.scope) });
        const alreadyLinked = current !== null && newKey !== undefined && keyOf(raw(current, targetKey)) === keyOf(newKey);
        if (current && !alreadyLinked) {
          current.set(foreignKey, null);
          await current.save({ ...scoped, fields: [foreignKey] });
        }
        if (newKey === undefined || alreadyLinked) return null;
        const linked = isInstanceOf(value, association.target as never)
          ? (value as Instance)
          : target.build({ [targetKey]: newKey }, { isNewRecord: false, raw: true });
        for (const [name, scopeValue] of Object.entries(association.scope ?? {})) linked.set(name, scopeValue);
        linked.set(foreignKey, owner);
        return linked.save(scoped);
      });
    },
    async [accessors.create](this: Instance, values: Options = {}, options: Options = {}) {
      const fields = Array.isArray(options['fields']) ? { fields: [...(options['fields'] as string[]), ...Object.keys(association.scope ?? {}), foreignKey] } : {};
      return target.create({ ...values, ...(association.scope ?? {}), [foreignKey]: raw(this, sourceKey) }, { ...options, ...fields });
    },
  };
}
