import { configOf, connectionConfig, optionsFromArguments, type SequelizeConfig, type SequelizeOptions } from './config.js';
import type { Dialect } from './dialects/dialect.js';
import { createPools, type Pools } from './dialects/replicated-pools.js';
import { escapeValue } from './dialects/escape.js';
import { setSessionVariables, type SetOptions } from './session-variables.js';
import { getDialect, supportedDialects } from './dialects/registry.js';
import { UsageError } from './errors/usage-errors.js';
import { HookRegistry, type HookFunction } from './model/hooks.js';
import { classHookRegistry, classHookStatics } from './model/class-hooks.js';
import { Model, type ModelStatic } from './model/model.js';
import type { ModelClass, ModelHost } from './model/model-internals.js';
import { ModelManager } from './model/model-manager.js';
import { QueryRunner, type Logging } from './query/query-runner.js';
import { QueryInterface } from './schema/query-interface.js';
import { runRawQuery, type RawQueryOptions } from './raw-query.js';
import { and, cast, col, fn, json, literal, or, where } from './sql/sql-helpers.js';
import { startTransaction, Transaction, TYPES, type TransactionOptions } from './transaction/transaction.js';
import { cls, transactionStorage, type ClsNamespace } from './transaction/transaction-context.js';
import { sequelizeStatics } from './statics.js';
import { QueryTypes } from './query-types.js';
import { installHookShorthands, type HookShorthands, type SequelizeHookOf } from './model/hook-shorthands.js';
import type { AttributeMap, InferenceOptions } from './types/attributes.js';
import type { DeclaredOr, DefinedModel } from './types/model-types.js';
import type { DefineOptions, ModelOptionKey, TruncateOptions } from './types/options.js';
import type { NoExtraKeys } from './types/include-check.js';
import type { SyncOptions } from './types/v6-other-names.js';
import type { ModelAttributes } from './types/v6-model-names.js';
import type { ModelOptions } from './metadata/model-options.js';

type DefineAttributes = Record<string, unknown>;

/** The entry point, as in Sequelize: a connection, its models, transactions and raw queries. */
export class Sequelize implements ModelHost {
  readonly options: SequelizeOptions & { dialect: string; define: Record<string, unknown> };
  readonly config: SequelizeConfig;
  readonly dialect: Dialect;
  readonly queryRunner: QueryRunner;
  readonly hooksRegistry = new HookRegistry(this);
  readonly modelManager: ModelManager;
  models: Record<string, ModelStatic<Model>> = {};
  private readonly pools: Pools;
  private queryInterface: QueryInterface | undefined;

  constructor(urlOrOptions?: string | SequelizeOptions, usernameOrOptions?: string | null | SequelizeOptions, password?: string | null, maybeOptions?: SequelizeOptions) {
    const options = optionsFromArguments(urlOrOptions, usernameOrOptions, password, maybeOptions);
    if (classHookRegistry.has('beforeInit')) {
      classHookRegistry.runSync('beforeInit', { database: options.database, username: options.username, password: options.password }, options);
    }
    const dialect = getDialect(options.dialect ?? '');
    if (!dialect) {
      throw new UsageError(`Dialect needs to be explicitly supplied: got ${options.dialect === undefined ? 'none' : `"${options.dialect}"`}; supported dialects are ${supportedDialects.join(', ')}.`);
    }
    this.dialect = dialect;
    if (options.timezone !== undefined && options.timezone !== '+00:00' && dialect.supports['customTimezone'] === false) {
      throw new UsageError('Setting a custom timezone is not supported by SQLite, dates are always returned as UTC. Please remove the custom timezone parameter.');
    }
    // Sequelize v6's defaults, which plugins and tools read back from `sequelize.options`.
    this.options = {
      logging: console.log,
      benchmark: false,
      timezone: '+00:00',
      omitNull: false,
      quoteIdentifiers: true,
      transactionType: 'DEFERRED',
      isolationLevel: null,
      typeValidation: false,
      minifyAliases: false,
      logQueryParameters: false,
      query: {},
      sync: {},
      hooks: {},
      pool: {},
      dialectOptions: {},
      replication: false,
      native: false,
      retry: { max: 5, match: ['SQLITE_BUSY: database is locked'] },
      ...options,
      dialect: dialect.name,
      define: { ...(options.define ?? {}) },
      ...(options.port === undefined && dialect.defaultPort ? { port: dialect.defaultPort } : {}),
      ...(options.host === undefined && dialect.defaultPort ? { host: 'localhost' } : {}),
    };
    this.config = configOf(this.options);
    this.hooksRegistry.addAll(options.hooks);
    const hooks = this.hooksRegistry;
    const base = { ...connectionConfig(this.options), connectionHooks: { has: (name: never) => hooks.has(name), run: (name: never, ...args: unknown[]) => hooks.run(name, ...args) } };
    this.pools = createPools(base, this.options.replication, (config) => dialect.createPool(config), dialect.supports.replication);
    this.queryRunner = new QueryRunner({
      dialect,
      pool: this.pools.write,
      ...(this.pools.readServers > 0 ? { readPool: () => this.pools.read() } : {}),
      logging: (this.options.logging === true ? console.log : this.options.logging) as Logging | undefined,
      benchmark: this.options.benchmark === true,
      logQueryParameters: this.options.logQueryParameters === true,
      runHooks: (name, ...args) => hooks.run(name, ...args),
      hasQueryHooks: () => hooks.has('beforeQuery') || hooks.has('afterQuery'),
      ...(options.retry ? { retry: options.retry } : {}),
    });
    this.modelManager = new ModelManager(() => this.models as unknown as Record<string, ModelClass>);
    if (classHookRegistry.has('afterInit')) classHookRegistry.runSync('afterInit', this);
  }

