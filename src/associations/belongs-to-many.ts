import { AssociationError } from '../errors/usage-errors.js';
import { belongsToManyKeys, multipleAccessors, type MultipleAccessors } from '../metadata/naming.js';
import { Association, requireKey, type AssociableModel, type AssociationOptions } from './association.js';
import { addForeignKey, isAssociationKey } from './foreign-key.js';

export interface ThroughOptions {
  model: AssociableModel;
  unique?: boolean;
  scope?: Record<string, unknown>;
  paranoid?: boolean;
}

export interface BelongsToManyOptions extends AssociationOptions {
  through: ThroughOptions;
  otherKey?: string | { name?: string; [extra: string]: unknown };
  uniqueKey?: string;
}

/**
 * `Pug.belongsToMany(Friend, { through: 'friendship' })`: both keys live on the join model, which gets
 * `pugId` and `friendId` as its composite primary key and nothing else of its own.
 */
export class BelongsToMany<S extends AssociableModel = AssociableModel, T extends AssociableModel = AssociableModel> extends Association<S, T> {
  readonly associationType = 'BelongsToMany' as const;
  readonly as: string;
  readonly foreignKey: string;
  readonly otherKey: string;
  readonly sourceKey: string;
  readonly targetKey: string;
  readonly through: ThroughOptions;
  readonly accessors: MultipleAccessors;
  paired: BelongsToMany | undefined;

  constructor(source: S, target: T, options: BelongsToManyOptions) {
    super(source, target, options);
    if (!options.through?.model) throw new AssociationError(`${source.name}.belongsToMany(${target.name}) requires a "through" option: a join table name or a model.`);
    if (this.isSelfAssociation && options.as === undefined) {
      throw new AssociationError(`${source.name}.belongsToMany(${source.name}) associates the model with itself, so it needs an alias: pass "as" (for example { as: 'friends' }).`);
    }
    const names = this.aliasNames();
    this.as = names.plural;
    this.through = options.through;
    this.sourceKey = requireKey(source, options.sourceKey ?? source.definition.primaryKeyAttributes[0], 'the source key of a belongsToMany');
    this.targetKey = requireKey(target, options.targetKey ?? target.definition.primaryKeyAttributes[0], 'the target key of a belongsToMany');
    const defaults = belongsToManyKeys(
      { singular: source.definition.names.singular, key: this.sourceKey },
      { singular: target.definition.names.singular, key: this.targetKey },
      this.isSelfAssociation ? this.as : undefined,
    );
    const foreignKey = this.foreignKeyOptions();
    const otherKey = typeof options.otherKey === 'string' ? { name: options.otherKey } : options.otherKey ?? {};
    this.foreignKey = foreignKey.name ?? defaults.foreignKey;
    this.otherKey = otherKey.name ?? defaults.otherKey;
    this.checkThroughKeys();
    this.addJoinKeys(foreignKey.attribute, otherKey);
    this.accessors = multipleAccessors(names);
    this.recordNames();
  }

  get throughModel(): AssociableModel {
    return this.through.model;
  }
  get identifierField(): string {
    return this.through.model.definition.columnOf(this.foreignKey);
  }
  get foreignKeyField(): string {
    return this.identifierField;
  }
  /** Sequelize's names for the two join-table keys and the join table. */
  get identifier(): string {
    return this.foreignKey;
  }
  get foreignIdentifier(): string {
    return this.otherKey;
  }
  get foreignIdentifierField(): string {
    return this.otherKeyField;
  }
  get combinedName(): string {
    return this.through.model.definition.tableName;
  }
  get otherKeyField(): string {
    return this.through.model.definition.columnOf(this.otherKey);
  }
  get sourceKeyField(): string {
    return this.source.definition.columnOf(this.sourceKey);
  }
  get targetKeyField(): string {
    return this.target.definition.columnOf(this.targetKey);
  }

  /**
   * A through model the user defined with its own key to one side, under another name than the association
   * uses, would silently get a second key column: name the mismatch instead.
   */
  private checkThroughKeys(): void {
    if (this.isSelfAssociation) return;
    const join = this.through.model.definition;
    for (const [key, side, option] of [[this.foreignKey, this.source, 'foreignKey'], [this.otherKey, this.target, 'otherKey']] as const) {
      if (join.attribute(key)) continue;
      const own = Object.entries(join.attributes).filter(([name, attribute]) => {
        const model = (attribute.references as { model?: unknown } | undefined)?.model;
        const table = typeof model === 'string' ? model : (model as { tableName?: string } | undefined)?.tableName;
        return table === side.definition.tableName && !isAssociationKey(join, name);
      });
      if (own.length > 0) {
        throw new AssociationError(`The through model ${this.through.model.name} has ${own.map(([name]) => `"${name}"`).join(', ')} referencing ${side.definition.tableName}, but ${this.source.name}.belongsToMany(${this.target.name}) expects the key "${key}": pass ${option}: '${own[0]![0]}' or rename the attribute.`);
      }
    }
  }

  /**
   * As v6: the join model's generated `id` gives way to a composite primary key of the two keys (also with
   * `through: { unique: false }`); a key of the user's own keeps its place, and the pair becomes unique unless
   * `unique: false`. The association's settings win over what the join model declares for the two keys.
   */
  private addJoinKeys(foreignKeyAttribute: Record<string, unknown>, otherKeyOptions: Record<string, unknown>): void {
    const join = this.through.model.definition;
    const generated = Object.keys(join.attributes).filter((name) => join.attributes[name]!.primaryKey && join.attributes[name]!._autoGenerated);
    for (const name of generated) join.removeAttribute(name);
    const { name: _ignored, ...otherKeyAttribute } = otherKeyOptions;
    const alreadyComposite = [this.foreignKey, this.otherKey].every((name) => join.attribute(name)?.primaryKey);
    const composite = generated.length > 0 || alreadyComposite;
    const uniqueName = this.options.uniqueKey || `${join.tableName}_${this.foreignKey}_${this.otherKey}_unique`;
    const keyOptions = composite ? { primaryKey: true } : this.through.unique !== false ? { unique: uniqueName } : {};
    const declaredOnDelete = (name: string) => join.attribute(name)?.onDelete;
    const declaredOnUpdate = (name: string) => join.attribute(name)?.onUpdate;
    const sides = [
      [this.foreignKey, this.source.definition, this.sourceKey, foreignKeyAttribute, this.options.onDelete ?? declaredOnDelete(this.foreignKey), this.options.onUpdate ?? declaredOnUpdate(this.foreignKey)],
      [this.otherKey, this.target.definition, this.targetKey, otherKeyAttribute, declaredOnDelete(this.otherKey) ?? this.options.onDelete, declaredOnUpdate(this.otherKey) ?? this.options.onUpdate],
    ] as const;
    for (const [name, referenced, key, extra, onDelete, onUpdate] of sides) {
      addForeignKey({
        holder: join, name, referenced, referencedKey: key, constraints: this.options.constraints !== false,
        attribute: { ...extra, ...keyOptions }, precedence: 'association',
        onDelete: onDelete ?? 'CASCADE', onUpdate: onUpdate ?? 'CASCADE',
      });
    }
  }
}
