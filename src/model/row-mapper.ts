import type { ModelDefinition } from '../metadata/model-definition.js';
import type { Dialect } from '../dialects/dialect.js';
import type { SelectedColumn } from '../query/select-builder.js';

export type RowConverter = (row: Record<string, unknown>) => Record<string, unknown>;

/**
 * Builds, once per query shape, the function that turns a driver row into attribute values: only the
 * columns whose type needs parsing (dates on SQLite, booleans on MySQL, JSON text) are touched. For
 * `raw: true` rows, only those v6 parses there.
 */
export function rowConverter(definition: ModelDefinition, dialect: Dialect, columns: readonly SelectedColumn[], forRawRows = false): RowConverter {
  const parsers: Array<[string, (value: unknown) => unknown]> = [];
  for (const column of columns) {
    if (column.attribute === undefined) continue;
    const attribute = definition.attribute(column.attribute);
    if (!attribute || !(forRawRows ? dialect.types.parsesInRawRows(attribute.type) : dialect.types.needsParsing(attribute.type))) continue;
    const type = attribute.type;
    parsers.push([column.key, (value) => dialect.types.fromDriver(type, value)]);
  }
  if (parsers.length === 0) return (row) => row;
  return (row) => {
    for (const [key, parse] of parsers) {
      const value = row[key];
      if (value !== null && value !== undefined) row[key] = parse(value);
    }
    return row;
  };
}

/** A driver row: an object keyed by column alias, or an array in select order. */
export type DriverRow = Readonly<Record<string, unknown>> | readonly unknown[];
export type RowReader = (row: DriverRow) => Record<string, unknown>;

/**
 * Reads `columns` from a driver row into a fresh values object keyed by `keyOf`, parsing the types that need
 * it. With `offset`, the row is an array in select order and `columns` start at that index.
 */
export function rowReader(definition: ModelDefinition, dialect: Dialect, columns: readonly SelectedColumn[], keyOf: (column: SelectedColumn) => string, offset?: number): RowReader {
  const keys = columns.map(keyOf);
  const sources: Array<string | number> = columns.map((column, index) => (offset === undefined ? column.key : offset + index));
  const parsers = columns.map((column) => {
    const attribute = column.attribute === undefined ? undefined : definition.attribute(column.attribute);
    if (!attribute || !dialect.types.needsParsing(attribute.type)) return undefined;
    const type = attribute.type;
    return (value: unknown) => dialect.types.fromDriver(type, value);
  });
  return (row) => {
    const values: Record<string, unknown> = {};
    for (let index = 0; index < keys.length; index += 1) {
      const value = (row as Readonly<Record<string | number, unknown>>)[sources[index]!];
      const parse = parsers[index];
      values[keys[index]!] = parse !== undefined && value !== null && value !== undefined ? parse(value) : value;
    }
    return values;
  };
}
