import type { ModelNames } from './naming.js';

export interface IndexOptions {
  name?: string;
  fields: ReadonlyArray<string | { name?: string; attribute?: string; order?: 'ASC' | 'DESC'; length?: number; collate?: string }>;
  unique?: boolean;
  type?: string;
  using?: string;
  where?: Record<string | symbol, unknown>;
  concurrently?: boolean;
  parser?: string;
  operator?: string;
  prefix?: string;
}

/** The options `define`/`init` take; `define` defaults from `new Sequelize(…, { define })` are merged under them. */
export interface ModelOptions {
  modelName?: string;
  tableName?: string;
  schema?: string;
  timestamps?: boolean;
  createdAt?: string | boolean;
  updatedAt?: string | boolean;
  deletedAt?: string | boolean;
  paranoid?: boolean;
  underscored?: boolean;
  freezeTableName?: boolean;
  name?: Partial<ModelNames>;
  indexes?: IndexOptions[];
  defaultScope?: Record<string, unknown>;
  scopes?: Record<string, unknown>;
  hooks?: Record<string, unknown>;
  validate?: Record<string, (this: unknown) => unknown>;
  omitNull?: boolean;
  version?: boolean | string;
  engine?: string;
  charset?: string;
  collate?: string;
  comment?: string;
  initialAutoIncrement?: string;
  [extra: string]: unknown;
}
