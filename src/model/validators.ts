import * as validatorModule from 'validator';

// CommonJS package: its functions sit under `default` when imported from ES modules.
const validator = ((validatorModule as unknown as { default?: typeof validatorModule }).default ?? validatorModule) as typeof validatorModule;

/** A built-in validator: `args` as written in `validate: { len: [2, 10] }`; true when the value passes. */
type BuiltIn = (text: string, args: unknown[], raw: unknown) => boolean;

const regexOf = (args: unknown[]): RegExp => {
  const [pattern, flags] = args;
  if (pattern instanceof RegExp) return pattern;
  return new RegExp(String(pattern), typeof flags === 'string' ? flags : '');
};

const matches: BuiltIn = (text, args) => regexOf(args).test(text);
const doesNotMatch: BuiltIn = (text, args) => !regexOf(args).test(text);

/** The same names Sequelize accepts, backed by the `validator` package (`regex`/`notRegex` are v6's other names of `is`/`not`). */
export const builtInValidators: Record<string, BuiltIn> = {
  is: matches,
  not: doesNotMatch,
  regex: matches,
  notRegex: doesNotMatch,
  isEmail: (text, args) => validator.isEmail(text, args[0] as never),
  // A copy: the validator package fills in its defaults, which Sequelize's reported isUrl arguments never show.
  isUrl: (text, args) => validator.isURL(text, (args[0] && typeof args[0] === 'object' ? { ...args[0] } : args[0]) as never),
  isIP: (text, args) => validator.isIP(text, args[0] as never),
  isIPv4: (text) => validator.isIP(text, 4),
  isIPv6: (text) => validator.isIP(text, 6),
  isAlpha: (text, args) => validator.isAlpha(text, args[0] as never),
  isAlphanumeric: (text, args) => validator.isAlphanumeric(text, args[0] as never),
  isNumeric: (text) => validator.isNumeric(text),
  isInt: (text, args) => validator.isInt(text, args[0] as never),
  isFloat: (text, args) => validator.isFloat(text, args[0] as never),
  // Sequelize's own pattern ('1.', '.5', '1e3' pass), not the validator package's.
  isDecimal: (text) => text !== '' && /^(?:-?(?:[0-9]+))?(?:\.[0-9]*)?(?:[eE][+-]?(?:[0-9]+))?$/.test(text),
  isLowercase: (text) => validator.isLowercase(text),
  isUppercase: (text) => validator.isUppercase(text),
  notNull: (_text, _args, raw) => raw !== null && raw !== undefined,
  // Built-ins never see an empty value, so as in Sequelize (the validator package's isEmpty) only '' passes.
  isNull: (text) => text === '',
  notEmpty: (text) => !/^[\s\t\r\n]*$/.test(text),
  equals: (text, args) => text === String(args[0]),
  contains: (text, args) => text.includes(String(args[0])),
  notContains: (text, args) => !text.includes(String(args[0])),
  isIn: (text, args) => (args[0] as unknown[]).map(String).includes(text),
  notIn: (text, args) => !(args[0] as unknown[]).map(String).includes(text),
  len: (text, args) => {
    const [min = 0, max] = args as [number?, number?];
    return text.length >= min && (max === undefined || text.length <= max);
  },
  isUUID: (text, args) => validator.isUUID(text, (args[0] ?? 'all') as never),
  isDate: (text) => !Number.isNaN(new Date(text).getTime()),
  isAfter: (text, args) => new Date(text).getTime() > new Date(String(args[0] ?? Date.now())).getTime(),
  isBefore: (text, args) => new Date(text).getTime() < new Date(String(args[0] ?? Date.now())).getTime(),
  // As in Sequelize, a value that is not a number passes min/max (its type, if numeric, rejects it).
  max: (text, args) => { const n = Number.parseFloat(text); return Number.isNaN(n) || n <= Number(args[0]); },
  min: (text, args) => { const n = Number.parseFloat(text); return Number.isNaN(n) || n >= Number(args[0]); },
  isCreditCard: (text) => validator.isCreditCard(text),
  isHexadecimal: (text) => validator.isHexadecimal(text),
  isHexColor: (text) => validator.isHexColor(text),
  isJSON: (text) => validator.isJSON(text),
};

/**
 * The check for a validator name: one above, else any function of the `validator` package (`isMobilePhone`,
 * `isPostalCode`, `isISO8601`…), called with the reported arguments as Sequelize does.
 */
export function builtInValidator(key: string): BuiltIn | undefined {
  if (Object.prototype.hasOwnProperty.call(builtInValidators, key)) return builtInValidators[key];
  const fn = (validator as unknown as Record<string, unknown>)[key];
  if (typeof fn !== 'function' || key === 'default' || key === 'version') return undefined;
  return (text, args) => Boolean((fn as (text: string, ...args: unknown[]) => unknown)(text, ...args));
}

// Sequelize reports no arguments for these when written as `true`.
const reportedWithoutArgs = new Set(['isAlpha', 'isAlphanumeric', 'isIP']);
const optionObjectValidators = new Set(['isEmail', 'isUrl', 'isURL']);

/**
 * `len: [2, 10]` → [2, 10]; `isIn: [['a', 'b']]` → [['a', 'b']]; `isInt: { min: 1 }` → [{ min: 1 }];
 * `{ args, msg }` unwrapped. `args` is what the check gets; `reported` is `validatorArgs` as Sequelize fills it.
 */
export function validatorArgs(key: string, spec: unknown): { args: unknown[]; reported: unknown[]; msg: string | undefined } {
  let given: unknown = spec;
  let msg: string | undefined;
  if (spec !== null && typeof spec === 'object' && !Array.isArray(spec) && !(spec instanceof RegExp)) {
    const wrapped = spec as { args?: unknown; msg?: string };
    msg = wrapped.msg;
    if ('args' in wrapped) given = wrapped.args;
    else if (msg !== undefined && Object.keys(wrapped).length === 1) given = true;
  }
  // Sequelize hands isEmail/isUrl an options object (`{}`, or `{ msg }` when only msg is given) and reports it as
  // the validator package left it (with its defaults merged in).
  if (optionObjectValidators.has(key) && given === true) {
    const options = spec === true ? {} : { msg };
    return { args: [options], reported: [options], msg };
  }
  // Written `{ msg }` alone, v6 reports that object as the argument.
  if (given === true || given === false) return { args: [], reported: reportedWithoutArgs.has(key) ? [] : [given === spec ? given : spec], msg };
  let args: unknown[];
  if (Array.isArray(given) && (key === 'isIn' || key === 'notIn')) args = Array.isArray(given[0]) ? given : [given];
  else args = Array.isArray(given) ? given : [given];
  return { args, reported: args, msg };
}