  getDialect(): string {
    return this.dialect.name;
  }
  getDatabaseName(): string | undefined {
    return this.config.database;
  }
  getQueryInterface(): QueryInterface {
    this.queryInterface ??= Object.assign(new QueryInterface(this.queryRunner), { sequelize: this });
    return this.queryInterface;
  }

  /** The attribute types are inferred from the definition: `define('pugs', { name: DataTypes.STRING })`. */
  // `attributes` is required (an optional `A | undefined` hides ThisType from getters); `R` is a declared type (v6's `const Note: ModelDefined<…> = define(…)`).
  define<const Name extends string, const A extends AttributeMap, const O extends DefineOptions & InferenceOptions = {}, R extends ModelStatic<Model> = DefinedModel<Name, A, O>>(modelName: Name, attributes: A, options?: O & NoInfer<NoExtraKeys<O, ModelOptionKey>>): DeclaredOr<R, DefinedModel<Name, A, O>>;
  define<const Name extends string>(modelName: Name): DefinedModel<Name, {}, {}>;
  /** Sequelize v6's form: the instance type is given, not inferred. */
  define<M extends Model>(modelName: string, attributes?: ModelAttributes<M>, options?: DefineOptions): ModelStatic<M>;
  define<M extends Model = Model>(modelName: string, attributes: DefineAttributes = {}, options: Record<string, unknown> = {}): ModelStatic<M> {
    const model = class extends Model {};
    Object.defineProperty(model, 'name', { value: modelName });
    model.init(attributes as ModelAttributes, { ...options, modelName, sequelize: this });
    return model as unknown as ModelStatic<M>;
  }

  model(name: string): ModelStatic<Model> {
    const model = this.models[name];
    if (!model) throw new UsageError(`${name} has not been defined. Defined models: ${Object.keys(this.models).join(', ') || '(none)'}.`);
    return model;
  }

  /** A value as an SQL literal of this dialect, as v6 writes it there (dates in the `timezone` option). */
  escape(value: unknown): string {
    return escapeValue(value, this.dialect.escapeStyle, this.options.timezone) ?? this.dialect.ddl.escapeLiteral(value);
  }

  /** MySQL/MariaDB user variables for a transaction's connection: `SET @name := value, …`. */
  set(variables: Record<string, unknown>, options: SetOptions = {}): Promise<void> {
    return setSessionVariables(this.queryRunner, variables, { ...(this.options.set as SetOptions | undefined), ...options });
  }

  /** The server's version string (`15.4`, `10.11.6-MariaDB`, `3.45.1`). */
  async databaseVersion(options: { logging?: unknown } = {}): Promise<string> {
    const row = (await this.query(this.dialect.introspection.versionQuery, { ...(options as RawQueryOptions), plain: true })) ?? {};
    return String(Object.values(row)[0]);
  }

  isDefined(name: string): boolean {
    return this.models[name] !== undefined;
  }

  async authenticate(options: { logging?: unknown } = {}): Promise<void> {
    await this.query('SELECT 1+1 AS result', { ...options, raw: true, plain: true } as RawQueryOptions);
  }
  validate(options?: { logging?: unknown }): Promise<void> {
    return this.authenticate(options);
  }

  async close(): Promise<void> {
    await this.pools.close();
  }

  query(sql: string | { query: string; values?: unknown[] }, options: RawQueryOptions = {}): Promise<unknown> {
    return runRawQuery(this.queryRunner, sql, options);
  }

  /** Managed with a callback (commit on success, rollback on throw), unmanaged without one. */
  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  transaction<T>(options: TransactionOptions, work: (transaction: Transaction) => Promise<T>): Promise<T>;
  transaction(options?: TransactionOptions): Promise<Transaction>;
  async transaction<T>(optionsOrWork?: TransactionOptions | ((t: Transaction) => Promise<T>), maybeWork?: (t: Transaction) => Promise<T>): Promise<T | Transaction> {
    const work = typeof optionsOrWork === 'function' ? optionsOrWork : maybeWork;
    // Sequelize v6 fills these in, and code reads them back from `transaction.options`.
    const options: TransactionOptions = {
      type: this.options.transactionType ?? TYPES.DEFERRED,
      isolationLevel: this.options.isolationLevel ?? null,
      readOnly: false,
      ...(typeof optionsOrWork === 'object' && optionsOrWork !== null ? optionsOrWork : {}),
    };
    return startTransaction(this.queryRunner, options, work);
  }

