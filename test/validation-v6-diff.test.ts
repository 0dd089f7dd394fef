import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Sequelize, UniqueConstraintError, ValidationError } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Validation and unique-violation errors compared call for call with Sequelize v6 on the same scripts: where
// joinery differed, these pin v6's answer.

async function rejection(work: () => Promise<unknown>): Promise<Error> {
  try {
    await work();
  } catch (error) {
    return error as Error;
  }
  assert.fail('expected a rejection');
}

const items = (error: Error) => (error as ValidationError).errors.map((item) => [item.path, item.message]);

for (const dialect of testDialects) {
  describe(`validation v6 differences on ${dialect}`, () => {
    let sequelize: Sequelize;

    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    describe('validation errors come in v6 order', () => {
      test('empties and custom validators that throw (in attribute order), then model validators, come before built-in failures', async () => {
        const Pug = sequelize.define('pug', {
          email: { type: DataTypes.STRING, validate: { isEmail: true } },
          rank: { type: DataTypes.INTEGER, validate: { isEven(value: number) { if (value % 2) throw new Error('odd rank'); }, min: 10 } },
          name: { type: DataTypes.STRING, allowNull: false },
        }, { validate: { together(this: { get(key: string): unknown }) { if (this.get('rank') === 3) throw new Error('rank 3 is taken'); } } });
        await sequelize.sync({ force: true });
        const error = await rejection(() => Pug.create({ email: 'nope', rank: 3 }));
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(items(error), [
          ['rank', 'odd rank'],
          ['name', 'pug.name cannot be null'],
          ['together', 'rank 3 is taken'],
          ['email', 'Validation isEmail on email failed'],
          ['rank', 'Validation min on rank failed'],
        ]);
        assert.equal(error.message.split(',\n')[1], 'notNull Violation: pug.name cannot be null');
      });

      test('an asynchronous validator that rejects comes after the ones that failed at once', async () => {
        const Pug = sequelize.define('pug', {
          name: { type: DataTypes.STRING, validate: { async known() { await new Promise((resolve) => setTimeout(resolve, 1)); throw new Error('unknown name'); }, len: [5, 9] } },
        });
        await sequelize.sync({ force: true });
        assert.deepEqual(items(await rejection(() => Pug.create({ name: 'x' }))), [
          ['name', 'Validation len on name failed'],
          ['name', 'unknown name'],
        ]);
      });
    });

    describe('built-in validators as in v6', () => {
      test('any function of the validator package is a validator (isPort, isISO8601 …), with its arguments', async () => {
        const Pug = sequelize.define('pug', {
          port: { type: DataTypes.STRING, validate: { isPort: true } },
          day: { type: DataTypes.STRING, validate: { isISO8601: { msg: 'not a day' } } },
          code: { type: DataTypes.STRING, validate: { isLength: { args: [{ min: 2, max: 3 }] } } },
        });
        await sequelize.sync({ force: true });
        await Pug.create({ port: '8080', day: '2020-01-02', code: 'ab' });
        const error = await rejection(() => Pug.create({ port: '99999', day: 'soon', code: 'abcd' }));
        assert.deepEqual((error as ValidationError).errors.map((item) => [item.path, item.message, item.validatorKey, item.validatorArgs]), [
          ['port', 'Validation isPort on port failed', 'isPort', [true]],
          ['day', 'not a day', 'isISO8601', [{ msg: 'not a day' }]],
          ['code', 'Validation isLength on code failed', 'isLength', [{ min: 2, max: 3 }]],
        ]);
      });

      test('regex/notRegex exist, isDecimal takes "1." and ".5", isNull passes only the empty string', async () => {
        const Pug = sequelize.define('pug', {
          code: { type: DataTypes.STRING, validate: { regex: '^a', notRegex: ['z$', 'i'] } },
          amount: { type: DataTypes.STRING, validate: { isDecimal: true } },
          blank: { type: DataTypes.STRING, validate: { isNull: true } },
        });
        await sequelize.sync({ force: true });
        await Pug.create({ code: 'ab', amount: '1.', blank: '' });
        await Pug.create({ code: 'ab', amount: '.5' });
        const error = await rejection(() => Pug.create({ code: 'bZ', amount: '', blank: 'x' }));
        assert.deepEqual((error as ValidationError).errors.map((item) => [item.path, item.validatorKey]), [
          ['code', 'regex'],
          ['code', 'notRegex'],
          ['amount', 'isDecimal'],
          ['blank', 'isNull'],
        ]);
      });

      test('isEmail and isUrl report their options object as validatorArgs; min/max let a non-number pass', async () => {
        const Pug = sequelize.define('pug', {
          email: { type: DataTypes.STRING, validate: { isEmail: true } },
          site: { type: DataTypes.STRING, validate: { isUrl: { msg: 'bad site' } } },
          size: { type: DataTypes.STRING, validate: { min: 2, max: 5 } },
        });
        await sequelize.sync({ force: true });
        const error = (await rejection(() => Pug.create({ email: 'nope', site: 'x', size: 'large' }))) as ValidationError;
        assert.deepEqual(error.errors.map((item) => item.path), ['email', 'site']);
        const [email, site] = error.errors;
        assert.equal(typeof email!.validatorArgs[0], 'object');
        assert.equal((email!.validatorArgs[0] as Record<string, unknown>)['allow_display_name'], false);
        assert.deepEqual([site!.message, site!.validatorArgs], ['bad site', [{ msg: 'bad site' }]]);
      });
    });

    test('error items: getValidatorKey() lower-cased as in v6, a thrown string kept as original', async () => {
      const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, validate: { notEmpty: true, plain(value: string) { if (value === 's') throw 'no s'; } } } });
      await sequelize.sync({ force: true });
      const [empty] = ((await rejection(() => Pug.create({ name: '' }))) as ValidationError).errors;
      assert.deepEqual([empty!.getValidatorKey(), empty!.getValidatorKey(false), empty!.getValidatorKey(true, '/')], ['function.notempty', 'notempty', 'function/notempty']);
      const [plain] = ((await rejection(() => Pug.create({ name: 's' }))) as ValidationError).errors;
      assert.deepEqual([plain!.message, plain!.original as unknown], ['no s', 'no s']);
      assert.equal(new UniqueConstraintError({}).message, 'Validation Error');
    });

    describe('UniqueConstraintError', () => {
      test('unique: { msg } without a name is a unique key, and its msg is the message', async () => {
        const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, unique: { msg: 'that name is taken' } } });
        await sequelize.sync({ force: true });
        await Pug.create({ name: 'Cody' });
        const error = await rejection(() => Pug.create({ name: 'Cody' }));
        assert.ok(error instanceof UniqueConstraintError);
        assert.equal(error.message, 'that name is taken');
        assert.deepEqual(error.errors.map((item) => [item.path, item.message, item.type, item.value, item.validatorKey]), [
          ['name', 'that name is taken', 'unique violation', 'Cody', 'not_unique'],
        ]);
      });

      test('Model.update breaking a named unique key names its column', async () => {
        const Pug = sequelize.define('pug', { name: DataTypes.STRING, code: { type: DataTypes.STRING, field: 'the_code', unique: 'codes' } });
        await sequelize.sync({ force: true });
        await Pug.bulkCreate([{ name: 'a', code: 'c1' }, { name: 'b', code: 'c2' }]);
        const error = await rejection(() => Pug.update({ code: 'c1' }, { where: { name: 'b' } }));
        assert.ok(error instanceof UniqueConstraintError);
        assert.deepEqual(error.errors.map((item) => [item.path, item.message, item.type]), [['the_code', 'the_code must be unique', 'unique violation']]);
      });

      test('a composite unique key gives one error item per column, with its value', async () => {
        const Pug = sequelize.define('pug', { a: { type: DataTypes.STRING, unique: 'pair' }, b: { type: DataTypes.STRING, unique: 'pair' } });
        await sequelize.sync({ force: true });
        await Pug.create({ a: '1', b: '2' });
        const error = await rejection(() => Pug.create({ a: '1', b: '2' }));
        assert.ok(error instanceof UniqueConstraintError);
        assert.deepEqual(error.errors.map((item) => [item.path, item.message, item.value]), [
          ['a', 'a must be unique', '1'],
          ['b', 'b must be unique', '2'],
        ]);
        assert.equal(error.message, 'Validation error');
      });
    });
  });
}
