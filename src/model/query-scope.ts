import type { BuildContext } from '../query/query-context.js';
import type { RunOptions } from '../query/query-runner.js';
import type { ConnectionHolder } from '../query/query-runner.js';
import type { ModelClass } from './model-internals.js';

const rootContexts = new WeakMap<ModelClass, BuildContext>();
const tableContexts = new WeakMap<ModelClass, BuildContext>();

/** Contexts are immutable and depend only on the model: made once per model (and again if its definition is replaced). */
function memo(contexts: WeakMap<ModelClass, BuildContext>, model: ModelClass, alias: string): BuildContext {
  const known = contexts.get(model);
  const dialect = model.host.queryRunner.dialect;
  if (known !== undefined && known.scope.definition === model.definition && known.scope.alias === alias && known.dialect === dialect) return known;
  const context: BuildContext = { dialect, scope: { definition: model.definition, alias } };
  contexts.set(model, context);
  return context;
}

/** The build context of a model's root table, aliased by the model's name as Sequelize aliases it. */
export function rootContext(model: ModelClass): BuildContext {
  return memo(rootContexts, model, model.name);
}

/** A context whose table has no alias: UPDATE and DELETE name the table itself. */
export function tableContext(model: ModelClass): BuildContext {
  return memo(tableContexts, model, model.host.queryRunner.dialect.compiler.tableQualifier(model.definition.tableName, model.definition.schema));
}

export function runOptions(given: object | undefined, expectRows = true): RunOptions {
  const options = given as Record<string, unknown> | undefined;
  const result: RunOptions = { expectRows };
  if (!options) return result;
  if (options['transaction'] !== undefined) result.transaction = options['transaction'] as ConnectionHolder | null;
  if (options['logging'] !== undefined) result.logging = options['logging'] as RunOptions['logging'];
  if (options['benchmark'] !== undefined) result.benchmark = options['benchmark'] as boolean;
  if (options['retry'] !== undefined) result.retry = options['retry'] as RunOptions['retry'];
  return result;
}

/** A finder's statement: a read (v6's `type: SELECT`), sent to a read server unless `useMaster: true`. */
export function readOptions(given: object | undefined): RunOptions {
  const result = runOptions(given);
  result.read = (given as { useMaster?: unknown } | undefined)?.useMaster !== true;
  return result;
}
