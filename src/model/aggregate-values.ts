import { isVirtual, type NormalizedAttribute } from '../metadata/attributes.js';
import type { DialectTypes } from '../dialects/dialect.js';

const integerKeys = new Set(['INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'MEDIUMINT']);
const numericKeys = new Set([...integerKeys, 'FLOAT', 'REAL', 'DOUBLE PRECISION', 'DECIMAL']);

/** v6 reads an aggregate as `dataType` says: FLOAT/DECIMAL kinds parseFloat, INTEGER kinds parseInt, DATE a Date. */
function asDataType(dataType: unknown, value: unknown): unknown {
  const key = (dataType as { key?: unknown } | null)?.key;
  if (key === 'FLOAT' || key === 'DOUBLE PRECISION' || key === 'REAL' || key === 'DECIMAL') return Number.parseFloat(String(value));
  if (typeof key === 'string' && integerKeys.has(key)) return Number.parseInt(String(value), 10);
  if (key === 'DATE') return value instanceof Date ? value : new Date(value as string);
  return value;
}

/**
 * One aggregate's value: a given `dataType` as v6 applies it; else counts and sums as numbers, an average of an
 * integer attribute truncated (v6 reads it as the attribute's type), max/min as the attribute's values.
 */
export function aggregateValue(fn: string, attribute: NormalizedAttribute | undefined, dataType: unknown, types: DialectTypes, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (dataType !== undefined && dataType !== null) return asDataType(dataType, value);
  const name = fn.toLowerCase();
  if (name === 'avg' && attribute && integerKeys.has(attribute.type.key)) return Math.trunc(Number(value));
  if (name === 'count' || name === 'sum' || name === 'avg') return Number(value);
  if (!attribute || isVirtual(attribute)) return value;
  const converted = types.fromDriver(attribute.type, value);
  if (typeof converted === 'string' && numericKeys.has(attribute.type.key)) return Number(converted);
  return converted;
}
