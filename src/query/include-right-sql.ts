import { sql, type ExprNode, type JoinNode, type SelectNode } from '../sql/nodes.js';
import type { IncludeNode } from './include-plan.js';
import { correlation, hopFrom, ownFilters, tableOf, throughLink, type ParentScope } from './include-sql.js';

/*
 * A nested `right: true` (v6: `… LEFT JOIN pugs … RIGHT JOIN toys`): the RIGHT JOIN applies to everything
 * joined before it, so every include on the way down is required, and when some row of the right include is
 * reached by no chain of parents from a root row, v6 adds one root whose attributes are all NULL (its
 * includes empty: the parent the row would hang from is NULL too). This is the question whether such a row exists.
 */

/**
 * `SELECT 1 FROM toys WHERE NOT EXISTS (SELECT 1 FROM owners JOIN pugs ON … WHERE toys.pugId = pugs.id) LIMIT 1`
 * for `path` = the includes from the top-level one down to the right one; `outer` completes it (the NULL root's
 * join and the root's own where).
 */
export function unmatchedRightRow(path: readonly IncludeNode[], root: ParentScope, outer: { joins: readonly JoinNode[]; where: ExprNode | undefined }): SelectNode {
  const right = path[path.length - 1]!;
  const joins: JoinNode[] = [];
  let previous: ParentScope = root;
  for (const hop of path.slice(0, -1)) {
    const through = hop.keys.through;
    if (through) {
      joins.push({ type: 'INNER', from: tableOf(through.model.definition, through.alias), on: correlation(hop, previous) });
      joins.push({ type: 'INNER', from: tableOf(hop.model.definition, hop.alias), on: sql.and([throughLink(hop), ...ownFilters(hop)]) });
    } else {
      joins.push({ type: 'INNER', from: tableOf(hop.model.definition, hop.alias), on: sql.and([correlation(hop, previous), ...ownFilters(hop)]) });
    }
    previous = { alias: hop.alias, definition: hop.model.definition };
  }
  const reached = sql.exists({ kind: 'select', from: tableOf(root.definition, root.alias), joins, columns: [{ expr: sql.raw('1') }], where: correlation(right, previous) });
  const { from, joins: rightJoins } = hopFrom(right);
  const conditions = [sql.not(reached), ...ownFilters(right), ...(outer.where ? [outer.where] : [])];
  return { kind: 'select', from, joins: [...rightJoins, ...outer.joins], columns: [{ expr: sql.raw('1') }], where: sql.and(conditions), limit: 1 };
}
