import { StringType, TextType } from '../data-types/string-types.js';
import { ValidationError, ValidationErrorItem } from '../errors/validation-errors.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import type { NormalizedAttribute } from '../metadata/attributes.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import { builtInValidator, validatorArgs } from './validators.js';
import { plainlyValid } from './validation-plan.js';

export interface ValidateOptions {
  /** Attributes to check; all when absent. */
  fields?: readonly string[];
  skip?: readonly string[];
  /** Foreign keys that an association will fill in (belongsTo with an instance set). */
  pendingForeignKeys?: ReadonlySet<string>;
}

type Instance = { dataValues: Record<string, unknown>; get(key: string): unknown };

/**
 * Checks an instance against its definition: allowNull, data types, built-in and custom validators, then
 * model-level validators. Collects every failure into one ValidationError, as Sequelize does.
 */
export async function validateInstance(definition: ModelDefinition, instance: Instance, options: ValidateOptions = {}): Promise<ValidationError | undefined> {
  return checkInstance(definition, instance, options);
}

/**
 * `validateInstance` without a promise when nothing asynchronous can run (no custom or model validators):
 * the common case, kept off the microtask queue on the hot write paths.
 */
export function checkInstance(definition: ModelDefinition, instance: Instance, options: ValidateOptions = {}): ValidationError | undefined | Promise<ValidationError | undefined> {
  if (options.fields === undefined && options.skip === undefined && plainlyValid(definition, instance.dataValues)) return undefined;
  // Sequelize's order: empties, type problems and custom validators that throw at once come as they are met;
  // then the model validators that throw at once; then every built-in failure; then what failed later.
  const errors: ValidationErrorItem[] = [];
  let builtInErrors: ValidationErrorItem[] | undefined;
  const sink = { errors };
  const fields = options.fields ? new Set(options.fields) : undefined;
  const skip = options.skip && options.skip.length > 0 ? new Set(options.skip) : undefined;
  let pending: Promise<void>[] | undefined;
  const attributes = definition.attributes;
  // Read once: instances of many models make every property read of one a megamorphic lookup.
  const values = instance.dataValues;

  for (const name of definition.attributeNames) {
    const attribute = attributes[name]!;
    if (skip?.has(name) || (fields && !fields.has(name))) continue;
    const value = values[name];
    if (value instanceof SqlFragment) continue;
    if (value === null || value === undefined) {
      const isTimestamp = name === definition.timestamps.createdAt || name === definition.timestamps.updatedAt;
      if (attribute.allowNull === false && !attribute.autoIncrement && !isTimestamp && !options.pendingForeignKeys?.has(name)) {
        const notNull = attribute.validate?.['notNull'] as { msg?: string } | undefined;
        const message = notNull?.msg ?? `${definition.modelName}.${name} cannot be null`;
        errors.push(new ValidationErrorItem(message, 'notNull Violation', name, value ?? null, instance, 'is_null'));
      } else if (attribute.allowNull !== false && attribute.validate !== undefined) {
        // A nullable attribute skips the built-in validators when empty, but its custom ones still run (as in Sequelize).
        for (const [key, spec] of Object.entries(attribute.validate)) {
          if (typeof spec !== 'function') continue;
          (pending ??= []).push(runCustom(() => (spec as (this: unknown, v: unknown) => unknown).call(instance, value), name, key, value, instance, sink));
        }
      }
      continue;
    }
    const typeProblem = typeViolation(definition, attribute, name, value, instance);
    if (typeProblem) {
      errors.push(typeProblem);
      continue;
    }
    if (attribute.validate === undefined) continue;
    for (const [key, spec] of Object.entries(attribute.validate)) {
      if (key === 'notNull') continue;
      if (typeof spec === 'function') {
        (pending ??= []).push(runCustom(() => (spec as (this: unknown, v: unknown) => unknown).call(instance, value), name, key, value, instance, sink));
        continue;
      }
      const check = builtInValidator(key);
      if (!check) {
        (builtInErrors ??= []).push(new ValidationErrorItem(`Invalid validator function: ${key}`, 'Validation error', name, value, instance, null));
        continue;
      }
      const { args, reported, msg } = validatorArgs(key, spec);
      if (!check(String(value), args, value)) {
        const message = msg ?? `Validation ${key} on ${name} failed`;
        const item = new ValidationErrorItem(message, 'Validation error', name, value, instance, key, key, reported);
        item.original = new Error(message);
        (builtInErrors ??= []).push(item);
      }
    }
  }
  const modelValidators = definition.options.validate;
  if (modelValidators !== undefined) {
    // Run alongside the attributes' validators, as in Sequelize (not after them).
    for (const key in modelValidators) (pending ??= []).push(runCustom(() => modelValidators[key]!.call(instance), key, key, null, instance, sink));
  }
  if (builtInErrors !== undefined) errors.push(...builtInErrors);
  if (pending === undefined) return errors.length > 0 ? new ValidationError(undefined, errors) : undefined;
  const late: ValidationErrorItem[] = [];
  sink.errors = late;
  return finishAsync(errors, late, pending);
}

async function finishAsync(errors: ValidationErrorItem[], late: ValidationErrorItem[], pending: Promise<void>[]): Promise<ValidationError | undefined> {
  await Promise.all(pending);
  errors.push(...late);
  return errors.length > 0 ? new ValidationError(undefined, errors) : undefined;
}

/** A value the attribute's data type cannot hold (`'abc'` for an INTEGER), as an error item naming model and attribute. */
function typeViolation(definition: ModelDefinition, attribute: NormalizedAttribute, name: string, value: unknown, instance: Instance): ValidationErrorItem | undefined {
  if (typeof value === 'object' && (attribute.type instanceof StringType || attribute.type instanceof TextType) && !Buffer.isBuffer(value)) {
    return new ValidationErrorItem(`${name} cannot be an array or an object`, 'string violation', name, value, instance, 'not_a_string');
  }
  const problem = attribute.type.validate(value);
  if (problem === null) return undefined;
  return new ValidationErrorItem(`${definition.modelName}.${name}: ${problem}`, 'Validation error', name, value, instance, 'type', attribute.type.key);
}

/** The type check alone, for writes that skip validators (bulkCreate without `validate: true`): cheap and synchronous. */
export function checkValueTypes(definition: ModelDefinition, instance: Instance): ValidationError | undefined {
  const values = instance.dataValues;
  for (const name in values) {
    const value = values[name];
    const attribute = definition.attribute(name);
    if (value === null || value === undefined || value instanceof SqlFragment || attribute === undefined) continue;
    const problem = typeViolation(definition, attribute, name, value, instance);
    if (problem) return new ValidationError(undefined, [problem]);
  }
  return undefined;
}

/** Where a custom validator's failure goes: the list is swapped once the synchronous pass is over. */
type Sink = { errors: ValidationErrorItem[] };

async function runCustom(run: () => unknown, path: string, key: string, value: unknown, instance: Instance, sink: Sink): Promise<void> {
  try {
    await run();
  } catch (error) {
    // As v6: the message of whatever was thrown that has one (an Error, or { message }), else its text.
    const carried = error !== null && typeof error === 'object' ? (error as { message?: unknown }).message : undefined;
    const message = typeof carried === 'string' ? carried : String(error);
    // Sequelize names no validator function for custom validators: validatorName stays null.
    const item = new ValidationErrorItem(message, 'Validation error', path, value, instance, key, null);
    // v6 keeps what was thrown, also a string.
    item.original = error as Error;
    sink.errors.push(item);
  }
}
