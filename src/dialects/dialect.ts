import type { DataType } from '../data-types/abstract.js';
import type { SqlCompiler } from '../sql/compiler.js';
import type { QueryResult, ConnectionPool, ConnectionConfig } from './connection.js';
import type { RoutineDdl } from './routine-ddl.js';
import type { EscapeStyle } from './escape.js';
import type { DialectIntrospection, IntrospectionRunner } from './introspection-types.js';

export type DialectName = 'sqlite' | 'postgres' | 'mysql' | 'mariadb';

/** Capability flags: the core asks these instead of testing dialect names. */
export interface DialectSupports {
  /** Sequelize v6's flags (`'ON DUPLICATE KEY'`, `constraints`, `index`, …) as it reports them, for plugins. */
  readonly [sequelizeFlag: string]: unknown;
  /** v6's value: `{ returning: true }` where RETURNING exists (PostgreSQL), else false. */
  readonly returnValues: false | { readonly returning: boolean };
  readonly insertReturning: boolean;
  /**
   * After an INSERT, read back only what the database generated (keys, and values written as SQL fragments),
   * as Sequelize does on this dialect; the other attributes keep the values the model wrote. Saves the
   * RETURNING row where the driver reports the new key anyway.
   */
  readonly insertReadsBackKeysOnly: boolean;
  readonly updateReturning: boolean;
  readonly deleteReturning: boolean;
  readonly upserts: boolean;
  /** v6's SQL fragments (`' OR IGNORE'`, `' ON DUPLICATE KEY UPDATE'`; empty where absent) plus joinery's flag. */
  readonly inserts: {
    readonly ignoreDuplicates: string;
    readonly updateOnDuplicate: string;
    readonly onConflictDoNothing: string;
    readonly onConflictWhere: boolean;
    readonly conflictFields: boolean;
    readonly conflictTargetRequired: boolean;
  };
  readonly schemas: boolean;
  readonly transactions: boolean;
  /** The `replication` option applies (separate read and write servers); false where there is one in-process database. */
  readonly replication: boolean;
  readonly savepoints: boolean;
  /** Schema changes (CREATE/ALTER/DROP) roll back with their transaction; MySQL commits them as they run. */
  readonly transactionalDdl: boolean;
  readonly isolationLevels: boolean;
  readonly lock: boolean;
  readonly iLike: boolean;
  readonly regexp: boolean;
  readonly JSON: boolean;
  readonly JSONB: boolean;
  readonly ARRAY: boolean;
  readonly arrayParameters: boolean;
  readonly enumTypes: boolean;
  readonly indexViaAlter: boolean;
  readonly foreignKeys: boolean;
  /** Foreign keys carry names the database reports (`getForeignKeysForTables`); SQLite's have none. */
  readonly namedForeignKeys: boolean;
  readonly 'DEFAULT VALUES': boolean;
  /** Bound parameters one statement may carry; multi-row statements are split below it. */
  readonly maxParameters: number;
  /** The driver can hand rows back as arrays in select order (cheaper than objects for wide, many-row reads). */
  readonly arrayRows: boolean;
  /** NULLs sort before other values in an ascending ORDER BY (and after them descending) by default. */
  readonly nullsSortFirst: boolean;
}

/** A column as the schema layer hands it to the dialect's DDL hooks. */
export interface ColumnSpec {
  readonly name: string;
  readonly type: DataType;
  readonly allowNull: boolean;
  readonly primaryKey: boolean;
  readonly autoIncrement: boolean;
  readonly unique: boolean;
  readonly hasDefault: boolean;
  readonly defaultValue?: unknown;
  readonly comment?: string;
  readonly references?: { readonly table: string; readonly key: string; readonly onDelete?: string; readonly onUpdate?: string; readonly deferrable?: string };
}

export interface TableSpec {
  readonly name: string;
  readonly schema?: string;
  readonly columns: readonly ColumnSpec[];
  readonly uniqueKeys: readonly { readonly name: string; readonly fields: readonly string[] }[];
}

/** The dialect-specific parts of DDL; the schema layer assembles statements around them. */
export type { FunctionParam, RoutineDdl, TriggerSpec } from './routine-ddl.js';

