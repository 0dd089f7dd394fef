import type { HookShorthand } from './hook-shorthands.js';
import { ModelMetadata } from './model-metadata.js';

/**
 * The types of `Pug.beforeCreate(fn)` and the other hook shorthands, which installHookShorthands(Model)
 * defines at load. Declarations only: a base of Model so model.ts keeps to the API itself.
 */
export class ModelHookStatics extends ModelMetadata {
  declare static beforeValidate: HookShorthand;
  declare static afterValidate: HookShorthand;
  declare static validationFailed: HookShorthand;
  declare static beforeCreate: HookShorthand;
  declare static afterCreate: HookShorthand;
  declare static beforeUpdate: HookShorthand;
  declare static afterUpdate: HookShorthand;
  declare static beforeSave: HookShorthand;
  declare static afterSave: HookShorthand;
  declare static beforeDestroy: HookShorthand;
  declare static afterDestroy: HookShorthand;
  declare static beforeRestore: HookShorthand;
  declare static afterRestore: HookShorthand;
  declare static beforeUpsert: HookShorthand;
  declare static afterUpsert: HookShorthand;
  declare static beforeBulkCreate: HookShorthand;
  declare static afterBulkCreate: HookShorthand;
  declare static beforeBulkUpdate: HookShorthand;
  declare static afterBulkUpdate: HookShorthand;
  declare static beforeBulkDestroy: HookShorthand;
  declare static afterBulkDestroy: HookShorthand;
  declare static beforeBulkRestore: HookShorthand;
  declare static afterBulkRestore: HookShorthand;
  declare static beforeFind: HookShorthand;
  declare static afterFind: HookShorthand;
  declare static beforeCount: HookShorthand;
  declare static beforeSync: HookShorthand;
  declare static afterSync: HookShorthand;
}
