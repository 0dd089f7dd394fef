import type { HasMany } from '../../associations/has-many.js';
import { Op } from '../../sql/operators.js';
import { keysOf, type Instance, type Statics } from './shared.js';
import { isBatchable, loadBatched } from '../batch-loader.js';

type Options = Record<string, unknown>;

function andWhere(base: Record<string, unknown>, extra: unknown): Record<string | symbol, unknown> {
  return extra ? { [Op.and]: [base, extra] } : base;
}

/** hasMany accessors: every multi-row change is one UPDATE (or two, atomically, for set). */
export function hasManyAccessors(association: HasMany): Record<string, (this: Instance, ...args: never[]) => Promise<unknown>> {
  const target = association.target as unknown as Statics;
  const { foreignKey, sourceKey, accessors } = association;
  const targetKey = association.target.definition.primaryKeyAttributes[0]!;
  const label = (name: string) => `${association.source.name}.${name}`;
  const owner = (instance: Instance) => ({ [foreignKey]: instance.get(sourceKey, { raw: true }) });

  return {
    async [accessors.get](this: Instance, options: Options = {}) {
      if (isBatchable(options)) return loadBatched(association, this as never, options);
      return target.findAll({ ...options, where: andWhere(owner(this), options['where']) });
    },
    async [accessors.count](this: Instance, options: Options = {}) {
      return target.count({ ...options, where: andWhere(owner(this), options['where']) });
    },
    async [accessors.hasSingle](this: Instance, value: unknown, options: Options = {}) {
      const keys = keysOf(value, association.target as never, targetKey, label(accessors.hasSingle));
      return (await target.count({ ...options, where: andWhere({ ...owner(this), [targetKey]: keys }, options['where']) })) === keys.length;
    },
    async [accessors.hasAll](this: Instance, values: unknown, options: Options = {}) {
      const keys = keysOf(values, association.target as never, targetKey, label(accessors.hasAll));
      return (await target.count({ ...options, where: andWhere({ ...owner(this), [targetKey]: keys }, options['where']) })) === keys.length;
    },
    async [accessors.set](this: Instance, values: unknown, options: Options = {}) {
      const keys = keysOf(values, association.target as never, targetKey, label(accessors.set));
      const ownerWhere = owner(this);
      await (this.constructor as unknown as Statics).host.transactionWith(options, async (transaction) => {
        await target.update({ [foreignKey]: null }, { ...options, transaction, where: { ...ownerWhere, [targetKey]: { [Op.notIn]: keys } } });
        if (keys.length > 0) await target.update(ownerWhere, { ...options, transaction, where: { [targetKey]: keys } });
      });
      return this;
    },
    async [accessors.add](this: Instance, value: unknown, options: Options = {}) {
      const keys = keysOf(value, association.target as never, targetKey, label(accessors.add));
      if (keys.length > 0) await target.update(owner(this), { ...options, where: { [targetKey]: keys } });
      return this;
    },
    async [accessors.addMultiple](this: Instance, values: unknown, options: Options = {}) {
      const keys = keysOf(values, association.target as never, targetKey, label(accessors.addMultiple));
      if (keys.length > 0) await target.update(owner(this), { ...options, where: { [targetKey]: keys } });
      return this;
    },
    async [accessors.remove](this: Instance, value: unknown, options: Options = {}) {
      const keys = keysOf(value, association.target as never, targetKey, label(accessors.remove));
      await target.update({ [foreignKey]: null }, { ...options, where: { ...owner(this), [targetKey]: keys } });
      return this;
    },
    async [accessors.removeMultiple](this: Instance, values: unknown, options: Options = {}) {
      const keys = keysOf(values, association.target as never, targetKey, label(accessors.removeMultiple));
      await target.update({ [foreignKey]: null }, { ...options, where: { ...owner(this), [targetKey]: keys } });
      return this;
    },
    async [accessors.create](this: Instance, values: Options = {}, options: Options = {}) {
      return target.create({ ...values, ...owner(this) }, options);
    },
  };
}
