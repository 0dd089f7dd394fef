import type { BuildContext } from '../query/query-context.js';
import type { RunOptions } from '../query/query-runner.js';
import type { ConnectionHolder } from '../query/query-runner.js';
import type { ModelClass } from './model-internals.js';

/** The build context of a model's root table, aliased by the model's name as Sequelize aliases it. */
export function rootContext(model: ModelClass): BuildContext {
  return { dialect: model.host.queryRunner.dialect, scope: { definition: model.definition, alias: model.name } };
}

/** A context whose table has no alias: UPDATE and DELETE name the table itself. */
export function tableContext(model: ModelClass): BuildContext {
  return { dialect: model.host.queryRunner.dialect, scope: { definition: model.definition, alias: model.definition.tableName } };
}

export function runOptions(given: object | undefined, expectRows = true): RunOptions {
  const options = given as Record<string, unknown> | undefined;
  const result: RunOptions = { expectRows };
  if (!options) return result;
  if (options['transaction'] !== undefined) result.transaction = options['transaction'] as ConnectionHolder | null;
  if (options['logging'] !== undefined) result.logging = options['logging'] as RunOptions['logging'];
  if (options['benchmark'] !== undefined) result.benchmark = options['benchmark'] as boolean;
  return result;
}
