import { AssociationError } from '../errors/usage-errors.js';
import { hasManyForeignKey, hasOneForeignKey, multipleAccessors, singleAccessors, type MultipleAccessors, type SingleAccessors } from '../metadata/naming.js';
import { Association, requireKey, type AssociableModel, type AssociationOptions } from './association.js';
import { addForeignKey, declaredAllowNull } from './foreign-key.js';

/** Shared by hasOne and hasMany: the key lives on the target and points at the source key. */
abstract class TargetHoldsKey<S extends AssociableModel, T extends AssociableModel> extends Association<S, T> {
  readonly sourceKey: string;
  readonly foreignKey: string;

  constructor(source: S, target: T, options: AssociationOptions, defaultForeignKey: (sourceKey: string) => string) {
    super(source, target, options);
    this.sourceKey = requireKey(source, options.sourceKey ?? source.definition.primaryKeyAttributes[0], `the source key of ${source.name}'s association to ${target.name}`);
    const foreignKey = this.foreignKeyOptions();
    // Sequelize names the key from the source's primary key even when `sourceKey` points elsewhere.
    this.foreignKey = foreignKey.name ?? defaultForeignKey(source.definition.primaryKeyAttributes[0] ?? this.sourceKey);
    if (this.isSelfAssociation && this.foreignKey === this.sourceKey) {
      throw new AssociationError(`${source.name} cannot reference itself through its own key "${this.sourceKey}": give the association a foreignKey.`);
    }
    // As v6: a key declared on the model without allowNull reads as not nullable here, so ON DELETE CASCADE.
    const allowNull = declaredAllowNull(target.definition, this.foreignKey, foreignKey.attribute['allowNull']);
    const onDelete = options.onDelete ?? (allowNull ? 'SET NULL' : 'CASCADE');
    const onUpdate = options.onUpdate ?? 'CASCADE';
    addForeignKey({
      holder: target.definition, name: this.foreignKey, referenced: source.definition, referencedKey: this.sourceKey,
      attribute: { ...(options.keyType ? { type: options.keyType } : {}), allowNull: true, ...foreignKey.attribute },
      constraints: options.constraints !== false, precedence: 'declared', onDelete, onUpdate,
    });
    this.chosenActions = { onDelete, onUpdate };
  }

  /** The ON DELETE / ON UPDATE actions of the key's constraint (v6 lists them in a hasOne's options). */
  protected readonly chosenActions: { onDelete: string; onUpdate: string };

  get identifierField(): string {
    return this.target.definition.columnOf(this.foreignKey);
  }
  get foreignKeyField(): string {
    return this.identifierField;
  }
  get sourceKeyAttribute(): string {
    return this.sourceKey;
  }
  get sourceKeyField(): string {
    return this.source.definition.columnOf(this.sourceKey);
  }
}

/** `Owner.hasMany(Pug)`: `pugs.ownerId` points at the owner. */
export class HasMany<S extends AssociableModel = AssociableModel, T extends AssociableModel = AssociableModel> extends TargetHoldsKey<S, T> {
  readonly associationType = 'HasMany' as const;
  readonly as: string;
  readonly accessors: MultipleAccessors;

  constructor(source: S, target: T, options: AssociationOptions) {
    if (options['through'] !== undefined) {
      throw new AssociationError(`${source.name}.hasMany(${target.name}) was given a "through" option: many-to-many associations are made with ${source.name}.belongsToMany(${target.name}, { through }).`);
    }
    super(source, target, options, (sourceKey) => hasManyForeignKey(source.definition.names.singular, sourceKey));
    const names = this.aliasNames();
    this.as = names.plural;
    this.accessors = multipleAccessors(names);
    this.recordNames();
  }
}

/** `Pug.hasOne(Collar)`: `collars.pugId` points at the pug. */
export class HasOne<S extends AssociableModel = AssociableModel, T extends AssociableModel = AssociableModel> extends TargetHoldsKey<S, T> {
  readonly associationType = 'HasOne' as const;
  readonly as: string;
  readonly accessors: SingleAccessors;

  constructor(source: S, target: T, options: AssociationOptions) {
    const as = typeof options.as === 'object' ? options.as.singular : options.as;
    super(source, target, options, (sourceKey) => hasOneForeignKey(source.name, as, sourceKey));
    this.as = this.aliasNames().singular;
    this.accessors = singleAccessors(this.as);
    if (options.constraints !== false) Object.assign(this.options, this.chosenActions);
    this.recordNames();
  }
}
