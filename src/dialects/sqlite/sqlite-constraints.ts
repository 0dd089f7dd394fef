import type { IntrospectionRunner } from '../dialect.js';
import { parseCreateTable } from './sqlite-rebuild.js';

const unquote = (name: string) => name.trim().replace(/^[`"[](.*)[`"\]]$/s, '$1');

/**
 * v6's `showConstraint` on SQLite: the named constraints of the table's CREATE TABLE text, each with its type,
 * its condition or column list as written, and a foreign key's target and actions.
 */
export async function sqliteShowConstraints(run: IntrospectionRunner, table: string, constraintName: string | undefined): Promise<Record<string, unknown>[]> {
  const [row] = await run("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
  if (!row) return [];
  const sql = String(row['sql']);
  const constraints = parseCreateTable(sql).constraints.filter((constraint) => constraint.name !== undefined && (constraintName === undefined || constraint.name === constraintName));
  return constraints.map((constraint) => {
    const body = constraint.text.replace(/^CONSTRAINT\s+(`[^`]*`|"[^"]*"|\[[^\]]*\]|\S+)\s*/i, '');
    const type = /^(PRIMARY\s+KEY|UNIQUE|FOREIGN\s+KEY|CHECK)/i.exec(body)?.[1]?.toUpperCase().replace(/\s+/, ' ');
    const afterType = type ? body.slice(body.search(/\(/)) : body;
    const condition = type === 'FOREIGN KEY' ? /^\([^)]*\)/.exec(afterType)?.[0] : afterType.trim();
    const references = /REFERENCES\s+(`[^`]*`|"[^"]*"|\S+)\s*\(([^)]*)\)/i.exec(body);
    return {
      constraintName: constraint.name,
      constraintType: type,
      updateAction: /ON UPDATE (SET NULL|SET DEFAULT|NO ACTION|CASCADE|RESTRICT)/i.exec(body)?.[1]?.toUpperCase(),
      deleteAction: /ON DELETE (SET NULL|SET DEFAULT|NO ACTION|CASCADE|RESTRICT)/i.exec(body)?.[1]?.toUpperCase(),
      sql,
      constraintCondition: condition,
      referenceTableName: references ? unquote(references[1]!) : undefined,
      referenceTableKeys: references ? references[2]!.split(',').map(unquote) : undefined,
    };
  });
}
