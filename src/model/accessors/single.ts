import type { BelongsTo } from '../../associations/belongs-to.js';
import type { HasOne } from '../../associations/has-many.js';
import { Op } from '../../sql/operators.js';
import { isInstanceOf, keysOf, type Instance, type Statics } from './shared.js';
import { isBatchable, loadBatched } from '../batch-loader.js';

type Options = Record<string, unknown>;

export function belongsToAccessors(association: BelongsTo): Record<string, (this: Instance, ...args: never[]) => Promise<unknown>> {
  const target = association.target as unknown as Statics;
  const { foreignKey, targetKey } = association;
  return {
    async [association.accessors.get](this: Instance, options: Options = {}) {
      const key = this.get(foreignKey, { raw: true });
      if (key === null || key === undefined) return null;
      if (isBatchable(options)) return loadBatched(association, this as never, options);
      const where = options['where'] ? { [Op.and]: [{ [targetKey]: key }, options['where']] } : { [targetKey]: key };
      return target.findOne({ ...options, where });
    },
    async [association.accessors.set](this: Instance, value: unknown, options: Options = {}) {
      const [key] = value === null || value === undefined ? [null] : keysOf(value, association.target as never, targetKey, `${association.source.name}.${association.accessors.set}`);
      this.set(foreignKey, key ?? null);
      if (options['save'] === false) return undefined;
      return this.save({ ...options, fields: [foreignKey] });
    },
    async [association.accessors.create](this: Instance, values: Options = {}, options: Options = {}) {
      const created = await target.create(values, options);
      this.set(foreignKey, created.get(targetKey, { raw: true }));
      await this.save({ ...options, fields: [foreignKey] });
      return created;
    },
  };
}

export function hasOneAccessors(association: HasOne): Record<string, (this: Instance, ...args: never[]) => Promise<unknown>> {
  const target = association.target as unknown as Statics;
  const { foreignKey, sourceKey } = association;
  const targetKey = association.target.definition.primaryKeyAttributes[0]!;
  return {
    async [association.accessors.get](this: Instance, options: Options = {}) {
      if (isBatchable(options)) return loadBatched(association, this as never, options);
      const where = { [foreignKey]: this.get(sourceKey, { raw: true }) };
      return target.findOne({ ...options, where: options['where'] ? { [Op.and]: [where, options['where']] } : where });
    },
    async [association.accessors.set](this: Instance, value: unknown, options: Options = {}) {
      const sourceValue = this.get(sourceKey, { raw: true });
      return association.source.definition && (this.constructor as unknown as Statics).host.transactionWith(options, async (transaction) => {
        const scoped = { ...options, transaction };
        const current = await target.findOne({ where: { [foreignKey]: sourceValue }, transaction });
        const [newKey] = value === null || value === undefined ? [undefined] : keysOf(value, association.target as never, targetKey, `${association.source.name}.${association.accessors.set}`);
        if (current && current.get(targetKey, { raw: true }) !== newKey) {
          current.set(foreignKey, null);
          await current.save({ ...scoped, fields: [foreignKey] });
        }
        if (value === null || value === undefined) return null;
        const instance = isInstanceOf(value, association.target as never) ? (value as Instance) : await target.findOne({ where: { [targetKey]: newKey }, transaction });
        if (!instance) return null;
        instance.set(foreignKey, sourceValue);
        return instance.save(scoped);
      });
    },
    async [association.accessors.create](this: Instance, values: Options = {}, options: Options = {}) {
      return target.create({ ...values, [foreignKey]: this.get(sourceKey, { raw: true }) }, options);
    },
  };
}
