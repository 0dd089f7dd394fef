/** The finder options joinery accepts, as Sequelize names them. */
export type AttributeItem = string | readonly [unknown, string] | unknown;

export type FindAttributeOptions =
  | readonly AttributeItem[]
  | { include?: readonly AttributeItem[]; exclude?: readonly string[] };

export type OrderItem = unknown;

export interface TransactionRef {
  readonly id: string;
}

export interface FindOptions {
  where?: unknown;
  attributes?: FindAttributeOptions;
  include?: unknown;
  order?: unknown;
  group?: unknown;
  having?: unknown;
  limit?: number | null;
  offset?: number | null;
  raw?: boolean;
  nest?: boolean;
  plain?: boolean;
  paranoid?: boolean;
  transaction?: unknown;
  logging?: false | ((sql: string, timing?: number) => void);
  benchmark?: boolean;
  lock?: boolean | string | { level: string; of?: unknown };
  skipLocked?: boolean;
  distinct?: boolean;
  col?: string;
  subQuery?: boolean;
  rejectOnEmpty?: boolean | Error;
  useMaster?: boolean;
  hooks?: boolean;
  [extra: string]: unknown;
}
