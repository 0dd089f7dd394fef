import { Association } from '../associations/association.js';
import { EagerLoadingError } from '../errors/usage-errors.js';
import { toArray } from '../utils/object.js';
import type { ModelClass } from './model-internals.js';

/** One include, resolved to its association, with the options that apply to the included model. */
export interface ResolvedInclude {
  association: Association & Record<string, unknown>;
  where?: unknown;
  required?: boolean;
  attributes?: unknown;
  include?: unknown;
  order?: unknown;
  limit?: number;
  separate?: boolean;
  paranoid?: boolean;
  through?: { where?: unknown; attributes?: string[] };
}

function baseOf(model: ModelClass): ModelClass {
  return (model as unknown as { baseModel?: ModelClass }).baseModel ?? model;
}

function associationsOf(model: ModelClass): Array<Association & Record<string, unknown>> {
  return Object.values(model.associations ?? {}) as Array<Association & Record<string, unknown>>;
}

function byTarget(source: ModelClass, target: ModelClass, as: string | undefined): Association & Record<string, unknown> {
  const candidates = associationsOf(source).filter((association) => (association.target as unknown) === baseOf(target));
  if (as !== undefined) {
    const match = candidates.find((association) => association.as === as);
    if (!match) throw EagerLoadingError.unknownAlias(target.name, source.name, as, candidates.map((association) => association.as));
    return match;
  }
  if (candidates.length === 0) throw EagerLoadingError.notAssociated(target.name, source.name);
  if (candidates.length > 1) throw EagerLoadingError.ambiguous(target.name, source.name, candidates.map((association) => association.as));
  return candidates[0]!;
}

function byAlias(source: ModelClass, as: string): Association & Record<string, unknown> {
  const association = source.associations?.[as] as (Association & Record<string, unknown>) | undefined;
  if (!association) {
    throw new EagerLoadingError(`Association with alias "${as}" does not exist on ${source.name}. Known aliases: ${Object.keys(source.associations ?? {}).join(', ') || '(none)'}.`);
  }
  return association;
}

export function resolveIncludes(source: ModelClass, include: unknown): ResolvedInclude[] {
  const resolved: ResolvedInclude[] = [];
  for (const item of toArray(include)) {
    if (typeof item === 'function') resolved.push({ association: byTarget(source, item as ModelClass, undefined) });
    else if (item instanceof Association) resolved.push({ association: item as Association & Record<string, unknown> });
    else if (typeof item === 'string') resolved.push({ association: byAlias(source, item) });
    else if (item && typeof item === 'object') {
      const options = item as Record<string, unknown>;
      if (options['all']) {
        for (const association of associationsOf(source)) resolved.push({ association, ...(options['nested'] ? { include: { all: true, nested: true } } : {}) });
        continue;
      }
      const association = options['association'] instanceof Association
        ? (options['association'] as Association & Record<string, unknown>)
        : typeof options['association'] === 'string'
          ? byAlias(source, options['association'])
          : options['model'] ? byTarget(source, options['model'] as ModelClass, options['as'] as string | undefined)
          : typeof options['as'] === 'string' ? byAlias(source, options['as']) : undefined;
      if (!association) throw new EagerLoadingError(`Include of ${source.name} needs a model, an association or an alias: got ${JSON.stringify(Object.keys(options))}.`);
      resolved.push({ ...(options as Omit<ResolvedInclude, 'association'>), association });
    } else {
      throw new EagerLoadingError(`Invalid include on ${source.name}: ${String(item)}.`);
    }
  }
  return resolved;
}
