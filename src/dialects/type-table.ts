import type { DataType } from '../data-types/abstract.js';
import { AbstractType } from '../data-types/extra-types.js';
import type { DialectTypes } from './dialect.js';

/** One dialect's handling of one data type key: DDL text and value conversions in and out of the driver. */
export interface TypeRule {
  sql(type: DataType & Record<string, unknown>): string;
  toDriver?(value: unknown, type: DataType & Record<string, unknown>): unknown;
  fromDriver?(value: unknown, type: DataType & Record<string, unknown>): unknown;
  /** v6 leaves this type's driver value unparsed in `raw: true` finder rows (SQLite's date text, MySQL's 1/0). */
  keptInRawRows?: true;
}

export type TypeTable = Readonly<Record<string, TypeRule>>;

export class TableDrivenTypes implements DialectTypes {
  constructor(private readonly table: TypeTable, private readonly dialectName: string) {}

  rule(type: DataType): TypeRule {
    const rule = this.table[type.key];
    // A custom type (`class X extends DataTypes.ABSTRACT`) declares its own DDL with toSql(), as in v6.
    if (!rule && type instanceof AbstractType) return { sql: () => type.toSql() };
    if (!rule) throw new Error(`The ${type.key} data type is not supported by the ${this.dialectName} dialect.`);
    return rule;
  }

  toSql(type: DataType): string {
    return this.rule(type).sql(type as DataType & Record<string, unknown>);
  }

  toDriver(type: DataType, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    // The instance keeps what was set (v6); the database gets the type's canonical value ('7' → 7, 12 → '12').
    value = type.sanitize(value);
    const convert = this.table[type.key]?.toDriver;
    return convert ? convert(value, type as DataType & Record<string, unknown>) : value;
  }

  fromDriver(type: DataType, value: unknown): unknown {
    if (value === null || value === undefined) return value;
    const convert = this.table[type.key]?.fromDriver;
    return convert ? convert(value, type as DataType & Record<string, unknown>) : value;
  }

  needsParsing(type: DataType): boolean {
    return this.table[type.key]?.fromDriver !== undefined;
  }

  parsesInRawRows(type: DataType): boolean {
    const rule = this.table[type.key];
    return rule?.fromDriver !== undefined && rule.keptInRawRows !== true;
  }

  rawRowValue(type: DataType, value: unknown): unknown {
    return this.table[type.key]?.keptInRawRows === true ? this.toDriver(type, value) : value;
  }
}

/** Length/precision suffix shared by numeric DDL: `(10,2)`, `(11)` or nothing. */
export function numericSuffix(type: Record<string, unknown>): string {
  const options = (type['options'] ?? {}) as { precision?: number; scale?: number; length?: number };
  if (options.precision !== undefined && options.scale !== undefined) return `(${options.precision},${options.scale})`;
  if (options.length !== undefined) return `(${options.length})`;
  return '';
}

export function enumValues(type: Record<string, unknown>): readonly string[] {
  return (type['values'] as readonly string[] | undefined) ?? [];
}

export function stringifyJson(value: unknown): unknown {
  return JSON.stringify(value);
}

export function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function toBoolean(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value) !== 0;
  if (typeof value === 'string') return value === '1' || value === 'true' || value === 't';
  if (Buffer.isBuffer(value)) return value[0] === 1;
  return value;
}

export function escapeStringLiteral(text: string, backslashes: boolean): string {
  const escaped = text.replaceAll("'", "''");
  return `'${backslashes ? escaped.replaceAll('\\', '\\\\') : escaped}'`;
}
