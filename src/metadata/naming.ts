import { camelize, pluralize, singularize, underscore, upperFirst } from '../utils/inflection.js';

/**
 * Every name joinery generates — tables, columns, foreign keys, join tables, accessors — comes from here,
 * computed the way Sequelize v6 computes it, so a schema made by Sequelize is the schema joinery expects.
 */
export interface ModelNames {
  singular: string;
  plural: string;
}

export function modelNames(modelName: string, given?: Partial<ModelNames>): ModelNames {
  return {
    singular: given?.singular ?? singularize(modelName),
    plural: given?.plural ?? pluralize(modelName),
  };
}

export function tableNameFor(modelName: string, options: { tableName?: string; freezeTableName?: boolean; underscored?: boolean }): string {
  if (options.tableName) return options.tableName;
  if (options.freezeTableName) return modelName;
  const plural = pluralize(modelName);
  return options.underscored ? underscore(plural) : plural;
}

/** Column name of an attribute that did not set `field`: snake_case under `underscored`. */
export function columnNameFor(attributeName: string, underscored: boolean): string {
  return underscored ? underscore(attributeName) : attributeName;
}

/** `ownerId` for `Pug.belongsTo(Owner)`: the alias (or the target's singular name) plus the target key. */
export function belongsToForeignKey(as: string, targetKey: string): string {
  return camelize(`${as}_${targetKey}`);
}

/** `pugId` for `Pug.hasMany(Toy)`: the source's singular name plus the source key. */
export function hasManyForeignKey(sourceSingular: string, sourceKey: string): string {
  return camelize(`${sourceSingular}_${sourceKey}`);
}

/** hasOne names its key from the alias when there is one (a Sequelize v6 quirk kept for compatibility). */
export function hasOneForeignKey(sourceModelName: string, as: string | undefined, sourceKey: string): string {
  return camelize(`${singularize(as ?? sourceModelName)}_${sourceKey}`);
}

/** Both keys of a join table: `pugId` and `friendId` for `Pug.belongsToMany(Friend)`. */
export function belongsToManyKeys(
  source: { singular: string; key: string },
  target: { singular: string; key: string },
  selfAssociationAs?: string,
): { foreignKey: string; otherKey: string } {
  return {
    foreignKey: camelize(`${source.singular}_${source.key}`),
    otherKey: camelize(`${selfAssociationAs ? singularize(selfAssociationAs) : target.singular}_${target.key}`),
  };
}

/** Sequelize's default join table name when `through` is a model-less `true`: both plurals, sorted. */
export function defaultJoinTableName(sourcePlural: string, targetPlural: string): string {
  return [sourcePlural, targetPlural].sort().map(upperFirst).join('');
}

export interface SingleAccessors {
  get: string;
  set: string;
  create: string;
}

export interface MultipleAccessors {
  get: string;
  set: string;
  addMultiple: string;
  add: string;
  create: string;
  remove: string;
  removeMultiple: string;
  hasSingle: string;
  hasAll: string;
  count: string;
}

export function singleAccessors(as: string): SingleAccessors {
  const name = upperFirst(as);
  return { get: `get${name}`, set: `set${name}`, create: `create${name}` };
}

export function multipleAccessors(names: ModelNames): MultipleAccessors {
  const plural = upperFirst(names.plural);
  const singular = upperFirst(names.singular);
  return {
    get: `get${plural}`,
    set: `set${plural}`,
    addMultiple: `add${plural}`,
    add: `add${singular}`,
    create: `create${singular}`,
    remove: `remove${singular}`,
    removeMultiple: `remove${plural}`,
    hasSingle: `has${singular}`,
    hasAll: `has${plural}`,
    count: `count${plural}`,
  };
}

/** Index names as Sequelize derives them: `table_col1_col2`, or `table_col_unique` for unique columns. */
/**
 * v6's names: an index is `underscore(table_fields)` (`Pets`, `ownerId` → `pets_owner_id`), a unique key
 * `table_field_unique` as written.
 */
export function indexName(table: string, fields: readonly string[], unique = false): string {
  if (unique) return `${table}_${fields.join('_')}_unique`.replace(/[^a-zA-Z0-9_]/g, '_');
  return underscore(`${table}_${fields.join('_')}`).replace(/[^a-zA-Z0-9_]/g, '_');
}

/** The constraint `addColumn` names a foreign key where the dialect adds it as one (v6's MySQL name). */
export function addedColumnForeignKeyName(table: string, column: string): string {
  return `${table}_${column}_foreign_idx`;
}

export function enumTypeName(table: string, column: string): string {
  return `enum_${table}_${column}`;
}

export function foreignKeyConstraintName(table: string, column: string): string {
  return `${table}_${column}_fkey`;
}

/** `queryInterface.addConstraint` names, as Sequelize v6 derives them: `users_email_uk`, `pets_ownerId_users_fk`. */
export function addedConstraintName(table: string, fields: readonly string[], kind: 'uk' | 'pk' | 'fk' | 'ck', referencedTable?: string): string {
  return `${table}_${fields.join('_')}${referencedTable ? `_${referencedTable}` : ''}_${kind}`;
}
