import type { ColumnDescription, ForeignKeyReference, IndexDescription, RebuiltTable } from '../dialects/dialect.js';
import { UnknownConstraintError } from '../errors/database-errors.js';
import { UsageError } from '../errors/usage-errors.js';
import { normalizeAttribute, type NormalizedAttribute } from '../metadata/attributes.js';
import { addedColumnForeignKeyName, indexName } from '../metadata/naming.js';
import { QueryGenerator } from './query-generator.js';
import { SchemaObjects } from './schema-objects.js';
import { splitTable, type QueryOptions, type TableName } from './table-name.js';
import { constraintText, inlineCondition, type ConstraintOptions } from './constraints.js';
import { columnDefinition, columnSpec, createTableStatements, foreignKeyClause, tableSpecFromAttributes, deferrableClause } from './table-ddl.js';

export type { QueryOptions } from './table-name.js';

type IndexField = string | { name?: string; attribute?: string; order?: string; length?: number; collate?: string };

export interface AddIndexOptions {
  fields: readonly IndexField[];
  name?: string;
  unique?: boolean;
  /** UNIQUE, FULLTEXT or SPATIAL (MySQL). */
  type?: string;
  /** BTREE, HASH, GIST, GIN … */
  using?: string;
  /** A partial index (PostgreSQL, SQLite): a where object or SQL text. */
  where?: unknown;
  /** PostgreSQL: CREATE INDEX CONCURRENTLY (outside a transaction: a migration with `useTransaction: false`). */
  concurrently?: boolean;
}

function normalizeAttributes(table: string, attributes: Record<string, unknown>): Record<string, NormalizedAttribute> {
  return Object.fromEntries(Object.entries(attributes).map(([name, raw]) => [name, normalizeAttribute(table, name, raw, name)]));
}

/** Sequelize's QueryInterface: schema changes by table name, the base of migrations. */
export class QueryInterface extends SchemaObjects {
  private generator: QueryGenerator | undefined;

  /** v6's `queryInterface.queryGenerator`: quoting, escaping and SQL text helpers (see QueryGenerator). */
  get queryGenerator(): QueryGenerator {
    this.generator ??= new QueryGenerator(this.dialect);
    return this.generator;
  }

  private quote(name: string): string {
    return this.dialect.compiler.quoteIdentifier(name);
  }

  quoteIdentifier(name: string): string {
    return this.quote(name);
  }

  /** `a.b` → each part quoted. */
  quoteIdentifiers(name: string): string {
    return name.split('.').map((part) => this.quote(part)).join('.');
  }

  async createTable(table: TableName, attributes: Record<string, unknown>, options: QueryOptions & { engine?: string; charset?: string; collate?: string; uniqueKeys?: Record<string, { fields: string[] }> } = {}): Promise<void> {
    const { name, schema } = splitTable(table);
    const spec = tableSpecFromAttributes(name, normalizeAttributes(name, attributes), schema);
    const uniqueKeys = Object.entries(options.uniqueKeys ?? {}).map(([keyName, key]) => ({ name: keyName, fields: key.fields }));
    await this.execute(createTableStatements(this.dialect, { ...spec, uniqueKeys }, options), options);
  }

  async dropTable(table: TableName, options: QueryOptions & { cascade?: boolean } = {}): Promise<void> {
    await this.execute([...this.dialect.ddl.dropTable(this.quotedTable(table), options), ...this.dialect.ddl.afterDropTable(splitTable(table).name)], options);
  }

  async dropAllTables(options: QueryOptions & { skip?: string[] } = {}): Promise<void> {
    const tables = (await this.showAllTables(options)).filter((table) => !(options.skip ?? []).includes(table));
    await this.execute(this.dialect.ddl.disableForeignKeyChecks(), options);
    try {
      for (const table of tables) await this.dropTable(table, { ...options, cascade: true });
    } finally {
      await this.execute(this.dialect.ddl.enableForeignKeyChecks(), options);
    }
  }

