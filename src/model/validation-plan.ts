// The shortcut of validation for the values most records hold: a per-model plan that accepts an instance whose
// every attribute is empty (and may be) or holds a value its type's check is known to pass, with no validator to
// run. Anything else is left to the full check, which then reports exactly as before.
import { DateType } from '../data-types/date-types.js';
import { BigIntType, IntegerType } from '../data-types/numeric-types.js';
import { StringType, TextType } from '../data-types/string-types.js';
import type { DataType } from '../data-types/abstract.js';
import type { NormalizedAttribute } from '../metadata/attributes.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { SqlFragment } from '../sql/sql-helpers.js';

/** A value its type's own check passes, decided without calling it: strings, integers, valid dates. */
type Kind = 'string' | 'integer' | 'date' | 'other';

interface PlannedAttribute {
  readonly name: string;
  readonly attribute: NormalizedAttribute;
  /** The type the kind was read from: a type replaced since is checked in full. */
  readonly type: DataType;
  readonly kind: Kind;
  /** A timestamp may be empty: saving fills it. */
  readonly isTimestamp: boolean;
}

interface Plan {
  readonly version: number;
  readonly attributes: readonly PlannedAttribute[];
}

const plans = new WeakMap<ModelDefinition, Plan>();

// By the check a type runs, not by its class: a subclass with a check of its own is not taken for its parent.
function kindOf(type: DataType): Kind {
  const validate = type.validate;
  if (validate === StringType.prototype.validate || validate === TextType.prototype.validate) return 'string';
  if (validate === IntegerType.prototype.validate || validate === BigIntType.prototype.validate) return 'integer';
  if (validate === DateType.prototype.validate) return 'date';
  return 'other';
}

function planOf(definition: ModelDefinition): Plan {
  const known = plans.get(definition);
  if (known !== undefined && known.version === definition.version) return known;
  const { createdAt, updatedAt } = definition.timestamps;
  const plan: Plan = {
    version: definition.version,
    attributes: definition.attributeNames.map((name) => {
      const attribute = definition.attributes[name]!;
      return { name, attribute, type: attribute.type, kind: kindOf(attribute.type), isTimestamp: name === createdAt || name === updatedAt };
    }),
  };
  plans.set(definition, plan);
  return plan;
}

function passesTypeCheck(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'date':
      return value instanceof Date && !Number.isNaN(value.getTime());
    default:
      return false;
  }
}

/**
 * True when the full check could only find nothing: no model validators, and every attribute without
 * validators holds a value of a kind its type accepts, an SQL fragment, or nothing where nothing is allowed.
 */
export function plainlyValid(definition: ModelDefinition, values: Record<string, unknown>): boolean {
  const modelValidators = definition.options.validate;
  if (modelValidators !== undefined && Object.keys(modelValidators).length > 0) return false;
  for (const planned of planOf(definition).attributes) {
    const attribute = planned.attribute;
    // Read live: validators or nullability changed on the attribute object after the plan was made still count.
    if (attribute.validate !== undefined || attribute.type !== planned.type) return false;
    const value = values[planned.name];
    if (value === null || value === undefined) {
      if (attribute.allowNull === false && !attribute.autoIncrement && !planned.isTimestamp) return false;
      continue;
    }
    if (!passesTypeCheck(planned.kind, value) && !(value instanceof SqlFragment)) return false;
  }
  return true;
}
