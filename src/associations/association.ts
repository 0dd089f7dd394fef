import { AssociationError } from '../errors/usage-errors.js';
import { callAccessor, callGet, callWithTargets, type CallableAssociation } from './association-calls.js';
import type { NormalizedAttribute } from '../metadata/attributes.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import type { ModelNames } from '../metadata/naming.js';
import { pluralize, singularize } from '../utils/inflection.js';

/** What an association needs of a model: its name and definition. The model layer passes its classes. */
export interface AssociableModel {
  readonly name: string;
  readonly definition: ModelDefinition;
}

export type AssociationType = 'HasOne' | 'BelongsTo' | 'HasMany' | 'BelongsToMany';

export interface AssociationOptions {
  as?: string | { singular: string; plural: string };
  foreignKey?: string | { name?: string; allowNull?: boolean; field?: string; [extra: string]: unknown };
  sourceKey?: string;
  targetKey?: string;
  constraints?: boolean;
  onDelete?: string;
  onUpdate?: string;
  scope?: Record<string, unknown>;
  hooks?: boolean;
  [extra: string]: unknown;
}

/** Shared by the four kinds: names, aliases and the foreign key attribute they add. */
export abstract class Association<S extends AssociableModel = AssociableModel, T extends AssociableModel = AssociableModel> {
  abstract readonly associationType: AssociationType;
  readonly source: S;
  readonly target: T;
  readonly options: AssociationOptions;
  readonly isAliased: boolean;
  readonly isSelfAssociation: boolean;
  readonly scope: Record<string, unknown> | undefined;
  abstract readonly as: string;
  abstract readonly foreignKey: string;

  constructor(source: S, target: T, options: AssociationOptions) {
    if (!target || typeof target !== 'function' || !(target as { definition?: unknown }).definition) {
      throw new AssociationError(`${source.name} cannot be associated with ${String((target as { name?: string } | undefined)?.name ?? target)}: expected a model defined with sequelize.define or Model.init.`);
    }
    this.source = source;
    this.target = target;
    // As v6's: the options given, with `hooks` a boolean (and `useHooks`, its older name) and, once the kind is
    // known, `name` (see recordNames).
    this.options = { ...options, hooks: Boolean(options.hooks), useHooks: Boolean(options.hooks) };
    this.isAliased = options.as !== undefined;
    this.isSelfAssociation = (source as unknown) === (target as unknown);
    this.scope = options.scope;
    checkOptionNames(source.name, (target as AssociableModel).name, options);
  }

  get isSingleAssociation(): boolean {
    return this.associationType === 'HasOne' || this.associationType === 'BelongsTo';
  }

  get isMultiAssociation(): boolean {
    return !this.isSingleAssociation;
  }

  /** v6's association methods, answered by the instance's accessors (see association-calls.ts). */
  async get(instances: unknown, options?: unknown): Promise<unknown> {
    return callGet(this.callable(), instances, options);
  }
  async count(instance: unknown, options?: unknown): Promise<unknown> {
    return callAccessor(this.callable(), 'count', instance, options ?? {});
  }
  async has(instance: unknown, targets: unknown, options?: unknown): Promise<unknown> {
    return callWithTargets(this.callable(), 'has', instance, targets, options);
  }
  async add(instance: unknown, targets: unknown, options?: unknown): Promise<unknown> {
    return callWithTargets(this.callable(), 'add', instance, targets, options);
  }
  async remove(instance: unknown, targets: unknown, options?: unknown): Promise<unknown> {
    return callWithTargets(this.callable(), 'remove', instance, targets, options);
  }
  async set(instance: unknown, targets: unknown, options?: unknown): Promise<unknown> {
    return callAccessor(this.callable(), 'set', instance, targets, options ?? {});
  }
  async create(instance: unknown, values?: unknown, options?: unknown): Promise<unknown> {
    return callAccessor(this.callable(), 'create', instance, values ?? {}, options ?? {});
  }
  private callable(): CallableAssociation {
    return this as unknown as CallableAssociation;
  }

