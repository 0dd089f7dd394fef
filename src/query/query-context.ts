import type { Dialect } from '../dialects/dialect.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import type { ExprNode } from '../sql/nodes.js';

/**
 * What the query layer needs to know about a model: its definition and how to reach associated models.
 * The model layer implements it; the query layer never imports the Model class.
 */
export interface ModelRef {
  readonly name: string;
  readonly definition: ModelDefinition;
}

/** How a query names one table and the model behind it (aliases follow Sequelize: the model name). */
export interface TableScope {
  readonly definition: ModelDefinition;
  readonly alias: string;
}

export interface BuildContext {
  readonly dialect: Dialect;
  readonly scope: TableScope;
  /** Resolves `$assoc.attr$` / `assoc.attr` references in where and order, when includes are in play. */
  readonly resolvePath?: (path: string[]) => { alias: string; definition: ModelDefinition } | undefined;
  /**
   * The aliased expressions of `attributes` (`[fn('COUNT', …), 'n']`): `having: { n: … }` compares the
   * expression itself, which every dialect accepts (PostgreSQL does not accept output aliases in HAVING).
   */
  readonly selectAliases?: ReadonlyMap<string, ExprNode>;
}
