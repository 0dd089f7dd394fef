import { DataType } from './abstract.js';

function isStringLike(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
}

export class StringType extends DataType<string> {
  readonly key: string = 'STRING';
  readonly length: number;
  readonly isBinary: boolean;

  constructor(lengthOrOptions?: number | { length?: number; binary?: boolean }, binary?: boolean) {
    super();
    const options = typeof lengthOrOptions === 'object' ? lengthOrOptions : { length: lengthOrOptions, binary };
    this.length = options.length ?? 255;
    this.isBinary = options.binary ?? false;
  }

  /** v6's option bag and its private mirrors, which plugins read (`type.options.length`, `type._length`). */
  get options(): { length: number; binary?: boolean } {
    return { length: this.length, ...(this.isBinary ? { binary: true } : {}) };
  }
  get _length(): number {
    return this.length;
  }
  get _binary(): boolean | undefined {
    return this.isBinary || undefined;
  }

  get BINARY(): this {
    return new (this.constructor as new (length: number, binary: boolean) => this)(this.length, true);
  }

  override validate(value: unknown): string | null {
    if (isStringLike(value) || (this.isBinary && Buffer.isBuffer(value))) return null;
    return `${describe(value)} is not a valid string`;
  }

  override sanitize(value: unknown): unknown {
    return typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
  }

  override setValue(value: unknown): unknown {
    return value;
  }

  override toString(): string {
    return `VARCHAR(${this.length})${this.isBinary ? ' BINARY' : ''}`;
  }
}

export class CharType extends StringType {
  override readonly key: string = 'CHAR';
  override toString(): string {
    return `CHAR(${this.length})${this.isBinary ? ' BINARY' : ''}`;
  }
}

export class CitextType extends StringType {
  override readonly key: string = 'CITEXT';
  override toString(): string {
    return 'CITEXT';
  }
}

export class TextType extends DataType<string> {
  readonly key: string = 'TEXT';
  readonly length: 'tiny' | 'medium' | 'long' | undefined;

  constructor(lengthOrOptions?: 'tiny' | 'medium' | 'long' | { length?: 'tiny' | 'medium' | 'long' }) {
    super();
    this.length = typeof lengthOrOptions === 'object' ? lengthOrOptions.length : lengthOrOptions;
  }

  override validate(value: unknown): string | null {
    return isStringLike(value) ? null : `${describe(value)} is not a valid string`;
  }

  override sanitize(value: unknown): unknown {
    return typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
  }

  override setValue(value: unknown): unknown {
    return value;
  }

  get options(): { length?: string } {
    return this.length ? { length: this.length } : {};
  }
  get _length(): string {
    return this.length ?? '';
  }

  /** TEXT, or TINYTEXT / MEDIUMTEXT / LONGTEXT for a length. */
  override toString(): string {
    return this.length ? `${this.length.toUpperCase()}TEXT` : 'TEXT';
  }
}

export class UuidType extends DataType<string> {
  readonly key: string = 'UUID';

  override validate(value: unknown): string | null {
    return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
      ? null
      : `${describe(value)} is not a valid uuid`;
  }
}

/** Marker default values: `defaultValue: DataTypes.UUIDV4` generates a fresh v4 uuid per row. */
export class UuidV4Type extends DataType<string> {
  readonly key: string = 'UUIDV4';
}
export class UuidV1Type extends DataType<string> {
  readonly key: string = 'UUIDV1';
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value)?.slice(0, 60) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
