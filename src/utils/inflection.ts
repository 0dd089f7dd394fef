import * as inflectionModule from 'inflection';

// The package is CommonJS: ESM sees its functions as named exports, CommonJS output may see them under default.
let inflection = ((inflectionModule as unknown as { default?: typeof inflectionModule }).default ?? inflectionModule) as typeof inflectionModule;

/** `Sequelize.useInflection(lib)`: names are pluralized, singularized and underscored with `lib` from then on. */
export function useInflection(library: Pick<typeof inflectionModule, 'pluralize' | 'singularize' | 'underscore'>): void {
  inflection = library as typeof inflectionModule;
}

/** Sequelize pluralizes and singularizes model names with `inflection`; so do we, with the same words. */
export function pluralize(word: string): string {
  return inflection.pluralize(word);
}

export function singularize(word: string): string {
  return inflection.singularize(word);
}

/** `pug_friend` → `pugFriend`; leaves already camel-cased words alone. */
export function camelize(word: string): string {
  return word.replace(/[_-]+([a-zA-Z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** `createdAt` → `created_at`, as Sequelize's `underscored` option names columns. */
export function underscore(word: string): string {
  return inflection.underscore(word);
}

export function upperFirst(word: string): string {
  return word.length === 0 ? word : word[0]!.toUpperCase() + word.slice(1);
}

export function lowerFirst(word: string): string {
  return word.length === 0 ? word : word[0]!.toLowerCase() + word.slice(1);
}
