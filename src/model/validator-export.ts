import * as validatorModule from 'validator';

const validator = ((validatorModule as unknown as { default?: typeof validatorModule }).default ?? validatorModule) as typeof validatorModule;

const regexOf = (pattern: unknown, modifiers?: unknown): RegExp =>
  pattern instanceof RegExp ? pattern : new RegExp(String(pattern), typeof modifiers === 'string' ? modifiers : '');

/**
 * `Sequelize.Validator`: the `validator` package with the names Sequelize v6 adds to it (`len`, `notEmpty`,
 * `is`, `min`, …), for code that calls them directly or adds its own with `extend`.
 */
export interface SequelizeValidator {
  [name: string]: ((text: string, ...args: never[]) => unknown) | undefined;
  extend(name: string, fn: (text: string, ...args: never[]) => boolean): SequelizeValidator;
}

export const Validator: SequelizeValidator = {
  ...(validator as unknown as Record<string, (text: string, ...args: never[]) => unknown>),
  extend(name: string, fn: (text: string, ...args: never[]) => boolean): SequelizeValidator {
    Validator[name] = fn;
    return Validator;
  },
  notEmpty: (text: string) => !/^\s*$/.test(text),
  len: (text: string, min: number, max?: number) => validator.isLength(text, { min, ...(max === undefined ? {} : { max }) }),
  isUrl: (text: string, options?: object) => validator.isURL(text, options as never),
  isIPv6: (text: string) => validator.isIP(text, 6),
  isIPv4: (text: string) => validator.isIP(text, 4),
  notIn: (text: string, values: readonly string[]) => !validator.isIn(text, values as string[]),
  regex: (text: string, pattern: unknown, modifiers?: unknown) => regexOf(pattern, modifiers).test(text),
  notRegex: (text: string, pattern: unknown, modifiers?: unknown) => !regexOf(pattern, modifiers).test(text),
  isDecimal: (text: string) => text !== '' && !!/^(?:-?(?:[0-9]+))?(?:\.[0-9]*)?(?:[eE][+-]?(?:[0-9]+))?$/.test(text),
  min: (text: string, bound: number) => Number.parseFloat(text) >= bound,
  max: (text: string, bound: number) => Number.parseFloat(text) <= bound,
  not: (text: string, pattern: unknown, modifiers?: unknown) => !regexOf(pattern, modifiers).test(text),
  contains: (text: string, part: unknown) => typeof part === 'string' && part !== '' && text.includes(part),
  notContains: (text: string, part: unknown) => !(typeof part === 'string' && part !== '' && text.includes(part)),
  is: (text: string, pattern: unknown, modifiers?: unknown) => regexOf(pattern, modifiers).test(text),
};
