import { DataType } from './abstract.js';
import { describe } from './string-types.js';

function isValidDate(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

export class DateType extends DataType<Date> {
  readonly key: string = 'DATE';
  /** v6's dialect-neutral text (the precision only shows in a dialect's DDL). */
  override toString(): string {
    return 'DATETIME';
  }
  readonly precision: number | undefined;

  constructor(precisionOrOptions?: number | { length?: number }) {
    super();
    this.precision = typeof precisionOrOptions === 'object' ? precisionOrOptions.length : precisionOrOptions;
  }

  get options(): { length?: number } {
    return this.precision === undefined ? {} : { length: this.precision };
  }
  get _length(): number | undefined {
    return this.precision;
  }

  override validate(value: unknown): string | null {
    if (value instanceof Date) return isValidDate(value) ? null : 'Invalid Date is not a valid date';
    if ((typeof value === 'string' || typeof value === 'number') && isValidDate(new Date(value))) return null;
    return `${describe(value)} is not a valid date`;
  }

  override sanitize(value: unknown): unknown {
    if (value instanceof Date || value === null || value === undefined) return value;
    if (typeof value === 'string' || typeof value === 'number') {
      const date = new Date(value);
      return isValidDate(date) ? date : value;
    }
    return value;
  }
}

/** A calendar date without time: kept as the string `YYYY-MM-DD`, as Sequelize does. */
export class DateOnlyType extends DataType<string> {
  readonly key: string = 'DATEONLY';
  override toString(): string {
    return 'DATE';
  }

  override validate(value: unknown): string | null {
    if (value instanceof Date) return isValidDate(value) ? null : 'Invalid Date is not a valid date';
    if (typeof value === 'string' && isValidDate(new Date(value))) return null;
    return `${describe(value)} is not a valid date`;
  }

  override sanitize(value: unknown): unknown {
    if (value instanceof Date && isValidDate(value)) return formatDateOnly(value);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
    return value;
  }
}

export function formatDateOnly(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export class TimeType extends DataType<string> {
  readonly key: string = 'TIME';
  override validate(value: unknown): string | null {
    return typeof value === 'string' && /^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? null : `${describe(value)} is not a valid time`;
  }
}

/** `defaultValue: DataTypes.NOW` stamps the current time when the instance is built. */
export class NowType extends DataType<Date> {
  readonly key: string = 'NOW';
}