  /** The property the association loads into (Sequelize's name for `as`). */
  get associationAccessor(): string {
    return this.as;
  }

  /** Whether an include's `as` (a string or `{ singular, plural }`) names this association. */
  verifyAssociationAlias(alias: string | { singular?: string; plural?: string } | undefined): boolean {
    if (typeof alias === 'string') return this.as === alias;
    if (alias && (this.isSingleAssociation ? alias.singular : alias.plural)) return this.as === (this.isSingleAssociation ? alias.singular : alias.plural);
    return !this.isAliased;
  }

  /**
   * The alias's singular/plural forms, or the target's names. A string alias is taken as written: it is the
   * plural of a to-many association (its singular inflected from it) and the singular of a to-one.
   */
  protected aliasNames(): ModelNames {
    const as = this.options.as;
    if (as === undefined) return this.target.definition.names;
    if (typeof as === 'object') return { singular: as.singular, plural: as.plural };
    return this.isSingleAssociation ? { singular: as, plural: pluralize(as) } : { singular: singularize(as), plural: as };
  }

  /**
   * `options.name` as v6 reports it: the target's names without `as`; `{ singular, plural }` as given; a string
   * alias as the plural and its singular for a to-many association, as `{ singular }` alone for a to-one.
   */
  protected recordNames(): void {
    const as = this.options.as;
    let name: Record<string, string>;
    if (as === undefined) name = { plural: this.target.definition.names.plural, singular: this.target.definition.names.singular };
    else if (typeof as === 'object') name = { ...as };
    else name = this.isSingleAssociation ? { singular: as } : { plural: as, singular: singularize(as) };
    this.options['name'] = name;
  }

  protected foreignKeyOptions(): { name?: string; attribute: Record<string, unknown> } {
    const given = this.options.foreignKey;
    if (given === undefined) return { attribute: {} };
    if (typeof given === 'string') return { name: given, attribute: {} };
    const { name, ...attribute } = given;
    return { ...(name ? { name } : {}), attribute };
  }

  /** The type a foreign key copies from the key it references, without its auto-increment. */
  protected static keyType(attribute: NormalizedAttribute): unknown {
    return attribute.type;
  }
}

export function requireKey(model: AssociableModel, name: string | undefined, purpose: string): string {
  if (name === undefined) throw new AssociationError(`${model.name} has no primary key to use as ${purpose}.`);
  if (!model.definition.attribute(name)) throw new AssociationError(`${model.name} has no attribute "${name}" to use as ${purpose}.`);
  return name;
}

/** Every option an association of any kind reads, plus the model options Sequelize passes along with them. */
const knownOptions = [
  'as', 'foreignKey', 'sourceKey', 'targetKey', 'otherKey', 'through', 'uniqueKey', 'constraints', 'foreignKeyConstraint',
  'onDelete', 'onUpdate', 'scope', 'hooks', 'useHooks', 'timestamps', 'paranoid', 'keyType', 'name', 'createdAt', 'updatedAt', 'deletedAt',
  'underscored', 'schema', 'tableName', 'freezeTableName',
];

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * Sequelize ignores an option it does not know, so `foreignkey: 'ownerId'` silently creates `ownerId`'s default
 * twin. An unknown name that is a near miss of a known one is almost surely a typo: say so before anything changes.
 */
function checkOptionNames(source: string, target: string, options: AssociationOptions): void {
  for (const key of Object.keys(options)) {
    if (knownOptions.includes(key)) continue;
    const meant = knownOptions.find((known) => known.toLowerCase() === key.toLowerCase() || (key.length > 4 && editDistance(known, key) <= 2));
    if (meant) throw new AssociationError(`Unknown option "${key}" in the association ${source} -> ${target}; did you mean "${meant}"?`);
  }
}