export interface DialectDdl {
  readonly routines?: RoutineDdl;
  columnType(column: ColumnSpec, table: TableSpec): string;
  /** The whole column definition when it is an auto-incremented primary key (SERIAL, AUTOINCREMENT, AUTO_INCREMENT). */
  autoIncrementColumn(column: ColumnSpec, table: TableSpec): string;
  /** Whether an auto-increment column already carries its PRIMARY KEY clause inline. */
  readonly autoIncrementDeclaresPrimaryKey: boolean;
  escapeLiteral(value: unknown, type?: DataType): string;
  /**
   * `addColumn` with `references` adds the key as a named constraint (`, ADD CONSTRAINT t_col_foreign_idx FOREIGN KEY …`,
   * v6's MySQL form: MySQL ignores an inline REFERENCES) rather than an inline REFERENCES clause.
   */
  readonly addColumnForeignKeyConstraint?: boolean;
  beforeCreateTable(table: TableSpec): string[];
  afterCreateTable(table: TableSpec): string[];
  columnComment(column: ColumnSpec): string;
  createTableSuffix(options: { engine?: string; charset?: string; collate?: string }): string;
  dropTable(quotedTable: string, options: { cascade?: boolean }): string[];
  afterDropTable(tableName: string): string[];
  /** Statements that change a column in place: dialects without ALTER COLUMN rebuild the table instead. */
  changeColumn(quotedTable: string, table: TableSpec, column: ColumnSpec): string[] | 'rebuild';
  renameColumn(quotedTable: string, from: string, to: string, column?: ColumnSpec, table?: TableSpec): string[];
  removeIndex(quotedTable: string, indexName: string, options?: { concurrently?: boolean }): string;
  /** TRUNCATE where the dialect has it; SQLite empties the table with DELETE and resets its sequence. */
  truncateTable(quotedTable: string, options: { cascade?: boolean; restartIdentity?: boolean }): string[];
  /** CREATE INDEX text; `ifNotExists` only where the dialect accepts it. */
  createIndex(quotedTable: string, index: { name: string; columns: readonly string[]; unique?: boolean; type?: string; using?: string; where?: string; concurrently?: boolean }): string;
  disableForeignKeyChecks(): string[];
  enableForeignKeyChecks(): string[];
  /**
   * Dialects without ALTER COLUMN/CONSTRAINT (SQLite) copy the table into a new one built from `change`,
   * keeping its rows, indexes and foreign keys. `ownsConnection`: no caller transaction, so the rebuild may
   * switch foreign-key enforcement off around its own transaction.
   */
  rebuildTable?(run: IntrospectionRunner, table: string, change: (table: RebuiltTable) => RebuiltTable, ownsConnection: boolean): Promise<void>;
}

/** A table as a rebuild sees it: column definitions and table constraints as the dialect's SQL text. */
export interface RebuiltTable {
  readonly columns: readonly { readonly name: string; readonly definition: string }[];
  readonly constraints: readonly TableConstraintText[];
}

export interface TableConstraintText {
  readonly kind: 'primaryKey' | 'unique' | 'foreignKey' | 'check' | 'other';
  readonly name: string | undefined;
  readonly columns: readonly string[];
  readonly text: string;
}

export type { ColumnDescription, DialectIntrospection, ForeignKeyReference, IndexDescription, IndexField, IntrospectionRunner } from './introspection-types.js';

/** Values in and out of the driver, per data type. `undefined` from a hook means: keep the value as it is. */
export interface DialectTypes {
  /** The type's name in this dialect's DDL (also what casts use). */
  toSql(type: DataType): string;
  toDriver(type: DataType, value: unknown): unknown;
  fromDriver(type: DataType, value: unknown): unknown;
  /** Whether `fromDriver` may change a value of this type; rows skip types that need no work. */
  needsParsing(type: DataType): boolean;
  /** Whether `raw: true` finder rows parse this type: not where v6 hands back the driver's value. */
  parsesInRawRows(type: DataType): boolean;
  /** A parsed value as a `raw: true` row shows it: the driver's form where v6 leaves that unparsed. */
  rawRowValue(type: DataType, value: unknown): unknown;
}

