import { DataType } from './abstract.js';
import { describe } from './string-types.js';

const truthy = new Set(['true', 't', '1']);
const falsy = new Set(['false', 'f', '0']);

export class BooleanType extends DataType<boolean> {
  readonly key: string = 'BOOLEAN';
  /** v6's dialect-neutral text. */
  override toString(): string {
    return 'TINYINT(1)';
  }

  override validate(value: unknown): string | null {
    if (typeof value === 'boolean' || value === 0 || value === 1) return null;
    if (typeof value === 'string' && (truthy.has(value) || falsy.has(value))) return null;
    if (Buffer.isBuffer(value) && value.length === 1) return null;
    return `${describe(value)} is not a valid boolean`;
  }

  override sanitize(value: unknown): unknown {
    if (value === 1 || (typeof value === 'string' && truthy.has(value))) return true;
    if (value === 0 || (typeof value === 'string' && falsy.has(value))) return false;
    if (Buffer.isBuffer(value) && value.length === 1) return value[0] === 1;
    return value;
  }
}

export class JsonType extends DataType<unknown> {
  readonly key: string = 'JSON';
  override validate(value: unknown): string | null {
    return typeof value === 'function' || typeof value === 'symbol' ? `${describe(value)} is not valid JSON` : null;
  }
}

/** Binary JSON on PostgreSQL; the other dialects store it as their JSON type. */
export class JsonbType extends JsonType {
  override readonly key: string = 'JSONB';
}

export class EnumType<Values extends string = string> extends DataType<Values> {
  readonly key: string = 'ENUM';
  readonly values: readonly Values[];

  constructor(...args: [{ values: readonly Values[] }] | Values[] | [readonly Values[]]) {
    super();
    const first = args[0];
    if (Array.isArray(first)) this.values = first as readonly Values[];
    else if (typeof first === 'object' && first !== null) this.values = (first as { values: readonly Values[] }).values;
    else this.values = args as Values[];
  }

  get options(): { values: readonly Values[] } {
    return { values: this.values };
  }

  override validate(value: unknown): string | null {
    return this.values.includes(value as Values) ? null : `${describe(value)} is not a valid choice in ${JSON.stringify(this.values)}`;
  }
}

export class BlobType extends DataType<Buffer> {
  readonly key: string = 'BLOB';
  readonly length: 'tiny' | 'medium' | 'long' | undefined;

  constructor(length?: 'tiny' | 'medium' | 'long' | { length?: 'tiny' | 'medium' | 'long' }) {
    super();
    this.length = typeof length === 'object' ? length.length : length;
  }

  get options(): { length?: string } {
    return this.length ? { length: this.length } : {};
  }
  get _length(): string {
    return this.length ?? '';
  }

  override validate(value: unknown): string | null {
    return Buffer.isBuffer(value) || typeof value === 'string' || value instanceof Uint8Array ? null : `${describe(value)} is not a valid blob`;
  }

  override sanitize(value: unknown): unknown {
    if (typeof value === 'string') return Buffer.from(value);
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value);
    return value;
  }

  override toString(): string {
    return this.length ? `${this.length.toUpperCase()}BLOB` : 'BLOB';
  }
}

/** An attribute with no column: computed by its getter, optionally depending on other attributes. */
export class VirtualType<JsType = unknown> extends DataType<JsType> {
  readonly key: string = 'VIRTUAL';
  readonly returnType: DataType | undefined;
  readonly fields: readonly string[];

  constructor(returnType?: DataType | (new () => DataType), fields?: readonly string[]) {
    super();
    this.returnType = typeof returnType === 'function' ? new returnType() : returnType;
    this.fields = fields ?? [];
  }
}

/** PostgreSQL arrays. */
export class ArrayType<Item extends DataType = DataType> extends DataType<unknown[]> {
  readonly key: string = 'ARRAY';
  readonly type: Item;

  constructor(type: Item | (new () => Item)) {
    super();
    this.type = typeof type === 'function' ? new type() : type;
  }

  get options(): { type: Item } {
    return { type: this.type };
  }

  override validate(value: unknown): string | null {
    return Array.isArray(value) ? null : `${describe(value)} is not a valid array`;
  }

  override toString(): string {
    return `${this.type.toString()}[]`;
  }
}
