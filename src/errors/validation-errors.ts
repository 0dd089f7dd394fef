import { BaseError } from './base-error.js';

/** Sequelize v6 spells them this way (mixed case kept for `err.errors[0].type` checks). */
export type ValidationErrorItemType = 'notNull Violation' | 'string violation' | 'unique violation' | 'Validation error';

export type ValidationErrorItemOrigin = 'CORE' | 'DB' | 'FUNCTION';

/** v6's `ValidationErrorItemOrigin` and `ValidationErrorItemType` objects (an item's type, lower-cased, to its origin). */
export const ValidationErrorItemOrigin = { CORE: 'CORE', DB: 'DB', FUNCTION: 'FUNCTION' } as const;
export const ValidationErrorItemType = {
  'notnull violation': 'CORE', 'string violation': 'CORE', 'unique violation': 'DB', 'validation error': 'FUNCTION',
} as const;

export class ValidationErrorItem {
  message: string;
  type: ValidationErrorItemType | null;
  path: string | null;
  value: unknown;
  origin: ValidationErrorItemOrigin | null;
  instance: unknown;
  validatorKey: string | null;
  validatorName: string | null;
  validatorArgs: unknown[];
  original?: Error;

  constructor(
    message: string,
    type: ValidationErrorItemType | null,
    path: string | null,
    value: unknown,
    instance?: unknown,
    validatorKey?: string | null,
    fnName?: string | null,
    fnArgs?: unknown[],
  ) {
    this.message = message;
    this.type = type;
    this.path = path;
    this.value = value;
    this.instance = instance ?? null;
    this.validatorKey = validatorKey ?? null;
    this.validatorName = fnName ?? null;
    this.validatorArgs = fnArgs ?? [];
    this.origin = originOf(type);
  }

  static readonly Origins = ValidationErrorItemOrigin;
  static readonly TypeStringMap = ValidationErrorItemType;

  /** v6's key for i18n lookups: `function.notempty` (origin and key lower-cased), `''` when there is no key. */
  getValidatorKey(useTypeAsNS = true, separator = '.'): string {
    const key = this.validatorKey || this.validatorName;
    if (!key) return '';
    return (useTypeAsNS && this.origin ? `${this.origin}${separator}${key}` : key).toLowerCase();
  }
}

function originOf(type: ValidationErrorItemType | null): ValidationErrorItemOrigin | null {
  const normalized = type?.toLowerCase();
  if (normalized === 'notnull violation' || normalized === 'string violation') return 'CORE';
  if (normalized === 'unique violation') return 'DB';
  if (normalized === 'validation error') return 'FUNCTION';
  return null;
}

export class ValidationError extends BaseError {
  errors: ValidationErrorItem[];

  constructor(message: string | undefined, errors: ValidationErrorItem[] = []) {
    super(message);
    this.name = 'SequelizeValidationError';
    this.errors = errors;
    if (!message) {
      this.message = errors.length > 0 ? errors.map((item) => `${item.type ?? item.origin}: ${item.message}`).join(',\n') : 'Validation Error';
    }
  }

  get(path: string): ValidationErrorItem[] {
    return this.errors.filter((item) => item.path === path);
  }
}

export class UniqueConstraintError extends ValidationError {
  /** `{ column: value }`; on SQLite, as in Sequelize v6, the column names only. */
  fields: Record<string, unknown> | string[];
  parent: Error | undefined;
  original: Error | undefined;
  sql: string | undefined;

  constructor(options: { message?: string; errors?: ValidationErrorItem[]; fields?: Record<string, unknown> | string[]; parent?: Error; sql?: string } = {}) {
    // v6's default when built by hand; the dialects pass 'Validation error' for a violation the database reports.
    super(options.message ?? 'Validation Error', options.errors ?? []);
    this.name = 'SequelizeUniqueConstraintError';
    this.fields = options.fields ?? {};
    this.parent = options.parent;
    this.original = options.parent;
    this.sql = options.sql;
  }
}
