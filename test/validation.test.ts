import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Sequelize, UniqueConstraintError, ValidationError, ValidationErrorItem } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown>;

/** Each built-in validator with a value it rejects and one it accepts. */
const builtIns: Array<[string, unknown, unknown, unknown]> = [
  ['notEmpty', true, '', 'x'],
  ['len', [2, 4], 'abcdef', 'abc'],
  ['isEmail', true, 'nope', 'a@b.io'],
  ['isUrl', true, 'nope', 'https://example.com'],
  ['isInt', true, '1.5', '12'],
  ['isInt', { min: 1, max: 3 }, '5', '2'],
  ['isFloat', true, 'x', '1.5'],
  ['isNumeric', true, 'a1', '123'],
  ['isDecimal', true, 'x', '1.25'],
  ['isAlpha', true, 'a1', 'abc'],
  ['isAlphanumeric', true, 'a-1', 'a1'],
  ['isLowercase', true, 'Ab', 'ab'],
  ['isUppercase', true, 'Ab', 'AB'],
  ['min', 5, '3', '6'],
  ['max', 5, '7', '4'],
  ['isIn', [['a', 'b']], 'c', 'a'],
  ['notIn', [['a', 'b']], 'a', 'c'],
  ['is', /^a/, 'ba', 'ab'],
  ['is', ['^a', 'i'], 'ba', 'Ab'],
  ['not', /^a/, 'ab', 'ba'],
  ['isUUID', 4, 'nope', '7c9e6679-7425-40de-944b-e07fc1f90ae7'],
  ['isDate', true, 'nope', '2020-01-01'],
  ['isAfter', '2020-01-01', '2019-01-01', '2021-01-01'],
  ['isBefore', '2020-01-01', '2021-01-01', '2019-01-01'],
  ['contains', 'foo', 'bar', 'food'],
  ['notContains', 'foo', 'food', 'bar'],
  ['equals', 'x', 'y', 'x'],
  ['isIP', true, '1.2.3', '10.0.0.1'],
  ['isIPv4', true, '::1', '10.0.0.1'],
  ['isIPv6', true, '1.2.3.4', '::1'],
  ['isCreditCard', true, '1234', '4111111111111111'],
  ['isHexadecimal', true, 'zz', 'ff'],
  ['isHexColor', true, 'zz', '#fff'],
  ['isJSON', true, '{', '{"a":1}'],
  ['isNull', true, 'x', null],
];