  /** Runs multi-step work atomically: in the caller's transaction if there is one, else in a new managed one. */
  async transactionWith<T>(options: Record<string, unknown>, work: (transaction: unknown) => Promise<T>): Promise<T> {
    const given = options['transaction'];
    if (given) return work(given);
    const ambient = transactionStorage.getStore() as Transaction | undefined;
    if (ambient && !ambient.finished && given !== null) return work(ambient);
    // Inside the open unmanaged transaction that its plain statements would join (SQLite), as a savepoint of it.
    const shared = this.queryRunner.openSharedTransaction() as Transaction | undefined;
    return this.transaction(shared ? { transaction: shared } : {}, (transaction) => work(transaction));
  }

  async sync(options: SyncOptions = {}): Promise<this> {
    if (options.match && !options.match.test(this.config.database ?? '')) {
      throw new UsageError(`Database "${this.config.database ?? ''}" does not match sync match parameter "${String(options.match)}"`);
    }
    if (options.hooks !== false) await this.hooksRegistry.run('beforeBulkSync', options);
    const ordered = this.modelManager.inCreationOrder();
    if (options.force) for (const model of [...ordered].reverse()) await (model as unknown as typeof Model).drop(options);
    for (const model of ordered) await (model as unknown as typeof Model).sync({ ...options, force: false });
    if (options.hooks !== false) await this.hooksRegistry.run('afterBulkSync', options);
    return this;
  }

  async drop(options: { cascade?: boolean; logging?: unknown } = {}): Promise<void> {
    for (const model of [...this.modelManager.inCreationOrder()].reverse()) await (model as unknown as typeof Model).drop(options);
  }

  async truncate(options: TruncateOptions = {}): Promise<void> {
    for (const model of [...this.modelManager.inCreationOrder()].reverse()) await (model as unknown as typeof Model).truncate(options);
  }

  showAllSchemas(options?: { logging?: unknown }): Promise<string[]> {
    return this.getQueryInterface().showAllSchemas(options as never);
  }
  createSchema(schema: string, options?: { logging?: unknown }): Promise<void> {
    return this.getQueryInterface().createSchema(schema, options as never);
  }
  dropSchema(schema: string, options?: { logging?: unknown }): Promise<void> {
    return this.getQueryInterface().dropSchema(schema, options as never);
  }
  dropAllSchemas(options?: { logging?: unknown }): Promise<void> {
    return this.showAllSchemas(options).then(async (schemas) => {
      for (const schema of schemas) await this.dropSchema(schema, options);
    });
  }

  addHook<K extends string>(hookName: K, nameOrFn: string | SequelizeHookOf<K>, fn?: SequelizeHookOf<K>): this {
    this.hooksRegistry.add(hookName, nameOrFn, fn);
    return this;
  }
  removeHook(hookName: string, nameOrFn: string | HookFunction): this {
    this.hooksRegistry.remove(hookName, nameOrFn);
    return this;
  }
  hasHook(hookName: string): boolean {
    return this.hooksRegistry.has(hookName);
  }
  hasHooks(hookName: string): boolean {
    return this.hasHook(hookName);
  }
  runHooks(hookName: string, ...args: unknown[]): Promise<void> {
    return this.hooksRegistry.run(hookName, ...args);
  }

  fn = fn;
  col = col;
  literal = literal;
  where = where;
  and = and;
  or = or;
  cast = cast;
  json = json;

  random(): ReturnType<typeof fn> {
    return fn(this.dialect.compiler.randomFunction);
  }

  /** v6's CLS: managed transactions always travel through AsyncLocalStorage; a namespace also gets them (see `cls`). */
  static useCLS(namespace: ClsNamespace): typeof Sequelize {
    if (!namespace || typeof namespace !== 'object' || typeof namespace.bind !== 'function' || typeof namespace.run !== 'function') throw new UsageError('Must provide CLS namespace');
    cls.namespace = namespace;
    return this;
  }
  static get _cls(): ClsNamespace | undefined {
    return cls.namespace;
  }
  static set _cls(namespace: ClsNamespace | undefined) {
    cls.namespace = namespace ?? undefined;
  }
}

// `queryInterface.sequelize`, as migrations reach `queryInterface.sequelize.query(…)` and `.transaction()`.
declare module './schema/query-interface.js' {
  interface QueryInterface {
    sequelize: Sequelize;
  }
}

// `sequelize.beforeDefine(fn)`, `sequelize.afterCreate(fn)` …: every hook has a shorthand, as in Sequelize.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Sequelize extends HookShorthands {}
installHookShorthands(Sequelize.prototype);

Object.assign(Sequelize, sequelizeStatics, classHookStatics(() => Sequelize));

// v6 also hangs these on every instance: migrations write `queryInterface.sequelize.QueryTypes.SELECT`.
export interface Sequelize {
  readonly QueryTypes: typeof QueryTypes;
  readonly Sequelize: typeof Sequelize;
}
Object.defineProperties(Sequelize.prototype, { QueryTypes: { value: QueryTypes }, Sequelize: { value: Sequelize } });
