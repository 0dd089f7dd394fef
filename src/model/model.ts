import { inspect } from 'node:util';
import type { ModelOptions } from '../metadata/model-options.js';
import type { FindOptions } from '../query/find-options.js';
import { buildingOptions, getValue, getValues, jsonValues, setValue, setValues, type GetOptions, type SetOptions } from './instance-accessors.js';
import { InstanceTracking, initialValues, previousDataValues, previousValue, previousValues, type InstanceState } from './instance-values.js';
import * as finders from './finders.js';
import * as writers from './writers.js';
import * as persistence from './instance-persistence.js';
import { initModel } from './model-init.js';
import { ModelAssociationStatics } from './model-association-statics.js';
import type { BuildOptions, ModelClass } from './model-internals.js';
import { schemaModel, scopedModel, addScope } from './scopes.js';
import * as schema from './model-schema.js';
import { installHookShorthands } from './hook-shorthands.js';
import type { Attributes, CreationAttributes, LooseAttributes } from '../types/model-types.js';
import type { IncludeList, UpdateValues } from '../types/query-options.js';
import type { AllNames, CountResult, FindResult, OrNull, OrderInput, ShapedFindOptions, UpdateResult } from '../types/query-result.js';
import type { GroupOption } from '../types/options.js';
import type { ModelAttributes } from '../types/v6-model-names.js';
import type * as options from '../types/options.js';
import { buildIncluded, checkIncludes, createWithIncludes } from './include-create.js';
type AttributeKey<M extends Model> = keyof Attributes<M> & string;
type IncrementFieldsInput = string | string[] | Record<string, number>;
/** `get({ plain: true })` and `toJSON()`: the attributes, and whatever else was included. */
type PlainValues<A extends object> = A & Record<string, unknown>;

// Real constructor parameters (`never[]` makes `InstanceType<typeof Pug>` `any`), with the public BuildOptions so v5's `typeof Model & { new (…): Pet }` matches.
export type ModelStatic<M extends Model = Model> = (new (values?: Record<string, unknown>, options?: options.BuildOptions) => M) & Omit<typeof Model, 'prototype'>;

/**
 * The public Model API. It keeps Sequelize's surface and delegates: finders, writers, persistence and schema
 * work live in their own modules; SQL is built by the query layer.
 */
// The defaults are `object` so that every model, also one whose attributes are an interface (no index
// signature), is assignable to `Model`; `Attributes<M>` reads a bare `object` as "any attribute name".
export class Model<TAttributes extends object = object, TCreationAttributes extends object = TAttributes> extends ModelAssociationStatics {

  declare readonly _attributes: TAttributes;
  declare readonly _creationAttributes: TCreationAttributes;

  /** Attribute values (typed as v6 types them); plain and enumerable, as code written for Sequelize reads them. */
  // Declared, not class fields: the constructor creates them by assignment, cheaper than field definitions.
  declare dataValues: PlainValues<TAttributes>;
  declare isNewRecord: boolean;
  declare _options: BuildOptions & { includeNames?: string[] };
  /** Change tracking, off the public surface; a private field costs less per instance than defineProperty. */
  #state: InstanceState | undefined;

