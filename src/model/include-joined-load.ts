import type { FindOptions } from '../query/find-options.js';
import { levelOrder, splitOrder } from '../query/include-order.js';
import { chainTo, keyAttributes, levelFilter, type JoinedWhere } from '../query/include-joined-where.js';
import { linkName, type IncludeNode } from '../query/include-plan.js';
import { levelSelect } from '../query/include-sql.js';
import type { SelectedColumn } from '../query/select-builder.js';
import { sql } from '../sql/nodes.js';
import { chunk } from '../utils/object.js';
import { keyOf, loadLevels, neededKeys, setIncluded, stripAdded, type Instance, type LevelLoader } from './include-load.js';
import type { ModelClass } from './model-internals.js';
import { readOptions } from './query-scope.js';
import { rowReader } from './row-mapper.js';

/*
 * Loads the include levels a root where on to-many included columns (`'$friends.name$'`) filters
 * (query/include-joined-where.ts): each level's rows come with the keys of the parents above them, so a
 * friend linked to two pugs is stitched to each pug with its own children, as Sequelize's join shows them.
 */

type Build = new (values: Record<string, unknown>, options: Record<string, unknown>) => Instance;

const byKey = (column: SelectedColumn) => column.key;
const byAttribute = (column: SelectedColumn) => column.attribute!;
// `included`: shows the target's getterMethods, as v6's included instances do.
const hydrated = { isNewRecord: false, raw: true, included: true };

function rowKey(values: readonly unknown[]): string {
  return values.map((value) => String(keyOf(value))).join(',');
}

export class JoinedLoader implements LevelLoader {
  /** Each loaded instance's chain: its key and those of the parents above it, from the root down. */
  private readonly chains = new WeakMap<object, string>();

  constructor(private readonly joined: JoinedWhere) {}

  handles(node: IncludeNode): boolean {
    return this.joined.members.has(node);
  }

  setRoots(roots: readonly Instance[]): void {
    const keys = keyAttributes(this.joined.root.definition, 'a where on included columns');
    for (const root of roots) this.chains.set(root, rowKey(keys.map((name) => root.dataValues[name])));
  }

  async load(parents: readonly Instance[], node: IncludeNode, pushed: readonly unknown[] | undefined, options: FindOptions): Promise<unknown[]> {
    const chain = chainTo(this.joined.tree, node)!;
    const groups = new Map<string, Instance[]>();
    const parentKeys = new Map<unknown, unknown>();
    for (const parent of parents) {
      const value = parent.dataValues[node.keys.parentKey];
      const key = keyOf(value);
      if (key !== undefined && !parentKeys.has(key)) parentKeys.set(key, value);
    }
    if (parentKeys.size > 0) await this.loadRows(node, chain, [...parentKeys.values()], pushed, options, groups);
    return parents.map((parent) => {
      const list = groups.get(this.chains.get(parent) ?? '') ?? [];
      return node.isMany ? [...list] : list[0] ?? null;
    });
  }

  private async loadRows(node: IncludeNode, chain: readonly IncludeNode[], keys: unknown[], pushed: readonly unknown[] | undefined, options: FindOptions, groups: Map<string, Instance[]>): Promise<void> {
    const target = node.model as unknown as Build;
    const runner = (node.model as unknown as ModelClass).host.queryRunner;
    const dialect = runner.dialect;
    const order = splitOrder(levelOrder(pushed, node.order), { model: node.model, context: node.context, nodes: node.children, parentAlias: node.alias, through: node.keys.through });
    const ownKeys = keyAttributes(node.model.definition, 'a where on included columns');
    const needed = [...new Set([...neededKeys(node.children), ...ownKeys])];
    const through = node.keys.through;
    const Through = through?.model as unknown as Build | undefined;
    const attachThrough = through !== undefined && (node.throughAttributes === undefined || node.throughAttributes.length > 0);
    const filter = levelFilter(this.joined, chain);
    const chainWidth = filter.chainColumns.length;
    const children: Instance[] = [];
    let added: readonly string[] = [];
    for (const part of chunk(keys, Math.max(1, dialect.supports.maxParameters - 100))) {
      const select = levelSelect(node, part, needed, order.orderBy);
      added = select.added;
      const base = select.node;
      const compiled = dialect.compiler.compile({
        ...base, columns: [...base.columns, ...filter.chainColumns],
        joins: [...(base.joins ?? []), ...filter.joins], where: sql.and([...(base.where ? [base.where] : []), ...filter.where]),
      });
      const rows = await runner.rows(compiled, readOptions(options));
      const readChild = rowReader(node.model.definition, dialect, select.columns, byKey);
      const readLink = through ? rowReader(through.model.definition, dialect, select.throughColumns, byAttribute) : undefined;
      const childOptions = node.attributes !== undefined ? { isNewRecord: false, raw: true, attributes: select.columns.map((column) => column.key).filter((name) => !select.added.includes(name)) } : hydrated;
      for (const row of rows) {
        const chainValues: unknown[] = [];
        for (let index = 0; index < chainWidth; index += 1) chainValues.push(row[filter.chainColumns[index]!.alias!]);
        const parentChain = this.parentChain(chain, chainValues);
        const child = new target(readChild(row), childOptions);
        if (attachThrough && readLink && Through) setIncluded(child, linkName(node), new Through(readLink(row), hydrated));
        this.chains.set(child, `${parentChain}/${rowKey(ownKeys.map((name) => child.dataValues[name]))}`);
        const list = groups.get(parentChain);
        if (list) list.push(child);
        else groups.set(parentChain, [child]);
        children.push(child);
      }
    }
    if (node.children.length > 0 && children.length > 0) {
      await loadLevels(children, node.children, order.pushed, options, this);
      for (const child of children) child._options = { ...child._options, include: node.children.map((item) => item.item), includeNames: node.children.map((item) => item.as) };
    }
    stripAdded(children, added);
  }

  /** The chain string of the parent a row hangs under, from the keys the level query output (root first). */
  private parentChain(chain: readonly IncludeNode[], values: readonly unknown[]): string {
    const parts: string[] = [];
    let offset = 0;
    for (const definition of [this.joined.root.definition, ...chain.slice(0, -1).map((item) => item.model.definition)]) {
      const width = definition.primaryKeyAttributes.length;
      parts.push(rowKey(values.slice(offset, offset + width)));
      offset += width;
    }
    return parts.join('/');
  }
}
