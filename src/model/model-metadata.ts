import type { ModelDefinition } from '../metadata/model-definition.js';
import type { ModelOptions } from '../metadata/model-options.js';
import type { Sequelize } from '../sequelize.js';
import type { HookRegistry } from './hooks.js';
import type { ModelHost } from './model-internals.js';

/** The option values v6's `Model.options` reports for what a definition left out. */
const OPTION_DEFAULTS: Readonly<ModelOptions> = {
  timestamps: true,
  freezeTableName: false,
  underscored: false,
  paranoid: false,
  rejectOnEmpty: false,
  schema: null as unknown as undefined,
  schemaDelimiter: '',
  defaultScope: {},
  scopes: {},
  indexes: [],
  omitNull: false,
  whereMergeStrategy: 'overwrite',
};

/** The read-only statics Sequelize exposes about a model (rawAttributes, tableName, primaryKeyAttribute, …). */
export class ModelMetadata {
  declare static definition: ModelDefinition;
  declare static host: ModelHost;
  declare static hooksRegistry: HookRegistry;
  declare static associations: Record<string, unknown>;
  declare static scopes: Record<string, unknown>;
  declare static activeScope: Record<string, unknown> | undefined;

  static get rawAttributes(): ModelDefinition['attributes'] {
    return this.stampedAttributes();
  }
  static getAttributes(): ModelDefinition['attributes'] {
    return this.stampedAttributes();
  }

  /** v6's entries also name their model (`Model`) and say `_modelAttribute: true`; stamped when read. */
  /** @internal Not `private`: a private static makes `typeof Model` nominal, so casts to and from ModelStatic fail. */
  static stampedAttributes(): ModelDefinition['attributes'] {
    const attributes = this.definition.attributes;
    for (const attribute of Object.values(attributes)) {
      if (attribute['Model'] === this) continue;
      attribute['Model'] = this;
      attribute['_modelAttribute'] = true;
    }
    return attributes;
  }
  /** v6's `primaryKeys`: the primary-key attributes by name. */
  static get primaryKeys(): ModelDefinition['attributes'] {
    const attributes = this.stampedAttributes();
    return Object.fromEntries(this.definition.primaryKeyAttributes.map((name) => [name, attributes[name]!]));
  }
  /** v6's `autoIncrementAttribute`: the attribute the database numbers, if any. */
  static get autoIncrementAttribute(): string | undefined {
    const attributes = this.definition.attributes;
    return Object.keys(attributes).find((name) => attributes[name]!.autoIncrement === true);
  }
  /** v6's `tableAttributes`: the attributes stored in columns (VIRTUAL ones left out). */
  static get tableAttributes(): ModelDefinition['attributes'] {
    const attributes = this.stampedAttributes();
    return Object.fromEntries(this.definition.columnAttributes.map((name) => [name, attributes[name]!]));
  }
  static get tableName(): string {
    return this.definition.tableName;
  }
  // Typed `string` as v6 types it (`const pk: string = User.primaryKeyAttribute`); a model without a key reads undefined.
  static get primaryKeyAttribute(): string {
    return this.definition.primaryKeyAttributes[0] as string;
  }
  static get primaryKeyAttributes(): string[] {
    return this.definition.primaryKeyAttributes;
  }
  static get primaryKeyField(): string | undefined {
    const key = this.primaryKeyAttribute;
    return key === undefined ? undefined : this.definition.columnOf(key);
  }
  static get options(): ModelOptions & { name: { singular: string; plural: string } } {
    const options: ModelOptions = { ...OPTION_DEFAULTS };
    for (const [key, value] of Object.entries(this.definition.options)) if (value !== undefined) options[key] = value;
    return { ...options, validate: options.validate ?? {}, hooks: options.hooks ?? {}, name: this.definition.names, sequelize: this.sequelize };
  }
  static get uniqueKeys(): ModelDefinition['uniqueKeys'] {
    return this.definition.uniqueKeys;
  }
  /** The Sequelize instance (typed as v6's `Model.sequelize?: Sequelize`: `User.sequelize!.transaction(…)`). */
  static get sequelize(): Sequelize | undefined {
    return (Object.prototype.hasOwnProperty.call(this, 'host') || this.host ? this.host : undefined) as Sequelize | undefined;
  }
  static getTableName(): string | { tableName: string; table: string; name: string; schema: string; delimiter: string; toString(): string } {
    const { tableName, schema } = this.definition;
    if (!schema) return tableName;
    // v6's shape: the table under both tableName and table, the model's name, the schema and its delimiter.
    // toString() quotes it as the dialect does (`"s"."t"`; one identifier `s.t` where there are no schemas).
    const quoted = () => this.host.queryRunner.dialect.compiler.quoteTable(tableName, schema);
    return { tableName, table: tableName, name: this.name, schema, delimiter: '.', toString: quoted };
  }
  static get _timestampAttributes(): ModelDefinition['timestamps'] {
    return this.definition.timestamps;
  }
  static isParanoid(): boolean {
    return this.definition.paranoid;
  }

  /** `instance.sequelize`, as in v6: the connection of the instance's model. */
  get sequelize(): Sequelize {
    return (this.constructor as typeof ModelMetadata).sequelize as Sequelize;
  }

}