/**
 * How `sequelize.query` shapes results, as Sequelize v6 does on this dialect (the shapes differ by dialect in v6
 * and apps depend on them: `[insertId, affected]` on MySQL, `[rows, rowCount]` on PostgreSQL, …).
 */
export interface RawResultShapes {
  /** No type, or `QueryTypes.RAW`: usually `[rows, driver metadata]`. */
  untyped(sql: string, result: QueryResult): unknown;
  insert(result: QueryResult): unknown;
  /** `QueryTypes.UPSERT`: v6's `[instance or insert id, created]` per dialect. */
  upsert(result: QueryResult): unknown;
  update(result: QueryResult): unknown;
  delete(result: QueryResult): unknown;
  showTables(rows: Record<string, unknown>[]): unknown;
  /** `QueryTypes.DESCRIBE` on the dialect's own describe statement (PRAGMA TABLE_INFO, DESCRIBE t). */
  describe(rows: Record<string, unknown>[]): unknown;
  /** The rows as v6's driver hands them, where ours reads some columns otherwise (MySQL: JSON as text). */
  driverRows?(result: QueryResult): Record<string, unknown>[];
}

/** Which columns of a level's rows make each JSON object: `[key, column index]`, plus one nested object. */
export interface JsonRowsShape {
  readonly fields: ReadonlyArray<readonly [key: string, column: number]>;
  readonly nested?: { readonly key: string; readonly fields: ReadonlyArray<readonly [key: string, column: number]> };
  /** Indexes of the columns whose values may be long text (the statement checks the document's size on them). */
  readonly longColumns: readonly number[];
}

/**
 * Reading many rows as one JSON document instead of row by row, where the database builds JSON cheaply and
 * the driver's per-value cost is high (SQLite): the include levels use it (model/include-json.ts).
 */
export interface JsonRows {
  /**
   * Whether every value of this type reads back from the JSON text exactly as the driver would hand it: `short`
   * for values of bounded size (numbers, dates), `long` for text of any length, undefined when not.
   */
  readable(type: DataType): 'short' | 'long' | undefined;
  /**
   * A statement over `sql` (`columnCount` output columns) that returns one row: the values of column `keyIndex`
   * as a JSON array, and each row as a JSON object of `shape`, in row order (null when too large for one string).
   */
  wrap(sql: string, columnCount: number, keyIndex: number, shape: JsonRowsShape): string;
  /** Whether the error says a value cannot go into JSON (a BLOB where the type promised text). */
  cannotHold(error: unknown): boolean;
}

export interface Dialect {
  readonly name: DialectName;
  readonly rawResults: RawResultShapes;
  readonly supports: DialectSupports;
  readonly compiler: SqlCompiler;
  readonly types: DialectTypes;
  readonly ddl: DialectDdl;
  readonly introspection: DialectIntrospection;
  readonly defaultPort: number | undefined;
  /**
   * Server dialects: the database to connect to while creating or dropping another (`null`: none needed).
   * Undefined where a database is a file the connection creates (SQLite).
   */
  readonly maintenanceDatabase?: string | null;
  createPool(config: ConnectionConfig): ConnectionPool;
  /** Whether a (converted) statement error means the server rolled back the whole transaction (MySQL deadlock). */
  endsTransaction?(error: unknown): boolean;
  /** How `sequelize.escape` writes literals on this dialect, in v6's forms. */
  readonly escapeStyle: EscapeStyle;
  /** Maps a driver error to joinery's error classes (UniqueConstraintError, ForeignKeyConstraintError, …). */
  convertError(error: unknown, context: { sql: string; parameters: readonly unknown[] }): Error;
  /** Isolation level and transaction start statements. */
  beginTransaction(options: { isolationLevel?: string | null; type?: string; readOnly?: boolean }): string[];
  setIsolationLevelFirst: boolean;
  /** Where reading rows as one JSON document beats plain rows (measured per dialect; README "How `include` loads"). */
  readonly jsonRows?: JsonRows;
}

/** Sequelize v6 tells an INSERT by its text when no query type is given. */
export function isInsertText(sql: string): boolean {
  return /^\s*insert\s/i.test(sql);
}
