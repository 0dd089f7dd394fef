import type { Dialect } from '../dialects/dialect.js';
import type { IncludeNode } from '../query/include-plan.js';
import { selectColumns } from '../query/select-builder.js';
import { sql, type SelectColumn } from '../sql/nodes.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import { setIncluded, type Instance } from './include-load.js';
import { rowConverter, type RowConverter } from './row-mapper.js';

/*
 * An aggregate in an include's own attributes with the root grouped, v6's
 * `findAll({ attributes: ['id'], include: [{ model: Toy, attributes: [[fn('COUNT', col('toys.id')), 'toyCount']] }], group: ['pug.id'] })`:
 * the include is joined (model/include-aggregate.ts) and its columns are read from the root rows, as
 * `toys.toyCount`, into one included row per root row (`toys: [{ toyCount: 3 }]`), none where the root row
 * joined no row of it (v6 tells by the included key; here `COUNT(toys.id)`, which a grouped query allows).
 */

type Build = new (values: Record<string, unknown>, options: Record<string, unknown>) => Instance;

function aggregates(attributes: unknown): boolean {
  const items = Array.isArray(attributes) ? attributes : (attributes as { include?: unknown[] } | undefined)?.include ?? [];
  return items.some((item) => item instanceof SqlFragment || (Array.isArray(item) && item[0] instanceof SqlFragment));
}

/** The root's includes whose own attributes aggregate (only with a `group`, as v6 needs it there). */
export function inlineNodes(tree: readonly IncludeNode[], options: { group?: unknown }): IncludeNode[] {
  if (options.group === undefined || options.group === null) return [];
  return tree.filter((node) => !node.separate && node.limit === undefined && node.children.length === 0 && aggregates(node.attributes));
}

export interface InlineRead {
  /** The root query's extra columns: the include's, as `<as>.<key>`, and its presence count. */
  readonly columns: SelectColumn[];
  /** Takes the include's values off a root row (before the root instance is built) and returns how to attach them. */
  readonly take: (row: Record<string, unknown>) => (parent: Instance) => void;
  /** Removes the presence columns from a raw row. */
  readonly strip: (row: Record<string, unknown>) => Record<string, unknown>;
}

const presenceKey = (node: IncludeNode) => `${node.as}.__present`;

export function inlineRead(nodes: readonly IncludeNode[], dialect: Dialect): InlineRead {
  const columns: SelectColumn[] = [];
  const reads: Array<{ node: IncludeNode; keys: string[]; convert: RowConverter; names: string[] }> = [];
  for (const node of nodes) {
    const built = selectColumns(node.attributes, node.context);
    const keys: string[] = [];
    for (const column of built.columns) {
      const key = column.alias ?? (column.expr.kind === 'column' ? column.expr.name : undefined);
      if (key === undefined) continue;
      columns.push({ expr: column.expr, alias: `${node.as}.${key}` });
      keys.push(key);
    }
    const definition = node.model.definition;
    const primaryKey = definition.primaryKeyAttributes[0];
    columns.push({ expr: primaryKey ? sql.fn('COUNT', [sql.column(definition.columnOf(primaryKey), node.alias)]) : sql.raw('1'), alias: presenceKey(node) });
    reads.push({ node, keys, convert: rowConverter(definition, dialect, built.selected), names: keys });
  }
  const take = (row: Record<string, unknown>) => {
    const found = reads.map(({ node, keys, convert, names }) => {
      const values: Record<string, unknown> = {};
      for (const key of keys) {
        values[key] = row[`${node.as}.${key}`];
        delete row[`${node.as}.${key}`];
      }
      const present = Number(row[presenceKey(node)]) > 0;
      delete row[presenceKey(node)];
      return { node, values: present ? convert(values) : undefined, names };
    });
    return (parent: Instance) => {
      for (const { node, values, names } of found) {
        const child = values ? new (node.model as unknown as Build)(values, { isNewRecord: false, raw: true, attributes: names }) : undefined;
        setIncluded(parent, node.as, node.isMany ? (child ? [child] : []) : child ?? null);
      }
    };
  };
  const strip = (row: Record<string, unknown>) => {
    for (const { node } of reads) delete row[presenceKey(node)];
    return row;
  };
  return { columns, take, strip };
}