for (const dialect of testDialects) {
  describe(`validation on ${dialect}`, () => {
    let sequelize: Sequelize;
    const sql = captureSql();
    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
    });
    after(async () => {
      await sequelize.close();
    });

    test('allowNull: false reports "model.attr cannot be null" (or the notNull msg) and writes nothing', async () => {
      const Pug = sequelize.define('pug', {
        name: { type: DataTypes.STRING, allowNull: false },
        age: { type: DataTypes.INTEGER, allowNull: false, validate: { notNull: { msg: 'age please' } } },
      });
      await Pug.sync({ force: true });
      sql.statements.length = 0;
      await assert.rejects(Pug.create({} as never), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.equal(error.name, 'SequelizeValidationError');
        assert.deepEqual(error.errors.map((item) => [item.message, item.type, item.path, item.value, item.origin, item.validatorKey]), [
          ['pug.name cannot be null', 'notNull Violation', 'name', null, 'CORE', 'is_null'],
          ['age please', 'notNull Violation', 'age', null, 'CORE', 'is_null'],
        ]);
        assert.ok(error.errors[0] instanceof ValidationErrorItem);
        assert.equal(error.errors[0]!.getValidatorKey(), 'core.is_null');
        assert.equal(error.get('name').length, 1);
        assert.match(error.message, /notNull Violation: pug\.name cannot be null/);
        return true;
      });
      assert.equal(sql.statements.filter((statement) => statement.startsWith('INSERT')).length, 0);
      assert.equal(await Pug.count(), 0);
    });

    test('every built-in validator rejects what it should, accepts what it should, and names itself', async () => {
      for (const [index, [key, spec, bad, good]] of builtIns.entries()) {
        const Model = sequelize.define(`v${index}`, { f: { type: DataTypes.STRING, validate: { [key]: spec } } });
        await assert.rejects(Model.build({ f: bad }).validate(), (error: unknown) => {
          assert.ok(error instanceof ValidationError, `${key} rejects ${String(bad)}`);
          const [item] = error.errors;
          assert.equal(item!.validatorKey, key);
          assert.equal(item!.validatorName, key);
          assert.equal(item!.message, `Validation ${key} on f failed`);
          assert.equal(item!.type, 'Validation error');
          assert.equal(item!.origin, 'FUNCTION');
          assert.equal(item!.path, 'f');
          assert.equal(item!.value, bad);
          return true;
        });
        await Model.build({ f: good }).validate();
      }
    });

    test('msg and args: a custom message, and the args reported as validatorArgs', async () => {
      const Pug = sequelize.define('pug', {
        name: { type: DataTypes.STRING, validate: { len: { args: [2, 4], msg: 'bad length' }, isEmail: { msg: 'Must be an email' } } },
        code: { type: DataTypes.STRING, validate: { isInt: true } },
      });
      const error = (await Pug.build({ name: 'a', code: 'x' }).validate().catch((caught: unknown) => caught)) as ValidationError;
      assert.deepEqual(error.errors.map((item) => [item.path, item.message, item.validatorArgs.length]), [
        ['name', 'bad length', 2],
        ['name', 'Must be an email', 1],
        ['code', 'Validation isInt on code failed', 1],
      ]);
      // As in v6: `len`'s args as given; isEmail's options object (`{ msg }`, the validator package's defaults merged in).
      assert.deepEqual(error.errors[0]!.validatorArgs, [2, 4]);
      assert.equal((error.errors[1]!.validatorArgs[0] as Record<string, unknown>)['msg'], 'Must be an email');
      assert.deepEqual(error.errors[2]!.validatorArgs, [true]);
      assert.equal(error.message, 'Validation error: bad length,\nValidation error: Must be an email,\nValidation error: Validation isInt on code failed');
    });

    test('custom validators, sync and async, see the value and the instance; null skips validators when allowed', async () => {
      const Pug = sequelize.define('pug', {
        name: {
          type: DataTypes.STRING,
          validate: {
            startsWithP(this: Row, value: string) {
              if (!value.startsWith('P')) throw new Error(`${String(this['name'])} must start with P`);
            },
            async notReserved(value: string) {
              await new Promise((resolve) => setTimeout(resolve, 1));
              if (value === 'Pxx') throw new Error('reserved');
            },
          },
        },
        nick: { type: DataTypes.STRING, allowNull: true, validate: { len: [2, 3] } },
      });
      await Pug.sync({ force: true });
      await assert.rejects(Pug.create({ name: 'cody' }), (error: ValidationError) => {
        const [item] = error.errors;
        assert.deepEqual([item!.message, item!.validatorKey, item!.validatorName, item!.path, item!.value], ['cody must start with P', 'startsWithP', null, 'name', 'cody']);
        assert.equal(item!.original?.message, 'cody must start with P');
        return true;
      });
      await assert.rejects(Pug.create({ name: 'Pxx' }), /reserved/);
      await Pug.create({ name: 'Pug', nick: null });
      assert.equal(await Pug.count(), 1);
    });

    test('a nullable attribute runs its custom validators on null (built-ins are skipped); notNull needs allowNull: false', async () => {
      const seen: unknown[] = [];
      const Pug = sequelize.define('pug', {
        nick: { type: DataTypes.STRING, allowNull: true, validate: { len: [2, 3], noNull(value: unknown) { seen.push(value); if (value === null) throw new Error('nick must be set'); } } },
        name: { type: DataTypes.STRING, allowNull: false, validate: { mine(value: unknown) { seen.push(`name:${String(value)}`); } } },
      });
      await assert.rejects(Pug.build({ nick: null, name: 'x' }).validate(), /nick must be set/);
      await Pug.build({ name: 'x' }).validate();
      assert.deepEqual(seen, [null, 'name:x', undefined, 'name:x']);
      seen.length = 0;
      await assert.rejects(Pug.build({ nick: 'ab', name: null }).validate(), /pug\.name cannot be null/);
      assert.deepEqual(seen, ['ab'], 'no custom validator on a non-nullable null');
      assert.throws(() => sequelize.define('bad', { f: { type: DataTypes.STRING, validate: { notNull: true } } }), /"notNull" validator is only allowed with "allowNull: false"/);
    });

    test('model-level validators run after attribute validators, with this as the instance', async () => {
      const Pug = sequelize.define('pug', { lat: DataTypes.INTEGER, lng: DataTypes.INTEGER }, {
        validate: {
          bothOrNone(this: Row) {
            if ((this['lat'] === null || this['lat'] === undefined) !== (this['lng'] === null || this['lng'] === undefined)) throw new Error('Set both or none');
          },
        },
      });
      await Pug.sync({ force: true });
      await assert.rejects(Pug.create({ lat: 1 }), (error: ValidationError) => {
        assert.deepEqual(error.errors.map((item) => [item.path, item.message, item.validatorKey, item.value]), [['bothOrNone', 'Set both or none', 'bothOrNone', null]]);
        return true;
      });
      await Pug.create({ lat: 1, lng: 2 });
      await Pug.create({});
      assert.equal(await Pug.count(), 2);
    });

    test('validate() resolves the instance; skip and fields narrow it; validate: false skips it', async () => {
      const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, validate: { len: [2, 3] } }, age: { type: DataTypes.INTEGER, validate: { min: 0 } } });
      await Pug.sync({ force: true });
      const good = Pug.build({ name: 'ok' });
      assert.equal(await good.validate(), good);
      const bad = Pug.build({ name: 'long', age: -1 });
      await assert.rejects(bad.validate(), (error: ValidationError) => error.errors.length === 2);
      await bad.validate({ skip: ['name', 'age'] });
      await assert.rejects(bad.validate({ fields: ['age'] }), (error: ValidationError) => error.errors.length === 1 && error.errors[0]!.path === 'age');
      await bad.save({ validate: false });
      assert.equal(await Pug.count(), 1);
    });

    test('save validates the changed fields; static update validates the values given', async () => {
      const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, validate: { len: [2, 3] } }, age: DataTypes.INTEGER });
      await Pug.sync({ force: true });
      const pug = await Pug.create({ name: 'ok' });
      (pug as unknown as Row)['name'] = 'long';
      await assert.rejects(pug.save(), ValidationError);
      await assert.rejects(Pug.update({ name: 'toolong' }, { where: {} }), ValidationError);
      await Pug.update({ age: 3 }, { where: {} });
      const found = (await Pug.findOne()) as unknown as Row;
      assert.deepEqual([found['name'], found['age']], ['ok', 3]);
    });

    test('a value the type cannot hold is a ValidationError naming model and attribute, before any SQL', async () => {
      const Pug = sequelize.define('pug', { age: DataTypes.INTEGER, born: DataTypes.DATE, kind: DataTypes.ENUM('a', 'b'), name: DataTypes.STRING });
      await Pug.sync({ force: true });
      sql.statements.length = 0;
      for (const [values, pattern] of [
        [{ age: 'abc' }, /pug\.age: "abc" is not a valid integer/],
        [{ age: 1.5 }, /pug\.age: 1\.5 is not a valid integer/],
        [{ born: 'not a date' }, /pug\.born/],
        [{ kind: 'c' }, /pug\.kind: "c" is not a valid choice/],
        [{ name: { a: 1 } }, /name cannot be an array or an object/],
      ] as const) {
        await assert.rejects(Pug.create(values as never), (error: unknown) => error instanceof ValidationError && pattern.test(error.message));
      }
      assert.equal(sql.statements.filter((statement) => statement.startsWith('INSERT')).length, 0);
      assert.equal(await Pug.count(), 0);
    });

    test('unique violations are UniqueConstraintError with fields, the value, the instance and unique.msg', async () => {
      const Pug = sequelize.define('pug', { code: { type: DataTypes.STRING, unique: { name: 'code_unique', msg: 'code taken' } }, name: { type: DataTypes.STRING, unique: true } });
      await Pug.sync({ force: true });
      await Pug.create({ code: 'a', name: 'n1' });
      await assert.rejects(Pug.create({ code: 'a', name: 'n2' }), (error: unknown) => {
        assert.ok(error instanceof UniqueConstraintError);
        assert.equal(error.errors[0]!.message, 'code taken');
        assert.equal(error.errors[0]!.type, 'unique violation');
        assert.equal(error.errors[0]!.value, 'a');
        assert.ok(error.errors[0]!.instance);
        // SQLite lists the columns (as sequelize@6 does there); the others map column → value.
        assert.deepEqual(error.fields, Array.isArray(error.fields) ? ['code'] : { code: 'a' });
        return true;
      });
      await assert.rejects(Pug.create({ code: 'b', name: 'n1' }), (error: UniqueConstraintError) => {
        assert.equal(error.errors[0]!.message, 'name must be unique');
        assert.equal(error.errors[0]!.path, 'name');
        assert.equal(error.errors[0]!.validatorKey, 'not_unique');
        return true;
      });
      assert.equal(await Pug.count(), 1);
    });
  });
}
