import { UsageError } from '../../errors/usage-errors.js';
import type { IntrospectionRunner, RebuiltTable, TableConstraintText } from '../dialect.js';

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;

/** Splits at top-level commas: not inside parentheses, quotes or backticks. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoteChar: string | undefined;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoteChar) {
      if (char === quoteChar) quoteChar = undefined;
    } else if (char === "'" || char === '"' || char === '`' || char === '[') {
      quoteChar = char === '[' ? ']' : char;
    } else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

function unquoteName(name: string): string {
  const match = /^[`"[](.*)[`"\]]$/s.exec(name);
  return match ? match[1]!.replaceAll('``', '`').replaceAll('""', '"') : name;
}

function columnsIn(list: string | undefined): string[] {
  return list ? splitTopLevel(list).map((item) => unquoteName(item.split(/\s+/)[0]!)) : [];
}

const leadingName = /^([`"[][^`"\]]*[`"\]]|\S+)\s*/;

function parseConstraint(text: string): TableConstraintText | undefined {
  let rest = text;
  let name: string | undefined;
  const named = /^CONSTRAINT\s+/i.exec(rest);
  if (named) {
    rest = rest.slice(named[0].length);
    const nameMatch = leadingName.exec(rest)!;
    name = unquoteName(nameMatch[1]!);
    rest = rest.slice(nameMatch[0].length);
  }
  const kind = /^(PRIMARY\s+KEY|UNIQUE|FOREIGN\s+KEY|CHECK)\b/i.exec(rest)?.[1]?.toUpperCase().replace(/\s+/, ' ');
  if (!kind && !named) return undefined;
  const columns = kind === 'CHECK' ? [] : columnsIn(/^\w+(?:\s+KEY)?\s*\(([^)]*)\)/i.exec(rest)?.[1]);
  const kinds: Record<string, TableConstraintText['kind']> = { 'PRIMARY KEY': 'primaryKey', UNIQUE: 'unique', 'FOREIGN KEY': 'foreignKey', CHECK: 'check' };
  return { kind: kinds[kind ?? ''] ?? 'other', name, columns, text };
}

/** Reads `CREATE TABLE … (…)` back into column definitions and table constraints. */
export function parseCreateTable(sql: string): RebuiltTable {
  const body = sql.slice(sql.indexOf('(') + 1, sql.lastIndexOf(')'));
  const columns: { name: string; definition: string }[] = [];
  const constraints: TableConstraintText[] = [];
  for (const part of splitTopLevel(body)) {
    const constraint = parseConstraint(part);
    if (constraint) constraints.push(constraint);
    else columns.push({ name: unquoteName(leadingName.exec(part)![1]!), definition: part });
  }
  return { columns, constraints };
}

/**
 * Inside a transaction foreign keys cannot be switched off, and dropping the old table deletes its rows first,
 * which would cascade to (or be refused by) rows of other tables pointing at them.
 */
async function assertNoReferencingRows(run: IntrospectionRunner, table: string): Promise<void> {
  const [enforced] = await run('PRAGMA foreign_keys');
  if (Number(enforced?.['foreign_keys']) !== 1) return;
  const references = await run("SELECT m.name AS child, f.\"from\" AS column FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.\"table\" = ? AND m.name <> ?", [table, table]);
  for (const reference of references) {
    const child = String(reference['child']);
    const [row] = await run(`SELECT 1 AS found FROM ${quote(child)} WHERE ${quote(String(reference['column']))} IS NOT NULL LIMIT 1`);
    if (row) {
      throw new UsageError(`Changing "${table}" on SQLite rebuilds it; inside a transaction foreign keys cannot be switched off, so the rows of "${child}" that reference it would be deleted or rejected. Run this change outside a transaction.`);
    }
  }
}

/**
 * SQLite's documented way to change a table it cannot ALTER: create the new shape, copy the rows, drop the old
 * table, rename, recreate the indexes. Foreign-key enforcement is off meanwhile (when the connection is ours), so
 * dropping the old table cascades nothing; `foreign_key_check` then proves the copy kept every reference.
 */
export async function rebuildSqliteTable(run: IntrospectionRunner, table: string, change: (table: RebuiltTable) => RebuiltTable, ownsConnection: boolean): Promise<void> {
  const [definition] = await run("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
  if (!definition) throw new UsageError(`Table "${table}" does not exist, so it cannot be changed.`);
  const before = parseCreateTable(String(definition['sql']));
  const after = change(before);
  const kept = after.columns.map((column) => column.name).filter((name) => before.columns.some((old) => old.name === name));
  const indexes = await run("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", [table]);
  const keptIndexes: string[] = [];
  for (const index of indexes) {
    const indexColumns = (await run(`PRAGMA index_info(${quote(String(index['name']))})`)).map((row) => String(row['name']));
    if (indexColumns.every((column) => kept.includes(column))) keptIndexes.push(String(index['sql']));
  }
  if (!ownsConnection) await assertNoReferencingRows(run, table);
  const temporary = `${table}_joinery_rebuild`;
  const columnList = kept.map(quote).join(', ');
  const body = [...after.columns.map((column) => column.definition), ...after.constraints.map((constraint) => constraint.text)].join(', ');
  if (ownsConnection) await run('PRAGMA foreign_keys = OFF');
  try {
    if (ownsConnection) await run('BEGIN IMMEDIATE');
    try {
      await run(`CREATE TABLE ${quote(temporary)} (${body})`);
      await run(`INSERT INTO ${quote(temporary)} (${columnList}) SELECT ${columnList} FROM ${quote(table)}`);
      await run(`DROP TABLE ${quote(table)}`);
      await run(`ALTER TABLE ${quote(temporary)} RENAME TO ${quote(table)}`);
      for (const index of keptIndexes) await run(index);
      const broken = await run(`PRAGMA foreign_key_check(${quote(table)})`);
      if (broken.length > 0) throw new UsageError(`Rebuilding "${table}" would leave ${broken.length} row(s) whose foreign key points nowhere; nothing was changed.`);
      if (ownsConnection) await run('COMMIT');
    } catch (error) {
      if (ownsConnection) await run('ROLLBACK');
      throw error;
    }
  } finally {
    if (ownsConnection) await run('PRAGMA foreign_keys = ON');
  }
}
