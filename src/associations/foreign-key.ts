import { declaredOptions } from '../metadata/attributes.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { isPlainObject } from '../utils/object.js';

export interface ForeignKeySpec {
  /** The model whose table holds the column. */
  holder: ModelDefinition;
  name: string;
  referenced: ModelDefinition;
  referencedKey: string;
  /** What the association sets on the key: its type, `allowNull`, the `foreignKey: { … }` options. */
  attribute: Record<string, unknown>;
  constraints: boolean;
  onDelete: string;
  onUpdate: string;
  /**
   * Whose option wins where the key is also declared on the model: the user's (belongsTo / hasOne / hasMany,
   * which only fill in what is missing) or the association's (belongsToMany, on its join model), as in v6.
   */
  precedence: 'declared' | 'association';
}

const associationKeys = new WeakMap<ModelDefinition, Set<string>>();

/** Whether an association (rather than the user's definition) put this key on the model. */
export function isAssociationKey(holder: ModelDefinition, name: string): boolean {
  return associationKeys.get(holder)?.has(name) ?? false;
}

/**
 * How the key's `allowNull` reads before the association completes it: what the user wrote, `undefined`
 * when the key is declared without one, and `fallback` when the association adds the key.
 */
export function declaredAllowNull(holder: ModelDefinition, name: string, fallback: unknown): boolean {
  const existing = holder.attribute(name);
  if (!existing) return fallback !== false;
  return declaredOptions(existing)['allowNull'] === true;
}

/** Adds (or completes) the foreign key attribute, typed like the key it references. */
export function addForeignKey(spec: ForeignKeySpec): void {
  const existing = spec.holder.attribute(spec.name);
  if (!existing) {
    const added = associationKeys.get(spec.holder) ?? new Set<string>();
    added.add(spec.name);
    associationKeys.set(spec.holder, added);
  }
  const referencedAttribute = spec.referenced.attributes[spec.referencedKey]!;
  const own: Record<string, unknown> = { type: referencedAttribute.type, ...spec.attribute };
  if (own['type'] === undefined) own['type'] = referencedAttribute.type;
  if (spec.constraints) {
    own['references'] = { model: spec.referenced.tableName, key: referencedAttribute.field };
    own['onDelete'] = spec.onDelete;
    own['onUpdate'] = spec.onUpdate;
  }
  const declared = existing ? declaredOptions(existing) : {};
  let attribute: Record<string, unknown>;
  if (spec.precedence === 'association') {
    attribute = { ...declared, ...own };
  } else {
    attribute = { ...own, ...declared };
    const references = declared['references'];
    if (isPlainObject(references) && isPlainObject(own['references'])) attribute['references'] = { ...own['references'], ...references };
  }
  spec.holder.addAttribute(spec.name, attribute, { mergeIntoExisting: false });
}
