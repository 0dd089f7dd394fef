import type { BelongsToMany } from '../../associations/belongs-to-many.js';
import { Op } from '../../sql/operators.js';
import { keysOf, type Instance, type Statics } from './shared.js';
import { isBatchable, loadBatched } from '../batch-loader.js';

type Options = Record<string, unknown>;

/**
 * belongsToMany accessors. Reads take two statements (join rows, then targets); adding many targets is one
 * multi-row INSERT of the missing pairs; `set` is one DELETE plus that INSERT, atomically.
 */
export function belongsToManyAccessors(association: BelongsToMany): Record<string, (this: Instance, ...args: never[]) => Promise<unknown>> {
  const target = association.target as unknown as Statics;
  const through = association.through.model as unknown as Statics;
  const { foreignKey, otherKey, sourceKey, targetKey, accessors } = association;
  const label = (name: string) => `${association.source.name}.${name}`;
  const targetKeys = (values: unknown, name: string) => keysOf(values, association.target as never, targetKey, label(name));

  async function joinRows(instance: Instance, options: Options, keys?: unknown[]): Promise<Instance[]> {
    const throughWhere = (options['through'] as { where?: unknown } | undefined)?.where;
    const where: Record<string | symbol, unknown> = { [foreignKey]: instance.get(sourceKey, { raw: true }), ...(keys ? { [otherKey]: keys } : {}) };
    return through.findAll({ where: throughWhere ? { [Op.and]: [where, throughWhere] } : where, transaction: options['transaction'], logging: options['logging'] });
  }

  async function targetsOf(instance: Instance, options: Options): Promise<Instance[]> {
    const links = await joinRows(instance, options);
    const byTarget = new Map(links.map((link) => [link.get(otherKey, { raw: true }), link]));
    const where = { [targetKey]: [...byTarget.keys()] };
    const { through: _through, joinTableAttributes, ...finderOptions } = options;
    const targets = await target.findAll({ ...finderOptions, where: options['where'] ? { [Op.and]: [where, options['where']] } : where });
    const throughName = association.through.model.name;
    const throughAttributes = joinTableAttributes as string[] | undefined;
    for (const item of targets) {
      const link = byTarget.get(item.get(targetKey, { raw: true }));
      if (!link || (throughAttributes && throughAttributes.length === 0)) continue;
      if (throughAttributes) for (const key of Object.keys(link.dataValues)) if (!throughAttributes.includes(key)) delete link.dataValues[key];
      item.dataValues[throughName] = link;
    }
    return targets;
  }

  async function add(instance: Instance, values: unknown, options: Options, name: string): Promise<Instance[] | undefined> {
    const keys = targetKeys(values, name);
    if (keys.length === 0) return undefined;
    const existing = new Set((await joinRows(instance, options, keys)).map((link) => link.get(otherKey, { raw: true })));
    const missing = [...new Set(keys)].filter((key) => !existing.has(key));
    if (missing.length === 0) return undefined;
    const extra = (options['through'] as Options | undefined) ?? {};
    const ownerKey = instance.get(sourceKey, { raw: true });
    return through.bulkCreate(missing.map((key) => ({ ...extra, [foreignKey]: ownerKey, [otherKey]: key })), { transaction: options['transaction'], logging: options['logging'] });
  }

  return {
    async [accessors.get](this: Instance, options: Options = {}) {
      if (isBatchable(options)) return loadBatched(association, this as never, options);
      return targetsOf(this, options);
    },
    async [accessors.count](this: Instance, options: Options = {}) {
      return (await targetsOf(this, { ...options, attributes: [targetKey] })).length;
    },
    async [accessors.hasSingle](this: Instance, value: unknown, options: Options = {}) {
      const keys = targetKeys(value, accessors.hasSingle);
      return (await joinRows(this, options, keys)).length === new Set(keys).size;
    },
    async [accessors.hasAll](this: Instance, values: unknown, options: Options = {}) {
      const keys = targetKeys(values, accessors.hasAll);
      return (await joinRows(this, options, keys)).length === new Set(keys).size;
    },
    async [accessors.add](this: Instance, value: unknown, options: Options = {}) {
      return add(this, value, options, accessors.add);
    },
    async [accessors.addMultiple](this: Instance, values: unknown, options: Options = {}) {
      return add(this, values, options, accessors.addMultiple);
    },
    async [accessors.set](this: Instance, values: unknown, options: Options = {}) {
      const keys = targetKeys(values, accessors.set);
      const ownerKey = this.get(sourceKey, { raw: true });
      return (this.constructor as unknown as Statics).host.transactionWith(options, async (transaction) => {
        await through.destroy({ where: { [foreignKey]: ownerKey, ...(keys.length > 0 ? { [otherKey]: { [Op.notIn]: keys } } : {}) }, transaction, logging: options['logging'] });
        return add(this, keys, { ...options, transaction }, accessors.set);
      });
    },
    async [accessors.remove](this: Instance, value: unknown, options: Options = {}) {
      const keys = targetKeys(value, accessors.remove);
      return through.destroy({ where: { [foreignKey]: this.get(sourceKey, { raw: true }), [otherKey]: keys }, transaction: options['transaction'], logging: options['logging'] });
    },
    async [accessors.removeMultiple](this: Instance, values: unknown, options: Options = {}) {
      const keys = targetKeys(values, accessors.removeMultiple);
      return through.destroy({ where: { [foreignKey]: this.get(sourceKey, { raw: true }), [otherKey]: keys }, transaction: options['transaction'], logging: options['logging'] });
    },
    async [accessors.create](this: Instance, values: Options = {}, options: Options = {}) {
      return (this.constructor as unknown as Statics).host.transactionWith(options, async (transaction) => {
        const created = await target.create(values, { ...options, transaction });
        await add(this, created, { ...options, transaction }, accessors.create);
        return created;
      });
    },
  };
}
