import { DataType } from './abstract.js';
import { describe } from './string-types.js';

/** PostgreSQL's text-valued column types (INET, CIDR, MACADDR, TSVECTOR): strings in JavaScript, as in v6. */
abstract class TextValuedType extends DataType<string> {
  override validate(value: unknown): string | null {
    return typeof value === 'string' ? null : `${describe(value)} is not a valid ${this.key.toLowerCase()}`;
  }
}

export class InetType extends TextValuedType {
  readonly key: string = 'INET';
}
export class CidrType extends TextValuedType {
  readonly key: string = 'CIDR';
}
export class MacaddrType extends TextValuedType {
  readonly key: string = 'MACADDR';
}
export class TsvectorType extends TextValuedType {
  readonly key: string = 'TSVECTOR';
}
