import type { Association } from '../associations/association.js';
import type { ModelClass } from './model-internals.js';

type Destroyable = { destroy(options: Record<string, unknown>): Promise<unknown> };
type Getter = (options: Record<string, unknown>) => Promise<Destroyable | Destroyable[] | null>;

/**
 * hasOne / hasMany associations declared with `onDelete: 'CASCADE', hooks: true`: as in v6, deleting the parent
 * first destroys each child through `instance.destroy()`, so the children's destroy hooks run (and their own
 * cascades). v6 applies the same to a belongsTo or belongsToMany given those options, destroying the *target*
 * (the owner, the friends); that is not what the option means, so only the kinds whose target holds the key do.
 */
function cascading(model: ModelClass): Association[] {
  return (Object.values(model.associations ?? {}) as Association[]).filter((association) => {
    const { onDelete, hooks } = association.options;
    return hooks === true && typeof onDelete === 'string' && onDelete.toLowerCase() === 'cascade'
      && (association.associationType === 'HasMany' || association.associationType === 'HasOne');
  });
}

export function hasDestroyCascades(model: ModelClass): boolean {
  return cascading(model).length > 0;
}

/** Destroys the children of `instance` one by one (with the same options) before its own row goes. */
export async function destroyChildren(model: ModelClass, instance: object, options: Record<string, unknown>): Promise<void> {
  for (const association of cascading(model)) {
    const getter = (instance as Record<string, unknown>)[(association as unknown as { accessors: { get: string } }).accessors.get] as Getter;
    const found = await getter.call(instance, { transaction: options['transaction'], logging: options['logging'] });
    if (!found) continue;
    for (const child of Array.isArray(found) ? found : [found]) await child.destroy(options);
  }
}
