import * as associate from './association-methods.js';
import type { ModelClass } from './model-internals.js';
import { ModelHookStatics } from './model-hook-statics.js';

/** `Pug.belongsTo(Owner)` and the other association statics: a base of Model, so model.ts keeps to the rest of the API. */
export class ModelAssociationStatics extends ModelHookStatics {
  static hasOne(target: unknown, options?: Record<string, unknown>): ReturnType<typeof associate.hasOne> {
    return associate.hasOne(this as unknown as ModelClass, target, options);
  }
  static belongsTo(target: unknown, options?: Record<string, unknown>): ReturnType<typeof associate.belongsTo> {
    return associate.belongsTo(this as unknown as ModelClass, target, options);
  }
  static hasMany(target: unknown, options?: Record<string, unknown>): ReturnType<typeof associate.hasMany> {
    return associate.hasMany(this as unknown as ModelClass, target, options);
  }
  static belongsToMany(target: unknown, options: Record<string, unknown>): ReturnType<typeof associate.belongsToMany> {
    return associate.belongsToMany(this as unknown as ModelClass, target, options);
  }
  static getAssociations(target: unknown): ReturnType<typeof associate.getAssociations> {
    return associate.getAssociations(this as unknown as ModelClass, target);
  }
  static getAssociationForAlias(target: unknown, alias: string | { singular?: string; plural?: string } | undefined): ReturnType<typeof associate.getAssociationForAlias> {
    return associate.getAssociationForAlias(this as unknown as ModelClass, target, alias);
  }
  static hasAlias(alias: string): boolean {
    return Object.prototype.hasOwnProperty.call((this as unknown as ModelClass).associations ?? {}, alias);
  }
}
