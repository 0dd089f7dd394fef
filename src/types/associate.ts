import { AssociationError } from '../errors/usage-errors.js';
import type { Model, ModelStatic } from '../model/model.js';
import type { AssociatedModels, AssociationDeclaration } from './associations.js';

type AssociationMethod = (target: unknown, options?: Record<string, unknown>) => unknown;

/**
 * Declares associations once, as data, so TypeScript can type the accessors (`pug.getFriends()`) and the
 * properties includes fill (`pug.owner`). At run time it calls the ordinary `Pug.belongsTo(Owner)` etc.
 * and returns the same model classes; only their types are widened.
 */
export function associate<
  const Ms extends Record<string, ModelStatic<Model>>,
  const Ds extends readonly AssociationDeclaration<keyof Ms & string>[],
>(models: Ms, declarations: Ds): AssociatedModels<Ms, Ds> {
  for (const declaration of declarations) {
    const [sourceKey, kind, targetKey, options] = declaration;
    const source = models[sourceKey];
    const target = models[targetKey];
    for (const [key, model] of [[sourceKey, source], [targetKey, target]] as const) {
      if (!model) {
        throw new AssociationError(`associate(): "${key}" in [${sourceKey}, ${kind}, ${targetKey}] is not one of the models given (${Object.keys(models).join(', ')}).`);
      }
    }
    const method = (source as unknown as Record<string, AssociationMethod>)[kind];
    if (typeof method !== 'function') {
      throw new AssociationError(`associate(): "${String(kind)}" is not an association kind; expected belongsTo, hasOne, hasMany or belongsToMany.`);
    }
    method.call(source, target, options as Record<string, unknown> | undefined);
  }
  return models as unknown as AssociatedModels<Ms, Ds>;
}
