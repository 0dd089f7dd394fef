import { UsageError } from '../errors/usage-errors.js';
import { RowQueries } from './row-queries.js';
import type { FunctionParam, TriggerSpec } from '../dialects/dialect.js';
import { loggingOf, splitTable, type QueryOptions, type TableName } from './table-name.js';

/**
 * The QueryInterface's statements runner and the schema objects beside tables: constraints as the database lists
 * them, named ENUM types, functions and triggers, schemas.
 */
export class SchemaObjects extends RowQueries {
  async execute(statements: readonly string[], options: QueryOptions = {}): Promise<void> {
    for (const statement of statements) {
      await this.runner.run({ sql: statement, parameters: [] }, { expectRows: false, transaction: options.transaction as never, ...loggingOf(options) });
    }
  }

  protected async rows(sql: string, parameters: readonly unknown[] = [], options: QueryOptions = {}): Promise<Record<string, unknown>[]> {
    return this.runner.rows({ sql, parameters: [...parameters] }, { transaction: options.transaction as never, ...loggingOf(options) });
  }

  protected introspectionRunner(options: QueryOptions) {
    return (sql: string, parameters?: readonly unknown[]) => this.rows(sql, parameters, options);
  }

  /** v6's `showConstraint(table, constraintName?)`: the table's constraints as the database reports them, in v6's row shape per dialect. */
  async showConstraint(table: TableName, constraintName?: string | QueryOptions, options: QueryOptions = {}): Promise<Record<string, unknown>[]> {
    const { name, schema } = splitTable(table);
    const named = typeof constraintName === 'string' ? constraintName : undefined;
    const queryOptions = typeof constraintName === 'object' && constraintName !== null ? constraintName : options;
    return this.dialect.introspection.showConstraints(this.introspectionRunner(queryOptions), name, schema, named);
  }

  /** v6's `createDatabase(name, { charset, collate, encoding, ctype, template })` (PostgreSQL, MySQL/MariaDB). */
  async createDatabase(database: string, options: QueryOptions & { charset?: string; collate?: string; encoding?: string; ctype?: string; template?: string } = {}): Promise<void> {
    const create = this.dialect.introspection.createDatabase;
    if (!create) throw new UsageError(`createDatabase is not supported on ${this.dialect.name}: the database is the file the connection opens.`);
    await this.execute([create(database, options)], options);
  }

  async dropDatabase(database: string, options: QueryOptions = {}): Promise<void> {
    const drop = this.dialect.introspection.dropDatabase;
    if (!drop) throw new UsageError(`dropDatabase is not supported on ${this.dialect.name}: the database is the file the connection opens.`);
    await this.execute([drop(database)], options);
  }

  /** The server's version, as `sequelize.databaseVersion()`. */
  async databaseVersion(options: QueryOptions = {}): Promise<string> {
    const [row] = await this.rows(this.dialect.introspection.versionQuery, [], options);
    return String(Object.values(row ?? {})[0]);
  }

  /** PostgreSQL's named ENUM types as v6 lists them (`{ enum_name, enum_value }`), a table's when given; none elsewhere. */
  async pgListEnums(table?: TableName, options: QueryOptions = {}): Promise<Record<string, unknown>[]> {
    const listEnums = this.dialect.introspection.listEnums;
    if (!listEnums) return [];
    const split = table === undefined ? undefined : splitTable(table);
    return listEnums(this.introspectionRunner(options), split?.name, split?.schema);
  }

  async dropEnum(enumName: string, options: QueryOptions & { schema?: string } = {}): Promise<void> {
    const dropEnum = this.dialect.introspection.dropEnum;
    if (dropEnum) await this.execute([dropEnum(enumName, options.schema)], options);
  }

  /** Drops every named ENUM type of the schema (PostgreSQL); nothing to do where ENUMs are inline. */
  async dropAllEnums(options: QueryOptions & { schema?: string } = {}): Promise<void> {
    for (const row of await this.pgListEnums(options.schema ? { tableName: '', schema: options.schema } : undefined, options)) {
      await this.dropEnum(String(row['enum_name']), options);
    }
  }

  /** Every schema but the system ones (PostgreSQL); where schemas are databases or absent, the tables of the models instead, as v6's `sequelize.drop()`. */
  async dropAllSchemas(options: QueryOptions & { skip?: string[] } = {}): Promise<void> {
    if (!this.dialect.supports.schemas) {
      const sequelize = (this as unknown as { sequelize?: { drop(options: unknown): Promise<unknown> } }).sequelize;
      if (sequelize) await sequelize.drop(options);
      return;
    }
    const schemas = await this.dialect.introspection.showAllSchemas(this.introspectionRunner(options));
    for (const schema of schemas.filter((name) => !(options.skip ?? []).includes(name))) {
      await this.execute([this.dialect.introspection.dropSchema(schema)], options);
    }
  }

  protected quotedTable(table: TableName): string {
    const { name, schema } = splitTable(table);
    return this.dialect.compiler.quoteTable(name, schema);
  }

  private routines() {
    const routines = this.dialect.ddl.routines;
    if (!routines) throw new UsageError(`Functions and triggers are not supported on ${this.dialect.name} by the QueryInterface: write them with sequelize.query.`);
    return routines;
  }

  /** v6's `createFunction(name, params, returnType, language, body, optionsArray, { force, variables })`. */
  async createFunction(functionName: string, params: readonly FunctionParam[], returnType: string, language: string, body: string, optionsArray: readonly string[] = [], options: QueryOptions & { force?: boolean; variables?: readonly { name: string; type: string; default?: string }[] } = {}): Promise<void> {
    if (!functionName || !returnType || !language || !body) throw new UsageError('createFunction needs functionName, returnType, language and body.');
    await this.execute([this.routines().createFunction({ functionName, params, returnType, language, body, optionsArray, force: options.force === true, variables: options.variables ?? [] })], options);
  }

  async dropFunction(functionName: string, params: readonly FunctionParam[] = [], options: QueryOptions = {}): Promise<void> {
    if (!functionName) throw new UsageError('dropFunction needs the function name.');
    await this.execute([this.routines().dropFunction(functionName, params)], options);
  }

  async renameFunction(oldName: string, params: readonly FunctionParam[], newName: string, options: QueryOptions = {}): Promise<void> {
    await this.execute([this.routines().renameFunction(oldName, params, newName)], options);
  }

  /** v6's `createTrigger(table, triggerName, timing, fireOnSpec, functionName, functionParams, optionsArray)`. */
  async createTrigger(table: TableName, triggerName: string, timingType: string, fireOnSpec: TriggerSpec, functionName: string, functionParams: readonly FunctionParam[] = [], optionsArray: readonly string[] = [], options: QueryOptions = {}): Promise<void> {
    await this.execute([this.routines().createTrigger(this.quotedTable(table), { triggerName, timingType, fireOnSpec, functionName, functionParams, optionsArray })], options);
  }

  async dropTrigger(table: TableName, triggerName: string, options: QueryOptions = {}): Promise<void> {
    await this.execute([this.routines().dropTrigger(this.quotedTable(table), triggerName)], options);
  }

  async renameTrigger(table: TableName, oldName: string, newName: string, options: QueryOptions = {}): Promise<void> {
    await this.execute([this.routines().renameTrigger(this.quotedTable(table), oldName, newName)], options);
  }
}
