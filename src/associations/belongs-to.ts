import { belongsToForeignKey, singleAccessors, type SingleAccessors } from '../metadata/naming.js';
import { Association, requireKey, type AssociableModel, type AssociationOptions } from './association.js';
import { addForeignKey, declaredAllowNull } from './foreign-key.js';

/** `Pug.belongsTo(Owner)`: the key (`ownerId`) lives on the source. */
export class BelongsTo<S extends AssociableModel = AssociableModel, T extends AssociableModel = AssociableModel> extends Association<S, T> {
  readonly associationType = 'BelongsTo' as const;
  readonly as: string;
  readonly foreignKey: string;
  readonly targetKey: string;
  readonly accessors: SingleAccessors;

  constructor(source: S, target: T, options: AssociationOptions) {
    super(source, target, options);
    this.as = this.aliasNames().singular;
    this.targetKey = requireKey(target, options.targetKey ?? target.definition.primaryKeyAttributes[0], `the target key of ${source.name}.belongsTo(${target.name})`);
    const foreignKey = this.foreignKeyOptions();
    // Sequelize names the key from the target's primary key even when `targetKey` points elsewhere.
    this.foreignKey = foreignKey.name ?? belongsToForeignKey(this.as, target.definition.primaryKeyAttributes[0] ?? this.targetKey);
    // As v6: a key declared on the model without allowNull reads as not nullable here, so ON DELETE NO ACTION.
    const allowNull = declaredAllowNull(source.definition, this.foreignKey, foreignKey.attribute['allowNull']);
    const onDelete = options.onDelete ?? (allowNull ? 'SET NULL' : 'NO ACTION');
    const onUpdate = options.onUpdate ?? 'CASCADE';
    addForeignKey({
      holder: source.definition, name: this.foreignKey, referenced: target.definition, referencedKey: this.targetKey,
      attribute: { ...(options.keyType ? { type: options.keyType } : {}), allowNull: true, ...foreignKey.attribute },
      constraints: options.constraints !== false, precedence: 'declared', onDelete, onUpdate,
    });
    // v6 records the actions it chose on the association's options (when there is a constraint).
    if (options.constraints !== false) Object.assign(this.options, { onDelete, onUpdate });
    this.recordNames();
    this.accessors = singleAccessors(this.as);
  }

  get identifierField(): string {
    return this.source.definition.columnOf(this.foreignKey);
  }
  get foreignKeyField(): string {
    return this.identifierField;
  }
  get identifier(): string {
    return this.foreignKey;
  }
  get targetIdentifier(): string {
    return this.targetKey;
  }
  get targetKeyField(): string {
    return this.target.definition.columnOf(this.targetKey);
  }
  /** Parent rows are keyed by the target key; the source row's foreign key points at it. */
  get sourceKey(): string {
    return this.foreignKey;
  }
}