  async showAllTables(options: QueryOptions = {}): Promise<string[]> {
    return this.dialect.introspection.showAllTables(this.introspectionRunner(options));
  }

  async describeTable(table: TableName, options: QueryOptions | string = {}): Promise<Record<string, ColumnDescription>> {
    const queryOptions = typeof options === 'string' ? {} : options;
    const { name, schema } = splitTable(table);
    return this.dialect.introspection.describeTable(this.introspectionRunner(queryOptions), name, schema ?? (typeof options === 'string' ? options : undefined));
  }

  async getForeignKeyReferencesForTable(table: TableName, options: QueryOptions = {}): Promise<ForeignKeyReference[]> {
    const { name, schema } = splitTable(table);
    return this.dialect.introspection.foreignKeyReferences(this.introspectionRunner(options), name, schema);
  }

  /**
   * v6's `{ [table]: constraintNames }` (a schema-qualified table keyed `schema.table`); SQLite's keys have no
   * names, so its lists are empty, as in v6.
   */
  async getForeignKeysForTables(tables: readonly TableName[], options: QueryOptions = {}): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const table of tables) {
      const { name, schema } = splitTable(table);
      const names = this.dialect.supports.namedForeignKeys ? (await this.getForeignKeyReferencesForTable(table, options)).map((reference) => reference.constraintName) : [];
      result[typeof table === 'object' && schema ? `${schema}.${name}` : name] = [...new Set(names)];
    }
    return result;
  }

  async showIndex(table: TableName, options: QueryOptions = {}): Promise<IndexDescription[]> {
    const { name, schema } = splitTable(table);
    return this.dialect.introspection.showIndexes(this.introspectionRunner(options), name, schema);
  }

  async addIndex(table: TableName, fieldsOrOptions: readonly IndexField[] | AddIndexOptions, maybeOptions: QueryOptions & Partial<AddIndexOptions> = {}): Promise<void> {
    const options: QueryOptions & AddIndexOptions = Array.isArray(fieldsOrOptions)
      ? { ...maybeOptions, fields: fieldsOrOptions as readonly IndexField[] }
      : { ...maybeOptions, ...(fieldsOrOptions as AddIndexOptions) };
    const fieldName = (field: IndexField) => (typeof field === 'string' ? field : field.name ?? field.attribute ?? '');
    // Prefix lengths and collations only where the dialect has them (v6 leaves them out elsewhere).
    const can = (this.dialect.supports['index'] ?? {}) as { length?: boolean; collate?: boolean; concurrently?: boolean };
    const columns = options.fields.map((field) => {
      if (typeof field === 'string') return this.quote(field);
      const length = field.length && can.length ? `(${field.length})` : '';
      const collate = field.collate && can.collate ? ` COLLATE ${this.quote(field.collate)}` : '';
      const direction = field.order ? ` ${field.order.toUpperCase() === 'DESC' ? 'DESC' : 'ASC'}` : '';
      return `${this.quote(fieldName(field))}${length}${collate}${direction}`;
    });
    const { name } = splitTable(table);
    const type = options.type?.toUpperCase();
    const index = {
      name: options.name ?? indexName(name, options.fields.map(fieldName)),
      columns,
      unique: options.unique === true || type === 'UNIQUE',
      ...(type && type !== 'UNIQUE' ? { type } : {}),
      ...(options.using ? { using: options.using.toUpperCase() } : {}),
      ...(options.where !== undefined ? { where: inlineCondition(this.dialect, name, options.where, 'partial index') } : {}),
      ...(options.concurrently && can.concurrently ? { concurrently: true } : {}),
    };
    await this.execute([this.dialect.ddl.createIndex(this.quotedTable(table), index)], options);
  }

  async removeIndex(table: TableName, indexOrFields: string | readonly string[], options: QueryOptions & { concurrently?: boolean } = {}): Promise<void> {
    const name = typeof indexOrFields === 'string' ? indexOrFields : indexName(splitTable(table).name, indexOrFields);
    const can = (this.dialect.supports['index'] ?? {}) as { concurrently?: boolean };
    await this.execute([this.dialect.ddl.removeIndex(this.quotedTable(table), name, { concurrently: options.concurrently === true && can.concurrently === true })], options);
  }

  async addColumn(table: TableName, column: string, attribute: unknown, options: QueryOptions = {}): Promise<void> {
    const { name, schema } = splitTable(table);
    const spec = columnSpec(column, normalizeAttribute(name, column, attribute, column));
    const tableSpec = { name, ...(schema ? { schema } : {}), columns: [spec], uniqueKeys: [] };
    const foreignKey = spec.references && this.dialect.ddl.addColumnForeignKeyConstraint
      ? `, ADD CONSTRAINT ${this.quote(addedColumnForeignKeyName(name, column))} ${foreignKeyClause(this.dialect, spec)}`
      : spec.references ? ` REFERENCES ${this.quote(spec.references.table)} (${this.quote(spec.references.key)})${spec.references.onDelete ? ` ON DELETE ${spec.references.onDelete}` : ''}${spec.references.onUpdate ? ` ON UPDATE ${spec.references.onUpdate}` : ''}${deferrableClause(this.dialect, spec.references.deferrable)}` : '';
    // The dialect's preludes and epilogues for the one column: its enum type (PostgreSQL), its comment.
    await this.execute([
      ...this.dialect.ddl.beforeCreateTable(tableSpec),
      `ALTER TABLE ${this.quotedTable(table)} ADD ${columnDefinition(this.dialect, spec, tableSpec)}${foreignKey};`,
      ...this.dialect.ddl.afterCreateTable(tableSpec),
    ], options);
  }

  async removeColumn(table: TableName, column: string, options: QueryOptions = {}): Promise<void> {
    if (this.dialect.ddl.rebuildTable) {
      // SQLite's own DROP COLUMN refuses indexed, unique and foreign-key columns; a rebuild handles them all.
      await this.rebuild(table, options, (current) => ({
        columns: current.columns.filter((existing) => existing.name !== column),
        constraints: current.constraints.filter((constraint) => !constraint.columns.includes(column)),
      }));
      return;
    }
    await this.execute([`ALTER TABLE ${this.quotedTable(table)} DROP COLUMN ${this.quote(column)};`], options);
  }

  async renameColumn(table: TableName, from: string, to: string, options: QueryOptions = {}): Promise<void> {
    await this.execute(this.dialect.ddl.renameColumn(this.quotedTable(table), from, to), options);
  }

  async changeColumn(table: TableName, column: string, attribute: unknown, options: QueryOptions = {}): Promise<void> {
    const { name } = splitTable(table);
    const spec = columnSpec(column, normalizeAttribute(name, column, attribute, column));
    const statements = this.dialect.ddl.changeColumn(this.quotedTable(table), { name, columns: [spec], uniqueKeys: [] }, spec);
    if (statements !== 'rebuild') {
      await this.execute(statements, options);
      return;
    }
    const definition = columnDefinition(this.dialect, spec, { name, columns: [spec], uniqueKeys: [] }, { inlinePrimaryKey: spec.primaryKey });
    await this.rebuild(table, options, (current) => {
      if (!current.columns.some((existing) => existing.name === column)) throw new UsageError(`Table "${name}" has no column "${column}" to change.`);
      const keepsForeignKey = !spec.references;
      return {
        // A UNIQUE written in the old column stays, as the unique constraint stays on the dialects that alter in place.
        columns: current.columns.map((existing) => (existing.name === column
          ? { name: column, definition: /\bUNIQUE\b/i.test(existing.definition) && !/\bUNIQUE\b/i.test(definition) ? `${definition} UNIQUE` : definition }
          : existing)),
        constraints: [
          ...current.constraints.filter((constraint) => keepsForeignKey || !(constraint.kind === 'foreignKey' && constraint.columns.includes(column))),
          ...(spec.references ? [{ kind: 'foreignKey' as const, name: undefined, columns: [column], text: foreignKeyClause(this.dialect, spec) }] : []),
        ],
      };
    });
  }

  /** Where the dialect cannot alter a table in place, it is rebuilt from `change`, keeping rows, indexes and keys. */
  private async rebuild(table: TableName, options: QueryOptions, change: (table: RebuiltTable) => RebuiltTable): Promise<void> {
    const rebuildTable = this.dialect.ddl.rebuildTable!;
    const { name } = splitTable(table);
    const transaction = this.runner.resolveTransaction(options.transaction as never);
    if (transaction) {
      await rebuildTable(this.introspectionRunner({ ...options, transaction }), name, change, false);
      return;
    }
    const pool = this.runner.settings.pool;
    const connection = await pool.acquire();
    const holder = { connection, finished: undefined, id: 'default' };
    try {
      await rebuildTable(this.introspectionRunner({ ...options, transaction: holder }), name, change, true);
    } finally {
      await pool.release(connection);
    }
  }

  async addConstraint(table: TableName, options: ConstraintOptions & QueryOptions): Promise<void> {
    const { name } = splitTable(table);
    const constraint = constraintText(this.dialect, name, options);
    if (this.dialect.ddl.rebuildTable) {
      await this.rebuild(table, options, (current) => ({ columns: current.columns, constraints: [...current.constraints, constraint] }));
      return;
    }
    await this.execute([`ALTER TABLE ${this.quotedTable(table)} ADD ${constraint.text};`], options);
  }

  async removeConstraint(table: TableName, constraintName: string, options: QueryOptions = {}): Promise<void> {
    if (this.dialect.ddl.rebuildTable) {
      await this.rebuild(table, options, (current) => {
        if (!current.constraints.some((constraint) => constraint.name === constraintName)) {
          const tableName = splitTable(table).name;
          throw new UnknownConstraintError(new Error(`no constraint ${constraintName} on ${tableName}`), {
            message: `Constraint ${constraintName} on table ${tableName} does not exist`, constraint: constraintName, table: tableName,
          });
        }
        return { columns: current.columns, constraints: current.constraints.filter((constraint) => constraint.name !== constraintName) };
      });
      return;
    }
    try {
      await this.execute([`ALTER TABLE ${this.quotedTable(table)} DROP CONSTRAINT ${this.quote(constraintName)};`], options);
    } catch (error) {
      if (error instanceof UnknownConstraintError) error.table ??= splitTable(table).name;
      throw error;
    }
  }

  async tableExists(table: TableName, options: QueryOptions = {}): Promise<boolean> {
    const { name, schema } = splitTable(table);
    if (schema) return this.describeTable(table, options).then(() => true, () => false);
    return (await this.showAllTables(options)).includes(name);
  }

  async renameTable(from: TableName, to: TableName, options: QueryOptions = {}): Promise<void> {
    await this.execute([`ALTER TABLE ${this.quotedTable(from)} RENAME TO ${this.quotedTable(to)};`], options);
  }

  async showAllSchemas(options: QueryOptions = {}): Promise<string[]> {
    return this.dialect.introspection.showAllSchemas(this.introspectionRunner(options));
  }

  async createSchema(schema: string, options: QueryOptions = {}): Promise<void> {
    await this.execute([this.dialect.introspection.createSchema(schema)], options);
  }

  async dropSchema(schema: string, options: QueryOptions = {}): Promise<void> {
    await this.execute([this.dialect.introspection.dropSchema(schema)], options);
  }

  foreignKeyClauseFor(column: string, attribute: unknown, table: string): string {
    return foreignKeyClause(this.dialect, columnSpec(column, normalizeAttribute(table, column, attribute, column)));
  }
}
