import { EagerLoadingError } from '../errors/usage-errors.js';
import { isPlainObject, toArray } from '../utils/object.js';
import type { AnyAssociation, IncludeModel } from './include-plan.js';

/* `include: { all }` (v6's expansion of every association of a model into include items) and the helpers it shares with the planner. */

export function baseOf(model: IncludeModel): IncludeModel {
  return model.baseModel ?? model;
}

export function associationsOf(model: IncludeModel): AnyAssociation[] {
  return Object.values(model.associations ?? {}) as AnyAssociation[];
}

// v6's names for `include: { all }`; with a list or a name, belongsToMany is left out (v6 has no name for it).
const allKinds: Record<string, readonly string[]> = {
  BelongsTo: ['BelongsTo'], HasOne: ['HasOne'], HasMany: ['HasMany'], One: ['BelongsTo', 'HasOne'], Has: ['HasOne', 'HasMany'], Many: ['HasMany'],
};
const everyKind = ['BelongsTo', 'HasOne', 'HasMany', 'BelongsToMany'];

function allowedKinds(source: IncludeModel, all: unknown): readonly string[] {
  if (all === true) return everyKind;
  const names = (Array.isArray(all) ? all : [all]) as unknown[];
  if (names.includes('All')) return everyKind;
  return names.flatMap((name) => {
    const kinds = allKinds[String(name)];
    if (!kinds) throw new EagerLoadingError(`include: { all: '${String(name)}' } on ${source.name}: expected true, 'All' or one of ${Object.keys(allKinds).join(', ')} (or a list of them).`);
    return kinds;
  });
}

/**
 * `{ all: true }`, `{ all: 'HasMany' }`, `{ all: true, nested: true }`: every association of the source, as v6
 * expands it: with `nested`, recursively, never back into a model above on the path from where the `all` stands
 * (so one include back to the source itself, Person friends, but none back up); without, one level, of everything.
 */
/** An `include` option as a list, its `{ all }` items expanded after the items given one by one (which win over them), as in v6. */
export function withAllExpanded(source: IncludeModel, include: unknown): unknown[] {
  const given = toArray(include);
  const isAll = (item: unknown) => isPlainObject(item) && item['all'] !== undefined && item['all'] !== false;
  return [...given.filter((item) => !isAll(item)), ...given.filter(isAll).flatMap((item) => expandAll(source, item as Record<string, unknown>))];
}

export function expandAll(source: IncludeModel, options: Record<string, unknown>): unknown[] {
  const kinds = allowedKinds(source, options['all']);
  const { all: _all, nested, ...rest } = options;
  const expand = (parent: IncludeModel, above: readonly IncludeModel[]): unknown[] => associationsOf(parent)
    .filter((association) => kinds.includes(association.associationType) && !(nested && above.some((model) => baseOf(model) === baseOf(association.target))))
    .map((association) => {
      const children = nested ? expand(association.target as IncludeModel, [...above, parent]) : [];
      return { ...rest, association, ...(children.length > 0 ? { include: children } : {}) };
    });
  return expand(source, []);
}