  constructor(values?: Record<string, unknown>, options: BuildOptions = {}) {
    super();
    const model = this.constructor as unknown as ModelClass;
    const isNewRecord = options.isNewRecord ?? true;
    if (!isNewRecord && options.raw && values) {
      // Hydration from a query: the converted row becomes the values as is; change tracking starts on first use.
      this.dataValues = values as PlainValues<TAttributes>;
      this.isNewRecord = false;
      this._options = options;
      return;
    }
    if (options.include !== undefined) checkIncludes(model as never, options.include);
    this.dataValues = (isNewRecord ? initialValues(model.definition, values) : {}) as PlainValues<TAttributes>;
    this.isNewRecord = isNewRecord;
    this._options = options;
    this.#state = new InstanceTracking(this.dataValues);
    if (values) setValues(this as unknown as Model, this.#state, values, buildingOptions(options.raw === true, options.include));
    // As in v6: `raw` skips setters and change tracking; a stored record built without it counts its values as changed.
    if (options.raw) persistence.markClean(this.#state);
  }

  // Returns the class typed as itself, as v6: `static initModel(s): typeof User { return User.init(…) }`.
  static init<MS extends ModelStatic<Model>>(this: MS, attributes: ModelAttributes<InstanceType<MS>>, options: options.InitOptions<InstanceType<MS>>): MS {
    initModel(this as unknown as ModelClass & typeof Model, attributes as Record<string, unknown>, options as ModelOptions & { sequelize: unknown });
    return this;
  }

  static removeAttribute(name: string): void {
    this.definition.removeAttribute(name);
  }

  // ---- building ----
  static build<M extends Model>(this: ModelStatic<M>, values?: CreationAttributes<M>, options?: BuildOptions): M {
    // v6 builds a list given a list (untyped there too).
    if (Array.isArray(values)) return (this as unknown as typeof Model).bulkBuild(values as Record<string, unknown>[], options) as unknown as M;
    return new (this as unknown as new (v?: Record<string, unknown>, o?: BuildOptions) => M)(values, options);
  }
  static bulkBuild<M extends Model>(this: ModelStatic<M>, records: readonly CreationAttributes<M>[], options?: BuildOptions): M[] {
    return records.map((values) => (this as unknown as typeof Model).build(values as Record<string, unknown>, options) as M);
  }

  // ---- finders ----
  static findAll<M extends Model, const I extends IncludeList = [], K extends string = AllNames, const O extends OrderInput = [], E extends string = never>(this: ModelStatic<M>, options?: ShapedFindOptions<M, I, K, O, E>): Promise<Array<FindResult<M, I, K>>> {
    return finders.findAll(this as unknown as ModelClass, options as FindOptions) as Promise<Array<FindResult<M, I, K>>>;
  }
  static findOne<M extends Model, const I extends IncludeList = [], K extends string = AllNames, const O extends OrderInput = [], E extends string = never, R extends boolean | Error = false>(this: ModelStatic<M>, options?: ShapedFindOptions<M, I, K, O, E> & { rejectOnEmpty?: R }): Promise<FindResult<M, I, K> | OrNull<R>> {
    return finders.findOne(this as unknown as ModelClass, options as FindOptions) as Promise<FindResult<M, I, K> | OrNull<R>>;
  }
  static findByPk<M extends Model, const I extends IncludeList = [], K extends string = AllNames, const O extends OrderInput = [], E extends string = never, R extends boolean | Error = false>(this: ModelStatic<M>, key: unknown, options?: Omit<ShapedFindOptions<M, I, K, O, E>, 'where'> & { rejectOnEmpty?: R }): Promise<FindResult<M, I, K> | OrNull<R>> {
    return finders.findByPk(this as unknown as ModelClass, key, options as FindOptions) as Promise<FindResult<M, I, K> | OrNull<R>>;
  }
  static findAndCountAll<M extends Model, const I extends IncludeList = [], K extends string = AllNames, const O extends OrderInput = [], E extends string = never, G extends GroupOption | undefined = undefined>(this: ModelStatic<M>, options?: ShapedFindOptions<M, I, K, O, E, options.FindAndCountOptions<Attributes<M>>> & { group?: G }): Promise<{ count: CountResult<G>; rows: Array<FindResult<M, I, K>> }> {
    return finders.findAndCountAll(this as unknown as ModelClass, options as FindOptions) as Promise<{ count: CountResult<G>; rows: Array<FindResult<M, I, K>> }>;
  }
  static findOrCreate<M extends Model>(this: ModelStatic<M>, options: options.FindOrCreateOptions<Attributes<M>, CreationAttributes<M>>): Promise<[M, boolean]> {
    return finders.findOrCreate(this as unknown as ModelClass, options as FindOptions) as Promise<[M, boolean]>;
  }
  static findOrBuild<M extends Model>(this: ModelStatic<M>, options: options.FindOrCreateOptions<Attributes<M>, CreationAttributes<M>>): Promise<[M, boolean]> {
    return finders.findOrBuild(this as unknown as ModelClass, options as FindOptions) as Promise<[M, boolean]>;
  }
  static findCreateFind<M extends Model>(this: ModelStatic<M>, options: options.FindOrCreateOptions<Attributes<M>, CreationAttributes<M>>): Promise<[M, boolean]> {
    return finders.findCreateFind(this as unknown as ModelClass, options as FindOptions) as Promise<[M, boolean]>;
  }
  static count<M extends Model, G extends GroupOption | undefined = undefined>(this: ModelStatic<M>, options?: options.CountOptions<Attributes<M>> & { group?: G }): Promise<CountResult<G>> {
    return finders.count(this as unknown as ModelClass, options as FindOptions) as Promise<CountResult<G>>;
  }
  // v6's type parameters: the result's type, then the model (`Product.max<number, Product>('price')`).
  static aggregate<T = unknown, _M extends Model = Model>(field: string, fn: string, options?: options.AggregateOptions): Promise<T> {
    return finders.aggregate(this as unknown as ModelClass, field, fn, options as FindOptions) as Promise<T>;
  }
  static max<T = unknown, _M extends Model = Model>(field: string, options?: options.AggregateOptions): Promise<T> {
    return finders.aggregate(this as unknown as ModelClass, field, 'max', options as FindOptions) as Promise<T>;
  }
  static min<T = unknown, _M extends Model = Model>(field: string, options?: options.AggregateOptions): Promise<T> {
    return finders.aggregate(this as unknown as ModelClass, field, 'min', options as FindOptions) as Promise<T>;
  }
  static sum<T = number, _M extends Model = Model>(field: string, options?: options.AggregateOptions): Promise<T> {
    return finders.aggregate(this as unknown as ModelClass, field, 'sum', options as FindOptions) as Promise<T>;
  }

  // ---- writers ----
  static create<M extends Model>(this: ModelStatic<M>, values?: CreationAttributes<M>, options?: options.CreateOptions<Attributes<M>>): Promise<M> {
    return writers.create(this as unknown as ModelClass, values as Record<string, unknown> | undefined, options as writers.CreateOptions) as Promise<M>;
  }
  static bulkCreate<M extends Model>(this: ModelStatic<M>, records: readonly CreationAttributes<M>[], options?: options.BulkCreateOptions<Attributes<M>>): Promise<M[]> {
    return writers.bulkCreate(this as unknown as ModelClass, records as Record<string, unknown>[], options as writers.BulkCreateOptions) as Promise<M[]>;
  }
  static update<M extends Model, R extends boolean | readonly string[] = false>(this: ModelStatic<M>, values: UpdateValues<Attributes<M>>, options: options.UpdateOptions<Attributes<M>> & { returning?: R }): Promise<UpdateResult<M, R>> {
    return writers.update(this as unknown as ModelClass, values as Record<string, unknown>, options as writers.UpdateOptions) as Promise<UpdateResult<M, R>>;
  }
  static destroy<M extends Model>(this: ModelStatic<M>, options?: options.DestroyOptions<Attributes<M>>): Promise<number> {
    return writers.destroy(this as unknown as ModelClass, options as writers.DestroyOptions);
  }
  static restore<M extends Model>(this: ModelStatic<M>, options?: options.RestoreOptions<Attributes<M>>): Promise<number> {
    return writers.restore(this as unknown as ModelClass, options as writers.DestroyOptions);
  }
  static upsert<M extends Model>(this: ModelStatic<M>, values: CreationAttributes<M>, options?: options.UpsertOptions<Attributes<M>>): Promise<[M, boolean | null]> {
    return writers.upsert(this as unknown as ModelClass, values as Record<string, unknown>, options as writers.UpsertOptions) as Promise<[M, boolean | null]>;
  }
  static increment<M extends Model>(this: ModelStatic<M>, fields: options.IncrementFields<Attributes<M>>, options: options.IncrementDecrementOptions<Attributes<M>>): Promise<[[M[] | undefined, number]]> {
    return writers.increment(this as unknown as ModelClass, fields as IncrementFieldsInput, options as writers.IncrementOptions, 1) as Promise<[[M[] | undefined, number]]>;
  }
  static decrement<M extends Model>(this: ModelStatic<M>, fields: options.IncrementFields<Attributes<M>>, options: options.IncrementDecrementOptions<Attributes<M>>): Promise<[[M[] | undefined, number]]> {
    return writers.increment(this as unknown as ModelClass, fields as IncrementFieldsInput, options as writers.IncrementOptions, -1) as Promise<[[M[] | undefined, number]]>;
  }
  static truncate(options?: options.TruncateOptions): Promise<number> {
    return writers.destroy(this as unknown as ModelClass, { ...(options as writers.DestroyOptions), truncate: true });
  }

  // ---- schema ----
  static sync(options?: schema.SyncOptions): Promise<typeof Model> {
    return schema.syncModel(this as unknown as ModelClass, options).then(() => this);
  }
  static drop(options?: { cascade?: boolean; transaction?: unknown; logging?: unknown }): Promise<void> {
    return schema.dropModel(this as unknown as ModelClass, options);
  }

  // ---- scopes ----
  static scope<M extends Model>(this: ModelStatic<M>, ...names: unknown[]): ModelStatic<M> {
    return scopedModel(this as unknown as ModelClass, names) as unknown as ModelStatic<M>;
  }
  static schema<M extends Model>(this: ModelStatic<M>, schema: string, options?: string | { schemaDelimiter?: string }): ModelStatic<M> {
    return schemaModel(this as unknown as ModelClass, schema, options) as unknown as ModelStatic<M>;
  }
  static unscoped<M extends Model>(this: ModelStatic<M>): ModelStatic<M> {
    return scopedModel(this as unknown as ModelClass, [], { unscoped: true }) as unknown as ModelStatic<M>;
  }
  static addScope(name: string, scope: unknown, options?: { override?: boolean }): void {
    addScope(this as unknown as ModelClass, name, scope, options);
  }

  // ---- instance values ----
  get<K extends keyof TAttributes & string>(key: K, options?: GetOptions): TAttributes[K];
  get(options?: GetOptions): PlainValues<TAttributes>;
  get(key?: string | GetOptions, options?: GetOptions): unknown;
  get(key?: string | GetOptions, options?: GetOptions): unknown {
    if (typeof key === 'string') return getValue(this, key, options);
    return getValues(this, key ?? options);
  }
  set(key: string | Record<string, unknown>, value?: unknown, options?: SetOptions): this {
    if (typeof key === 'string') setValue(this as unknown as Model, this.#tracking(), key, value, options ?? {});
    else setValues(this as unknown as Model, this.#tracking(), key, (value as SetOptions | undefined) ?? {});
    return this;
  }
  setAttributes(key: string | Record<string, unknown>, value?: unknown, options?: SetOptions): this {
    return this.set(key, value, options);
  }
  getDataValue<K extends string>(key: K): PlainValues<TAttributes>[K] {
    return this.dataValues[key] as PlainValues<TAttributes>[K];
  }
  setDataValue<K extends string>(key: K, value: PlainValues<TAttributes>[K]): void {
    const before = this.dataValues[key];
    this.dataValues[key] = value;
    if (before !== value) persistence.noteChange(this.#tracking(), key, before);
  }
  changed(): string[] | false;
  changed(key: string): boolean;
  changed(key: string, value: boolean): this;
  changed(key?: string, value?: boolean): string[] | false | boolean | this {
    return persistence.changed(this as never, this.#tracking(), key, value) as string[] | false | boolean | this;
  }
  previous(): Partial<PlainValues<TAttributes>>;
  previous<K extends string>(key: K): PlainValues<TAttributes>[K] | undefined;
  previous(key?: string): unknown {
    return key === undefined ? previousValues(this.#tracking()) : previousValue(this.#tracking(), key);
  }
  get _previousDataValues(): Record<string, unknown> {
    return previousDataValues(this.#tracking());
  }
  /** The attributes typed, included associations and other keys as `unknown`; v6's `toJSON<T>()` names a shape of its own. */
  toJSON<T extends object = PlainValues<TAttributes>>(): T {
    return jsonValues(this) as T;
  }
  equals(other: unknown): boolean {
    return persistence.equals(this as never, other);
  }
  equalsOneOf(others: readonly unknown[]): boolean {
    return others.some((other) => this.equals(other));
  }
  where(): Record<string, unknown> {
    return persistence.primaryKeyWhere(this as never);
  }
  isSoftDeleted(): boolean {
    return persistence.isSoftDeleted(this as never);
  }

  // ---- instance persistence ----
  save(options?: options.SaveOptions): Promise<this> {
    // As v6: a new record built with `include` saves what it includes too (Model.build(values, { include }).save()).
    const include = options && 'include' in options ? (options as { include?: unknown }).include : this.isNewRecord ? this._options.include : undefined;
    if (include !== undefined && this.isNewRecord) {
      return createWithIncludes(this.constructor as unknown as ModelClass, this as never, { ...options, include }) as unknown as Promise<this>;
    }
    return persistence.save(this as never, this.#tracking(), options as persistence.SaveOptions) as unknown as Promise<this>;
  }
  update(values: UpdateValues<LooseAttributes<TAttributes>>, options?: options.InstanceUpdateOptions): Promise<this> {
    return persistence.update(this as never, this.#tracking(), values as Record<string, unknown>, options as persistence.SaveOptions) as unknown as Promise<this>;
  }
  reload(options?: options.InstanceReloadOptions): Promise<this> {
    return persistence.reload(this as never, this.#tracking(), options as FindOptions) as unknown as Promise<this>;
  }
  destroy(options?: options.InstanceDestroyOptions): Promise<this> {
    return persistence.destroy(this as never, options).then(() => this);
  }
  restore(options?: options.InstanceRestoreOptions): Promise<this> {
    return persistence.restore(this as never, this.#tracking(), options as persistence.SaveOptions).then(() => this);
  }
  increment(fields: options.IncrementFields<Record<string, unknown>>, options?: options.IncrementDecrementOptions): Promise<this> {
    return persistence.increment(this as never, fields as IncrementFieldsInput, (options ?? {}) as writers.IncrementOptions, 1) as unknown as Promise<this>;
  }
  decrement(fields: options.IncrementFields<Record<string, unknown>>, options?: options.IncrementDecrementOptions): Promise<this> {
    return persistence.increment(this as never, fields as IncrementFieldsInput, (options ?? {}) as writers.IncrementOptions, -1) as unknown as Promise<this>;
  }
  validate(options?: persistence.InstanceValidateOptions): Promise<this> {
    return persistence.validate(this as never, options).then(() => this);
  }

  /** `console.log(pug)` prints the values (with included models nested) under the model's name, not internals. */
  override toString(): string {
    return `[object SequelizeInstance:${(this.constructor as { name: string }).name}]`;
  }
  [inspect.custom](depth: number, options: { stylize?: unknown }, nestedInspect: typeof inspect): string {
    const name = (this.constructor as { name: string }).name;
    const values = getValues(this, { plain: false, clone: false, forInspect: true });
    return `${name} ${nestedInspect(values, { ...options, depth: options && 'depth' in options ? (options as { depth: number }).depth : depth })}`;
  }

  /** Change tracking, created on first use: most hydrated instances are read and never changed. */
  #tracking(): InstanceState {
    return (this.#state ??= new InstanceTracking(this.dataValues));
  }

  static _stateOf(instance: Model): InstanceState {
    return instance.#tracking();
  }
}

installHookShorthands(Model);
// Building with `include` turns included values into instances of their models (model/include-create.ts).
(Model as unknown as { includeSetter: typeof buildIncluded }).includeSetter = buildIncluded;
