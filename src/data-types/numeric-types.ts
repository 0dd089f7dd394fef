import { DataType } from './abstract.js';
import { describe } from './string-types.js';

interface NumericOptions {
  length?: number;
  precision?: number;
  scale?: number;
  unsigned?: boolean;
  zerofill?: boolean;
}

export abstract class NumericType<JsType> extends DataType<JsType> {
  options: NumericOptions;

  constructor(lengthOrOptions?: number | NumericOptions, scale?: number) {
    super();
    this.options = typeof lengthOrOptions === 'object' ? { ...lengthOrOptions } : { length: lengthOrOptions, precision: lengthOrOptions, scale };
  }

  // v6's private mirrors of the options, which plugins read.
  get _length(): number | undefined {
    return this.options.length;
  }
  get _precision(): number | undefined {
    return this.options.precision;
  }
  get _scale(): number | undefined {
    return this.options.scale;
  }
  get _unsigned(): boolean | undefined {
    return this.options.unsigned;
  }
  get _zerofill(): boolean | undefined {
    return this.options.zerofill;
  }

  get UNSIGNED(): this {
    return this.withOption({ unsigned: true });
  }

  get ZEROFILL(): this {
    return this.withOption({ zerofill: true });
  }

  /** v6's text: the key, `(length[,scale])`, then UNSIGNED and ZEROFILL. */
  override toString(): string {
    const length = this.options.length ?? this.options.precision;
    let text = this.key;
    if (length !== undefined) text += `(${length}${typeof this.options.scale === 'number' ? `,${this.options.scale}` : ''})`;
    return text + (this.options.unsigned ? ' UNSIGNED' : '') + (this.options.zerofill ? ' ZEROFILL' : '');
  }

  private withOption(extra: NumericOptions): this {
    const copy = Object.create(Object.getPrototypeOf(this)) as this;
    Object.assign(copy, this, { options: { ...this.options, ...extra } });
    return copy;
  }
}

const integerPattern = /^[-+]?\d+$/;

abstract class IntegerLike<JsType> extends NumericType<JsType> {
  override validate(value: unknown): string | null {
    if (typeof value === 'number') return Number.isInteger(value) ? null : `${value} is not a valid integer`;
    if (typeof value === 'bigint') return null;
    if (typeof value === 'string' && integerPattern.test(value.trim())) return null;
    return `${describe(value)} is not a valid integer`;
  }
}

export class IntegerType extends IntegerLike<number> {
  readonly key: string = 'INTEGER';
  override sanitize(value: unknown): unknown {
    return typeof value === 'string' && integerPattern.test(value.trim()) ? Number(value) : value;
  }
  override setValue(value: unknown): unknown {
    return value;
  }
}
export class TinyIntType extends IntegerType {
  override readonly key: string = 'TINYINT';
}
export class SmallIntType extends IntegerType {
  override readonly key: string = 'SMALLINT';
}
export class MediumIntType extends IntegerType {
  override readonly key: string = 'MEDIUMINT';
}
/** BIGINT keeps what the driver gives (strings on PostgreSQL, as in Sequelize), so values past 2^53 survive. */
export class BigIntType extends IntegerLike<string | number> {
  readonly key: string = 'BIGINT';
}

abstract class FloatingType extends NumericType<number> {
  override validate(value: unknown): string | null {
    if (typeof value === 'number') return null;
    if (typeof value === 'string' && value.trim() !== '' && (!Number.isNaN(Number(value)) || ['NaN', 'Infinity', '-Infinity'].includes(value))) return null;
    return `${describe(value)} is not a valid ${this.key.toLowerCase()}`;
  }
}
/** v6's NUMBER: the base of the numeric types; as a column, SQLite's NUMBER affinity. */
export class NumberType extends FloatingType {
  readonly key: string = 'NUMBER';
}
export class FloatType extends FloatingType {
  readonly key: string = 'FLOAT';
}
export class DoubleType extends FloatingType {
  readonly key: string = 'DOUBLE PRECISION';
}
export class RealType extends FloatingType {
  readonly key: string = 'REAL';
}

/** DECIMAL values read back as strings (exact), as Sequelize returns them on PostgreSQL and MySQL. */
export class DecimalType extends NumericType<string | number> {
  readonly key: string = 'DECIMAL';
  /** `DECIMAL`, `DECIMAL(10)`, `DECIMAL(10,2)`, as v6 writes them (UNSIGNED / ZEROFILL only show in MySQL's DDL). */
  override toString(): string {
    const parts = [this.options.precision ?? this.options.length, this.options.scale].filter((part) => part !== undefined && part !== 0);
    return `DECIMAL${parts.length > 0 ? `(${parts.join(',')})` : ''}`;
  }
  override validate(value: unknown): string | null {
    if (typeof value === 'number' || typeof value === 'bigint') return null;
    if (typeof value === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value.trim())) return null;
    return `${describe(value)} is not a valid decimal`;
  }
}
