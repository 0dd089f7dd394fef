import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BaseError, DataTypes, Sequelize } from '../src/index.js';
import * as inflectionModule from 'inflection';
import { pluralize } from '../src/utils/inflection.js';

const inflection = ((inflectionModule as unknown as { default?: typeof inflectionModule }).default ?? inflectionModule);

const statics = Sequelize as unknown as Record<string, unknown>;

describe('statics of the Sequelize class, as sequelize@6 has them', () => {
  test('DataTypes carries v6’s dialect namespaces, also on the class (Sequelize.postgres.RANGE)', () => {
    const namespaces = DataTypes as unknown as Record<string, Record<string, unknown>>;
    assert.equal(namespaces['postgres']!['RANGE'], DataTypes.RANGE);
    assert.equal(namespaces['postgres']!['HSTORE'], DataTypes.HSTORE);
    assert.equal(namespaces['mysql']!['GEOMETRY'], DataTypes.GEOMETRY);
    assert.equal(namespaces['mariadb']!['JSON'], DataTypes.JSON);
    assert.equal(namespaces['sqlite']!['NUMBER'], DataTypes.NUMBER);
    for (const name of ['mssql', 'db2', 'snowflake', 'oracle']) assert.equal(typeof namespaces[name], 'object', name);
    assert.equal((statics['postgres'] as Record<string, unknown>)['RANGE'], DataTypes.RANGE);
  });

  test('fn/col/literal/where fragments have v6`s own keys only, in v6`s order (JSON.stringify, deepEqual with plain objects)', () => {
    assert.equal(JSON.stringify([Sequelize.literal('x'), Sequelize.fn('NOW'), Sequelize.col('a'), Sequelize.where(Sequelize.col('a'), 1)]),
      '[{"val":"x"},{"fn":"NOW","args":[]},{"col":"a"},{"attribute":{"col":"a"},"comparator":"=","logic":1}]');
    assert.deepEqual(Object.keys(Sequelize.literal('x')), ['val']);
  });

  test('Error, AsyncQueueError, Validator, useInflection and options exist', () => {
    assert.equal(statics['Error'], BaseError);
    const AsyncQueueError = statics['AsyncQueueError'] as new (message: string) => Error;
    const error = new AsyncQueueError('queue closed');
    assert.ok(error instanceof BaseError);
    assert.equal(error.name, 'SequelizeAsyncQueueError');
    const validator = statics['Validator'] as Record<string, (...args: unknown[]) => boolean>;
    assert.equal(validator['isEmail']!('a@b.co'), true);
    assert.equal(validator['len']!('abc', 1, 2), false);
    assert.equal(validator['notEmpty']!('  '), false);
    assert.equal(validator['is']!('abc', '^a'), true);
    assert.deepEqual(statics['options'], { hooks: {} });
    const useInflection = statics['useInflection'] as (library: unknown) => void;
    useInflection({ ...inflection, pluralize: (word: string) => `${word}z` });
    try {
      assert.equal(pluralize('pug'), 'pugz');
    } finally {
      useInflection(inflection);
    }
    assert.equal(pluralize('pug'), 'pugs');
  });

  test('class-level hooks: Sequelize.beforeInit / afterInit run for each new instance, and can be removed', async () => {
    const seen: unknown[] = [];
    const hooks = Sequelize as unknown as {
      beforeInit(fn: (config: Record<string, unknown>, options: Record<string, unknown>) => void): void;
      addHook(name: string, label: string, fn: (sequelize: Sequelize) => void): void;
      removeHook(name: string, label: string): void;
      hasHook(name: string): boolean;
    };
    const before = (config: Record<string, unknown>, options: Record<string, unknown>) => {
      seen.push(['before', options['dialect']]);
      options['logging'] = false;
    };
    hooks.beforeInit(before);
    hooks.addHook('afterInit', 'mark', (sequelize) => seen.push(['after', sequelize.getDialect()]));
    try {
      const sequelize = new Sequelize('sqlite::memory:', { logging: console.log });
      assert.deepEqual(seen, [['before', 'sqlite'], ['after', 'sqlite']]);
      assert.equal(sequelize.options.logging, false);
      await sequelize.close();
      assert.equal(hooks.hasHook('afterInit'), true);
    } finally {
      hooks.removeHook('afterInit', 'mark');
      (Sequelize as unknown as { removeHook(name: string, fn: unknown): void }).removeHook('beforeInit', before);
    }
    assert.equal(hooks.hasHook('afterInit'), false);
    assert.equal(hooks.hasHook('beforeInit'), false);
  });
});
