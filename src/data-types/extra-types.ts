import { DataType } from './abstract.js';
import { describe } from './string-types.js';

/**
 * `DataTypes.ABSTRACT`: the base custom types extend (`class Money extends DataTypes.ABSTRACT { toSql() {…} }`).
 * A subclass's DDL is its `toSql()`; its key is its static `key` when it declares one, as in v6.
 */
export class AbstractType extends DataType<unknown> {
  get key(): string {
    const declared = (this.constructor as { key?: unknown }).key;
    return typeof declared === 'string' ? declared : 'ABSTRACT';
  }
}

/**
 * A type written as SQL text (`type: 'VARCHAR(20)'`, `'TIMESTAMP'`, common in migrations): as in v6 the text goes
 * into the DDL as is, and values pass through unconverted and unchecked.
 */
export class RawSqlType extends AbstractType {
  constructor(readonly sql: string) {
    super();
  }
  override get key(): string {
    return 'RAW_SQL';
  }
  override toString(): string {
    return this.sql;
  }
}

/** PostgreSQL's key/value column (needs the hstore extension): plain objects whose values are strings or null. */
export class HstoreType extends DataType<Record<string, string | null>> {
  readonly key: string = 'HSTORE';
  override validate(value: unknown): string | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
      return `${describe(value)} is not a valid hstore`;
    }
    return null;
  }
}

/** Geometry as GeoJSON objects (`{ type: 'Point', coordinates: [1, 2] }`), as Sequelize v6 takes and gives them. */
export class GeometryType extends DataType<Record<string, unknown>> {
  readonly key: string = 'GEOMETRY';
  readonly type: string | undefined;
  readonly srid: number | undefined;
  readonly options: { type?: string; srid?: number };

  constructor(typeOrOptions?: string | { type?: string; srid?: number }, srid?: number) {
    super();
    this.options = typeof typeOrOptions === 'object' ? { ...typeOrOptions } : { type: typeOrOptions, srid };
    this.type = this.options.type;
    this.srid = this.options.srid;
  }

  override validate(value: unknown): string | null {
    if (typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string') return null;
    return `${describe(value)} is not a valid GeoJSON geometry`;
  }
}

export class GeographyType extends GeometryType {
  override readonly key: string = 'GEOGRAPHY';
}
