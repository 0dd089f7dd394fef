import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, InstanceError, Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown>;

for (const dialect of testDialects) {
  describe(`instances on ${dialect}`, () => {
    let sequelize: Sequelize;
    const sql = captureSql();
    let Pug: ReturnType<typeof definePug>;
    let Soft: ReturnType<typeof defineSoft>;

    function definePug() {
      return sequelize.define('pug', {
        name: DataTypes.STRING,
        age: { type: DataTypes.INTEGER, defaultValue: 1 },
        nick: { type: DataTypes.STRING, field: 'nick_name' },
        email: {
          type: DataTypes.STRING,
          get(this: { getDataValue(key: string): unknown }) {
            const value = this.getDataValue('email') as string | null;
            return value ? value.toLowerCase() : value;
          },
          set(this: { setDataValue(key: string, value: unknown): void }, value: unknown) {
            this.setDataValue('email', typeof value === 'string' ? value.trim() : value);
          },
        },
      });
    }
    function defineSoft() {
      return sequelize.define('soft', { name: DataTypes.STRING }, { paranoid: true });
    }
    const updates = () => sql.statements.filter((statement) => statement.startsWith('UPDATE'));

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
    });
    beforeEach(async () => {
      Pug = definePug();
      Soft = defineSoft();
      await sequelize.sync({ force: true });
      sql.statements.length = 0;
    });
    after(async () => {
      await sequelize.close();
    });

    test('build gives a new record with defaults; save inserts it and sets the generated key', async () => {
      const pug = Pug.build({ name: 'a' });
      assert.equal(pug.isNewRecord, true);
      assert.equal((pug as unknown as Row)['age'], 1);
      assert.equal((pug as unknown as Row)['id'], null);
      assert.equal(await pug.save(), pug);
      assert.equal(pug.isNewRecord, false);
      assert.equal((pug as unknown as Row)['id'], 1);
      assert.equal(pug.changed(), false);
      const found = (await Pug.findByPk(1))!;
      assert.equal(found.isNewRecord, false);
    });

    test('get, set, getDataValue, setDataValue, custom getters/setters and raw', async () => {
      const pug = Pug.build({ name: 'a', email: '  MiXed@X.io ' });
      assert.equal(pug.get('email'), 'mixed@x.io');
      assert.equal(pug.getDataValue('email'), 'MiXed@X.io');
      assert.equal(pug.get('email', { raw: true }), 'MiXed@X.io');
      pug.set({ name: 'b', age: 4, bogus: 1 } as never);
      assert.deepEqual([pug.get('name'), pug.get('age'), pug.dataValues['bogus']], ['b', 4, undefined]);
      pug.set('email', ' RAW ', { raw: true });
      assert.equal(pug.getDataValue('email'), ' RAW ');
      pug.setDataValue('nick', 'N');
      assert.equal((pug as unknown as Row)['nick'], 'N');
      const plain = pug.get({ plain: true }) as Row;
      assert.deepEqual(Object.keys(plain).sort(), ['age', 'email', 'id', 'name', 'nick']);
      assert.equal(plain['email'], ' raw ');
      assert.deepEqual(pug.toJSON(), plain);
      assert.equal(JSON.stringify(pug), JSON.stringify(plain));
    });

    test('changed(), changed(key), changed(key, true), previous() and save of only the changed fields', async () => {
      const pug = (await Pug.create({ name: 'a', age: 3, nick: 'A' }))!;
      assert.equal(pug.changed(), false);
      (pug as unknown as Row)['age'] = 4;
      assert.deepEqual(pug.changed(), ['age']);
      assert.equal(pug.changed('age'), true);
      assert.equal(pug.changed('name'), false);
      assert.equal(pug.previous('age'), 3);
      assert.deepEqual(pug.previous(), { age: 3 });
      (pug as unknown as Row)['age'] = 5;
      assert.equal(pug.previous('age'), 4, 'the value before the latest change, as Sequelize keeps it');
      (pug as unknown as Row)['name'] = 'a';
      assert.deepEqual(pug.changed(), ['age'], 'setting the same value is no change');
      sql.statements.length = 0;
      await pug.save();
      assert.equal(updates().length, 1);
      assert.doesNotMatch(updates()[0]!, /name|nick/);
      assert.equal(pug.changed(), false);
      sql.statements.length = 0;
      assert.equal(await pug.save(), pug);
      assert.equal(sql.statements.length, 0, 'nothing changed: no statement');
      pug.changed('name', true);
      assert.deepEqual(pug.changed(), ['name']);
      sql.statements.length = 0;
      await pug.save();
      assert.match(updates()[0]!, /name/);
    });

    test('save({ fields }) writes only those fields; update() sets and saves; unknown keys are ignored', async () => {
      const pug = (await Pug.create({ name: 'a', age: 3 }))!;
      (pug as unknown as Row)['age'] = 1000;
      (pug as unknown as Row)['nick'] = 'DD';
      await pug.save({ fields: ['nick'] });
      await pug.reload();
      assert.deepEqual([(pug as unknown as Row)['age'], (pug as unknown as Row)['nick']], [3, 'DD']);
      assert.equal(await pug.update({ age: 81, bogus: 1 } as never), pug);
      assert.equal((pug as unknown as Row)['age'], 81);
      assert.equal(pug.dataValues['bogus'], undefined);
      assert.equal(((await Pug.findByPk((pug as unknown as Row)['id'] as number)) as unknown as Row)['age'], 81);
    });

    test('reload refreshes values and drops changes; a deleted row cannot be reloaded', async () => {
      const pug = (await Pug.create({ name: 'a' }))!;
      await Pug.update({ name: 'z' }, { where: { id: (pug as unknown as Row)['id'] } });
      (pug as unknown as Row)['age'] = 9;
      assert.equal(await pug.reload(), pug);
      assert.deepEqual([(pug as unknown as Row)['name'], (pug as unknown as Row)['age'], pug.changed()], ['z', 1, false]);
      await Pug.destroy({ where: {} });
      await assert.rejects(pug.reload(), InstanceError);
    });

    test('instance increment/decrement resolve the instance; the database holds the new value', async () => {
      const pug = (await Pug.create({ name: 'a', age: 3 }))!;
      assert.equal(await pug.increment('age', { by: 3 }), pug);
      await pug.decrement({ age: 2 });
      await pug.increment(['age']);
      await pug.reload();
      assert.equal((pug as unknown as Row)['age'], 5);
      await assert.rejects(Pug.build({ name: 'new' }).increment('age'), /not been saved/);
    });

    test('destroy and restore resolve the instance; paranoid instances are soft-deleted', async () => {
      const pug = (await Pug.create({ name: 'a' }))!;
      assert.equal(await pug.destroy(), pug);
      assert.equal(await Pug.count(), 0);
      const soft = (await Soft.create({ name: 's' }))!;
      assert.equal(soft.isSoftDeleted(), false);
      assert.equal(await soft.destroy(), soft);
      assert.equal(soft.isSoftDeleted(), true);
      assert.ok((soft as unknown as Row)['deletedAt'] instanceof Date);
      assert.equal(await Soft.count(), 0);
      assert.equal(await Soft.count({ paranoid: false }), 1);
      assert.equal(await soft.restore(), soft);
      assert.equal(soft.isSoftDeleted(), false);
      assert.equal(await Soft.count(), 1);
      await soft.destroy({ force: true });
      assert.equal(await Soft.count({ paranoid: false }), 0);
      assert.throws(() => pug.isSoftDeleted(), /not paranoid/);
    });

    test('toJSON and JSON.stringify list keys in Sequelize`s order: getters, defaults, keys, given values, timestamps', async () => {
      const Dog = sequelize.define('dog', { name: DataTypes.STRING, age: { type: DataTypes.INTEGER, defaultValue: 1 } });
      await Dog.sync({ force: true });
      assert.deepEqual(Object.keys(Pug.build({ name: 'a' }).toJSON()), ['email', 'age', 'id', 'name']);
      assert.deepEqual(Object.keys(Dog.build({ age: 3, name: 'a' }).toJSON()), ['id', 'age', 'name']);
      const dog = await Dog.create({ name: 'a' });
      assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(dog)) as Row), ['age', 'id', 'name', 'updatedAt', 'createdAt']);
    });

    test('equals, equalsOneOf and where()', async () => {
      const [a, b] = (await Pug.bulkCreate([{ name: 'a' }, { name: 'b' }]))!;
      const again = (await Pug.findByPk((a as unknown as Row)['id'] as number))!;
      assert.equal(a!.equals(again), true);
      assert.equal(a!.equals(b), false);
      assert.equal(a!.equalsOneOf([b, again]), true);
      assert.deepEqual(a!.where(), { id: (a as unknown as Row)['id'] });
    });

    test('field names are mapped on create, save, where, order and raw reads', async () => {
      await Pug.bulkCreate([{ name: 'a', nick: 'Y' }, { name: 'b', nick: 'X' }]);
      const ordered = await Pug.findAll({ order: [['nick', 'ASC']], where: { nick: ['X', 'Y'] } });
      assert.deepEqual(ordered.map((pug) => (pug as unknown as Row)['name']), ['b', 'a']);
      const raw = (await Pug.findAll({ raw: true, order: [['nick', 'ASC']] })) as unknown as Row[];
      assert.equal(raw[0]!['nick'], 'X');
      const pug = ordered[0]!;
      (pug as unknown as Row)['nick'] = 'W';
      await pug.save();
      const [row] = (await sequelize.query('SELECT nick_name FROM pugs WHERE name = :name', { replacements: { name: 'b' }, type: 'SELECT' })) as Row[];
      assert.equal(row!['nick_name'], 'W');
    });
  });
}
