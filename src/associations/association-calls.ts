import { AssociationError } from '../errors/usage-errors.js';

/*
 * v6's association objects answer `association.get(instance, options)`, `count`, `has`, `set`, `add`, `remove`
 * and `create` themselves (libraries such as dataloaders call them). Here they are the instance's accessors,
 * so batching, scopes and validation are the accessors' own; `get` of a list of instances resolves v6's object
 * keyed by each instance's key.
 */

type AccessorFn = (...args: unknown[]) => Promise<unknown>;
type Accessible = Record<string, unknown> & { get(key: string, options?: { raw: boolean }): unknown };

export interface CallableAssociation {
  readonly associationType: string;
  readonly accessors: Readonly<Record<string, string>>;
  readonly foreignKey: string;
  readonly source: { readonly name: string };
  readonly target: { readonly name: string };
}

function accessorOf(association: CallableAssociation, instance: unknown, kind: string): AccessorFn {
  const name = association.accessors[kind];
  const method = name !== undefined && instance !== null && typeof instance === 'object' ? (instance as Record<string, unknown>)[name] : undefined;
  if (typeof method !== 'function') {
    throw new AssociationError(`${association.source.name}'s association to ${association.target.name} has no "${kind}" for ${String(instance)}: pass an instance of ${association.source.name}${name === undefined ? ` (${association.associationType} has no ${kind})` : ''}.`);
  }
  return (method as AccessorFn).bind(instance);
}

export function callGet(association: CallableAssociation, instances: unknown, options: unknown): Promise<unknown> {
  if (!Array.isArray(instances)) return accessorOf(association, instances, 'get')(options ?? {});
  const keyName = association.associationType === 'BelongsTo' ? association.foreignKey : (association as unknown as { sourceKey: string }).sourceKey;
  return Promise.all(instances.map((instance) => accessorOf(association, instance, 'get')(options ?? {}))).then((results) => {
    const byKey: Record<string, unknown> = {};
    instances.forEach((instance, index) => {
      byKey[String((instance as Accessible).get(keyName, { raw: true }))] = results[index];
    });
    return byKey;
  });
}

/** `has`/`add`/`remove` take one target or a list, as v6's do: a list goes to the plural accessor. */
export function callWithTargets(association: CallableAssociation, kind: 'has' | 'add' | 'remove', instance: unknown, targets: unknown, options: unknown): Promise<unknown> {
  const many = Array.isArray(targets);
  const accessor = { has: many ? 'hasAll' : 'hasSingle', add: many ? 'addMultiple' : 'add', remove: many ? 'removeMultiple' : 'remove' }[kind];
  return accessorOf(association, instance, accessor)(targets, options ?? {});
}

export function callAccessor(association: CallableAssociation, kind: 'count' | 'set' | 'create', instance: unknown, ...args: unknown[]): Promise<unknown> {
  return accessorOf(association, instance, kind)(...args);
}
