import { UsageError } from '../errors/usage-errors.js';
import type { FindOptions } from '../query/find-options.js';
import type { BuildContext } from '../query/query-context.js';
import type { ModelClass } from './model-internals.js';

/** Eager loading entry point: plans the include tree, runs it, and turns the nested records into instances. */
export async function loadIncludes(model: ModelClass, _options: FindOptions, _context: BuildContext): Promise<unknown[]> {
  throw new UsageError(`Eager loading (include) on ${model.name} is not available yet.`);
}

export async function countWithIncludes(model: ModelClass, _options: FindOptions, _context: BuildContext): Promise<number> {
  throw new UsageError(`count with include on ${model.name} is not available yet.`);
}
