import type { ModelDefinition } from '../metadata/model-definition.js';

/**
 * The options objects hooks receive, keyed as Sequelize v6 hands them over (its defaults filled in, `fields`,
 * `model`, `type` …), so hooks written against v6 that read `options.fields`, `options.hooks`,
 * `options.individualHooks` or `options.type` see the same values. Made only when a hook is about to run.
 */

/** Marks a save whose fields were worked out by `update()` rather than given: v6 then sets `defaultFields`. */
export const fieldsNotGiven = Symbol('joinery.fieldsNotGiven');

type Options = Record<string, unknown>;
const notGiven = (options: object): boolean => Boolean((options as Record<symbol, unknown>)[fieldsNotGiven]);
const dropMark = (options: object): void => {
  delete (options as Record<symbol, unknown>)[fieldsNotGiven];
};

/** v6's `save` options: `hooks`/`validate` defaulted, `fields` (every attribute of a new record) and `defaultFields`. */
export function saveHookOptions(definition: ModelDefinition, passed: object, fields: string[], isNew: boolean): Options & { fields: string[] } {
  const options = passed as Options;
  const result: Options = { ...options };
  dropMark(result);
  if (result['hooks'] === undefined) result['hooks'] = true;
  if (result['validate'] === undefined) result['validate'] = true;
  const given = options['fields'] !== undefined && !notGiven(options);
  if (given) result['fields'] = fields;
  else {
    // One array under both names, as in v6 (a hook pushing to one sees it in the other).
    const all = isNew ? [...definition.attributeNames] : fields;
    result['fields'] = all;
    result['defaultFields'] = all;
  }
  if (result['returning'] === undefined && isNew) result['returning'] = true;
  return result as Options & { fields: string[] };
}

/** v6's validator options: `hooks: true` by default, and `skip` = the attributes outside `fields` (else `[]`). */
export function validateHookOptions(definition: ModelDefinition, options: object, fields?: readonly string[]): Options {
  const result: Options = { hooks: true, ...options };
  dropMark(result);
  const within = fields ?? (result['fields'] as readonly string[] | undefined);
  if (result['skip'] === undefined) result['skip'] = within ? definition.attributeNames.filter((name) => !within.includes(name)) : [];
  return result;
}

/** `instance.destroy()` / `instance.restore()`: `{ hooks: true, force: false, …options }`. */
export function instanceDestroyHookOptions(options: Options): Options {
  return { hooks: true, force: false, ...options };
}

/** `Model.bulkCreate`: v6's defaults and `model`; `fields` every attribute when none were given. */
export function bulkCreateHookOptions(definition: ModelDefinition, model: unknown, options: Options): Options {
  return {
    validate: false, hooks: true, individualHooks: false, ignoreDuplicates: false, ...options,
    model, fields: (options['fields'] as string[] | undefined) ?? [...definition.attributeNames],
    ...(options['returning'] === undefined ? { returning: true } : {}),
  };
}

/** What each record's create hooks see within `bulkCreate({ individualHooks: true })`, as v6's per-record save. */
export function bulkCreateRecordHookOptions(bulkOptions: Options): Options {
  const { individualHooks: _individual, ignoreDuplicates: _ignore, updateOnDuplicate: _update, ...rest } = bulkOptions;
  const fields = rest['fields'] as string[];
  // Already validated with the bulk: each record's save does not validate again.
  return { ...rest, fields, defaultFields: fields, validate: false };
}

/** `Model.update`: v6's defaults, `type: 'BULKUPDATE'`, `model`, the written `fields` (with `updatedAt`) and `attributes`. */
export function bulkUpdateHookOptions(model: unknown, options: Options, fields: string[], attributes: Record<string, unknown>): Options {
  return {
    validate: true, hooks: true, individualHooks: false, returning: false, force: false, sideEffects: true, ...options,
    type: 'BULKUPDATE', model, fields, attributes, skip: undefined,
  };
}

/** `Model.destroy`: v6's defaults, `type: 'BULKDELETE'` and `model`. */
export function bulkDestroyHookOptions(model: unknown, options: Options): Options {
  return { hooks: true, individualHooks: false, force: false, cascade: false, restartIdentity: false, ...options, type: 'BULKDELETE', model };
}

/** `Model.restore`: v6's defaults, `type: 'RAW'` and `model`. */
export function bulkRestoreHookOptions(model: unknown, options: Options): Options {
  return { hooks: true, individualHooks: false, ...options, type: 'RAW', model };
}

/** The finders: `hooks: true` and the model's `rejectOnEmpty` (false) unless given, as v6's findAll sets them. */
export function findHookDefaults(options: Options, modelRejectOnEmpty: unknown): void {
  if (options['hooks'] === undefined) options['hooks'] = true;
  if (!Object.hasOwn(options, 'rejectOnEmpty')) options['rejectOnEmpty'] = modelRejectOnEmpty ?? false;
}

/** `Model.upsert`: v6's defaults, `model`, the built `instance` and `fields` (the attributes given). */
export function upsertHookOptions(definition: ModelDefinition, model: unknown, instance: unknown, values: Record<string, unknown>, options: object): Options {
  const given = options as Options;
  const fields = (given['fields'] as string[] | undefined) ?? definition.attributeNames.filter((name) => Object.hasOwn(values, name));
  return { hooks: true, returning: true, validate: true, ...given, model, instance, fields };
}
