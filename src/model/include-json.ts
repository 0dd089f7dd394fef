import type { JsonRows, JsonRowsShape } from '../dialects/dialect.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import type { LevelSelect } from '../query/include-sql.js';
import type { QueryRunner, RunOptions } from '../query/query-runner.js';
import type { SelectedColumn } from '../query/select-builder.js';
import type { CompiledQuery } from '../sql/compiler.js';

/*
 * An include level read as one JSON document where the dialect says that is cheaper (SQLite): the statement
 * returns the parent keys as a JSON array and the rows as a JSON array of objects keyed as the instances'
 * dataValues, the join row nested under the through model's name. JSON.parse then builds the values objects
 * themselves, so nothing is copied out of driver rows. Any column whose type might not read back exactly
 * (REAL, BLOB, a computed column) keeps the level on plain rows, and so does a document too large for one
 * string or a BLOB found in a text column.
 */

export interface JsonLevel {
  /** The parent key of each row. */
  readonly keys: readonly unknown[];
  /** Each row's values: the child's keys, then the join row's values as an object under `nestedKey`. */
  readonly objects: Array<Record<string, unknown>>;
}

/** Where the level's columns go in its JSON objects, or undefined when one of them cannot be read from JSON. */
export function jsonShape(json: JsonRows, select: LevelSelect, child: ModelDefinition, through: { definition: ModelDefinition; key: string } | undefined): JsonRowsShape | undefined {
  const longColumns: number[] = [];
  const fieldsOf = (definition: ModelDefinition, columns: readonly SelectedColumn[], offset: number, keyOf: (column: SelectedColumn) => string) => {
    const fields: Array<readonly [string, number]> = [];
    for (const [index, column] of columns.entries()) {
      const attribute = column.attribute === undefined ? undefined : definition.attribute(column.attribute);
      const readable = attribute ? json.readable(attribute.type) : undefined;
      if (readable === undefined) return undefined;
      if (readable === 'long') longColumns.push(offset + index);
      fields.push([keyOf(column), offset + index]);
    }
    return fields;
  };
  const fields = fieldsOf(child, select.columns, 0, (column) => column.key);
  if (!fields) return undefined;
  if (!through || select.throughColumns.length === 0) return { fields, longColumns };
  const nested = fieldsOf(through.definition, select.throughColumns, select.columns.length, (column) => column.attribute!);
  if (!nested) return undefined;
  return { fields, nested: { key: through.key, fields: nested }, longColumns };
}

/** Runs the level as one JSON document; undefined when it has to be read as plain rows after all. */
export async function readJsonLevel(runner: QueryRunner, json: JsonRows, compiled: CompiledQuery, select: LevelSelect, shape: JsonRowsShape, options: RunOptions): Promise<JsonLevel | undefined> {
  const keyIndex = select.columns.length + select.throughColumns.length;
  const query = { sql: json.wrap(compiled.sql, select.outputCount, keyIndex, shape), parameters: compiled.parameters };
  let rows: unknown[][];
  try {
    rows = await runner.arrays(query, options);
  } catch (error) {
    if (json.cannotHold(error)) return undefined;
    throw error;
  }
  const [keys, objects] = rows[0] ?? [];
  if (typeof keys !== 'string' || typeof objects !== 'string') return undefined;
  return { keys: JSON.parse(keys) as unknown[], objects: JSON.parse(objects) as Array<Record<string, unknown>> };
}
