import type { ModelDefinition } from '../metadata/model-definition.js';
import type { Dialect } from '../dialects/dialect.js';
import type { SelectedColumn } from '../query/select-builder.js';

export type RowConverter = (row: Record<string, unknown>) => Record<string, unknown>;

/**
 * Builds, once per query shape, the function that turns a driver row into attribute values: only the
 * columns whose type needs parsing (dates on SQLite, booleans on MySQL, JSON text) are touched.
 */
export function rowConverter(definition: ModelDefinition, dialect: Dialect, columns: readonly SelectedColumn[]): RowConverter {
  const parsers: Array<[string, (value: unknown) => unknown]> = [];
  for (const column of columns) {
    if (column.attribute === undefined) continue;
    const attribute = definition.attribute(column.attribute);
    if (!attribute || !dialect.types.needsParsing(attribute.type)) continue;
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
