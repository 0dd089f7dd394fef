import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pluralize, underscore } from '../utils/inflection.js';
import { CliError, stringFlag } from './args.js';
import type { CliContext } from './context.js';
import { skeletonExtension, timestamp } from './generate-commands.js';

/** `--attributes` type words, as sequelize-cli accepts them, to DataTypes expressions. */
const typeWords: Record<string, string> = {
  string: 'STRING', text: 'TEXT', char: 'CHAR', citext: 'CITEXT', uuid: 'UUID',
  integer: 'INTEGER', int: 'INTEGER', bigint: 'BIGINT', smallint: 'SMALLINT', tinyint: 'TINYINT',
  float: 'FLOAT', double: 'DOUBLE', real: 'REAL', decimal: 'DECIMAL', number: 'DECIMAL',
  boolean: 'BOOLEAN', date: 'DATE', dateonly: 'DATEONLY', time: 'TIME', now: 'NOW',
  json: 'JSON', jsonb: 'JSONB', blob: 'BLOB',
};

interface GeneratedAttribute {
  readonly name: string;
  /** The type as source text over a `DataTypes`-like object named `types`. */
  readonly type: (types: string) => string;
}

function parseType(attribute: string, word: string): (types: string) => string {
  const [head, ...rest] = word.split(':');
  const base = head!.toLowerCase();
  if (base === 'enum') {
    const values = /^\{(.*)\}$/.exec(rest.join(':'))?.[1]?.split(/\s*,\s*/).filter(Boolean);
    if (!values?.length) throw new CliError(`Attribute "${attribute}": write an enum as ${attribute}:enum:{draft,published}.`);
    return (types) => `${types}.ENUM(${values.map((value) => JSON.stringify(value)).join(', ')})`;
  }
  if (base === 'array') {
    const inner = parseType(attribute, rest.join(':'));
    return (types) => `${types}.ARRAY(${inner(types)})`;
  }
  const known = typeWords[base];
  if (!known) throw new CliError(`Attribute "${attribute}" has the unknown type "${word}"; known types: ${Object.keys(typeWords).join(', ')}, enum:{a,b}, array:type.`);
  return (types) => `${types}.${known}`;
}

/** `firstName:string,lastName:string` or `firstName:string lastName:string`; enum value lists keep their commas. */
export function parseAttributes(text: string): GeneratedAttribute[] {
  const items = text.match(/[^\s,:]+:(?:[^\s,{]*\{[^}]*\}|[^\s,]+)/g) ?? [];
  if (items.length === 0) throw new CliError('model:generate needs --attributes, e.g. --attributes firstName:string,age:integer.');
  return items.map((item) => {
    const separator = item.indexOf(':');
    const name = item.slice(0, separator);
    return { name, type: parseType(name, item.slice(separator + 1)) };
  });
}

function kebab(word: string): string {
  return underscore(word).replaceAll('_', '-');
}

function modelSource(name: string, attributes: readonly GeneratedAttribute[], underscored: boolean): string {
  const fields = attributes.map((attribute) => `    ${attribute.name}: ${attribute.type('DataTypes')},`).join('\n');
  return `'use strict';

const { Model } = require('joinery');

module.exports = (sequelize, DataTypes) => {
  class ${name} extends Model {
    /** Declare associations here; models/index.js calls this once every model is loaded. */
    static associate(models) {}
  }
  ${name}.init({
${fields}
  }, { sequelize, modelName: ${JSON.stringify(name)}${underscored ? ', underscored: true' : ''} });
  return ${name};
};
`;
}

function migrationSource(table: string, attributes: readonly GeneratedAttribute[], underscored: boolean): string {
  const column = (name: string) => (underscored ? underscore(name) : name);
  const lines = [
    `      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },`,
    ...attributes.map((attribute) => `      ${column(attribute.name)}: { type: ${attribute.type('Sequelize')} },`),
    `      ${column('createdAt')}: { type: Sequelize.DATE, allowNull: false },`,
    `      ${column('updatedAt')}: { type: Sequelize.DATE, allowNull: false },`,
  ];
  return `'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable(${JSON.stringify(table)}, {
${lines.join('\n')}
    });
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.dropTable(${JSON.stringify(table)});
  },
};
`;
}

/** `model:generate --name User --attributes firstName:string,...`: models/user.js and a create-user migration. */
export async function modelGenerate(context: CliContext): Promise<void> {
  const name = stringFlag(context.args, 'name');
  if (name === undefined || !/^[A-Za-z_$][\w$]*$/.test(name)) {
    throw new CliError('model:generate needs --name with a JavaScript class name, e.g. --name User --attributes firstName:string.');
  }
  const attributes = parseAttributes(stringFlag(context.args, 'attributes') ?? '');
  const underscored = context.args.flags['underscored'] === true;
  const { paths } = context;
  const modelFile = join(paths.models, `${name.toLowerCase()}${skeletonExtension(paths.cwd)}`);
  if (existsSync(modelFile) && context.args.flags['force'] !== true) {
    throw new CliError(`${relative(paths.cwd, modelFile)} already exists; --force overwrites it.`);
  }
  mkdirSync(paths.models, { recursive: true });
  mkdirSync(paths.migrations, { recursive: true });
  writeFileSync(modelFile, modelSource(name, attributes, underscored));
  context.print(`New model was created at ${relative(paths.cwd, modelFile)} .`);
  const migrationFile = join(paths.migrations, `${timestamp()}-create-${kebab(name)}${skeletonExtension(paths.cwd)}`);
  writeFileSync(migrationFile, migrationSource(pluralize(name), attributes, underscored));
  context.print(`New migration was created at ${relative(paths.cwd, migrationFile)} .`);
}
