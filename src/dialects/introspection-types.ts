// What a dialect's introspection answers: describeTable, showIndex and foreign-key rows in Sequelize v6's shapes.
/** A column as `describeTable` reports it; the keys present differ by dialect exactly as in Sequelize v6. */
export interface ColumnDescription {
  type: string;
  allowNull: boolean;
  defaultValue: unknown;
  primaryKey: boolean;
  /** MySQL/MariaDB (v6 reports it nowhere else). */
  autoIncrement?: boolean;
  /** PostgreSQL and MySQL. */
  comment?: string | null;
  /** PostgreSQL: the enum's values, or an empty list. */
  special?: unknown[];
  /** SQLite. */
  unique?: boolean;
  /** SQLite, on foreign-key columns. */
  references?: { model: string; key: string };
}

/** One foreign-key column, with the keys Sequelize v6 gives on the dialect (see each dialect's introspection). */
export interface ForeignKeyReference {
  /** PostgreSQL and MySQL; on SQLite joinery's own name for the key (v6 gives none). */
  constraintName: string;
  /** MySQL, as v6 also gives it. */
  constraint_name?: string;
  constraintSchema?: string;
  constraintCatalog?: string;
  tableName: string;
  tableSchema?: string;
  tableCatalog?: string | undefined;
  columnName: string;
  referencedTableSchema?: string;
  referencedTableCatalog?: string | undefined;
  referencedTableName: string;
  referencedColumnName: string;
  /** PostgreSQL: `'NOT'`, `'INITIALLY_IMMEDIATE'` or `'INITIALLY_DEFERRED'` (v6 gives its Deferrable class). */
  deferrable?: string;
}

export interface IndexField {
  attribute: string;
  /** PostgreSQL. */
  collate?: string | undefined;
  /** `'ASC'`/`'DESC'` where the dialect says (MySQL: `'ASC'` or undefined, SQLite: undefined). */
  order?: string | undefined;
  length?: number | undefined;
}

/** One index, with the keys Sequelize v6 gives on the dialect. */
export interface IndexDescription {
  name: string;
  unique: boolean;
  primary: boolean;
  fields: IndexField[];
  /** MySQL. */
  tableName?: string;
  /** MySQL: BTREE, FULLTEXT, … */
  type?: string;
  /** PostgreSQL: the column numbers (`'2 3'`) and CREATE INDEX text. */
  indkey?: string;
  definition?: string;
  /** SQLite: PRAGMA INDEX_LIST's columns, and the name again as `constraintName`. */
  seq?: number;
  origin?: string;
  partial?: number;
  constraintName?: string;
}

/** Runs one introspection statement; the query layer supplies it so introspection stays I/O-agnostic. */
export type IntrospectionRunner = (sql: string, parameters?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

export interface DialectIntrospection {
  showAllTables(run: IntrospectionRunner): Promise<string[]>;
  describeTable(run: IntrospectionRunner, table: string, schema?: string): Promise<Record<string, ColumnDescription>>;
  foreignKeyReferences(run: IntrospectionRunner, table: string, schema?: string): Promise<ForeignKeyReference[]>;
  showIndexes(run: IntrospectionRunner, table: string, schema?: string): Promise<IndexDescription[]>;
  showAllSchemas(run: IntrospectionRunner): Promise<string[]>;
  createSchema(name: string): string;
  dropSchema(name: string): string;
  /** A statement answering one row with the server's version as its only column. */
  readonly versionQuery: string;
  /** v6's `showConstraint` rows for a table (one constraint when named), in the dialect's v6 shape. */
  showConstraints(run: IntrospectionRunner, table: string, schema: string | undefined, constraintName: string | undefined): Promise<Record<string, unknown>[]>;
  /** Named ENUM types (PostgreSQL): v6's `{ enum_name, enum_value }` rows, those of one table when it is given. */
  listEnums?(run: IntrospectionRunner, table: string | undefined, schema: string | undefined): Promise<Record<string, unknown>[]>;
  /** `CREATE DATABASE` with v6's options (PostgreSQL: encoding, collate, ctype, template; MySQL: charset, collate); none on SQLite. */
  createDatabase?(name: string, options: { charset?: string; collate?: string; encoding?: string; ctype?: string; template?: string }): string;
  dropDatabase?(name: string): string;
  /** `DROP TYPE` of a named ENUM type, where the dialect has them. */
  dropEnum?(name: string, schema: string | undefined): string;
}
