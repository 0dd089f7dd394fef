import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, Sequelize, UsageError } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown> & { get(key: string): unknown; dataValues: Record<string, unknown> };

for (const dialect of testDialects) {
  describe(`static writes on ${dialect}`, () => {
    let sequelize: Sequelize;
    const sql = captureSql();
    let Pug: ReturnType<typeof definePug>;
    let Soft: ReturnType<typeof defineSoft>;

    function definePug() {
      return sequelize.define('pug', {
        name: { type: DataTypes.STRING, unique: true },
        age: { type: DataTypes.INTEGER, defaultValue: 1 },
        nick: { type: DataTypes.STRING, field: 'nick_name' },
      });
    }
    function defineSoft() {
      return sequelize.define('soft', { name: DataTypes.STRING }, { paranoid: true });
    }

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

    const supports = () => sequelize.dialect.supports;

    test('create returns the generated id, defaults and timestamps, and maps field names', async () => {
      const pug = (await Pug.create({ name: 'a', nick: 'A' })) as unknown as Row;
      assert.equal(pug['id'], 1);
      assert.equal(pug['age'], 1);
      assert.equal(pug['nick'], 'A');
      assert.ok(pug['createdAt'] instanceof Date && pug['updatedAt'] instanceof Date);
      assert.equal((pug as unknown as { isNewRecord: boolean }).isNewRecord, false);
      const insert = sql.statements.find((statement) => statement.startsWith('INSERT'))!;
      assert.match(insert, /nick_name/);
      const [raw] = (await sequelize.query('SELECT nick_name FROM pugs', { type: 'SELECT' })) as Array<Record<string, unknown>>;
      assert.equal(raw!['nick_name'], 'A');
      const second = (await Pug.create({ name: 'b' })) as unknown as Row;
      assert.equal(second['id'], 2);
    });

    test('create with fields writes only those attributes (and the timestamps)', async () => {
      const pug = (await Pug.create({ name: 'b', age: 5, nick: 'B' }, { fields: ['name'] })) as unknown as Row;
      assert.equal(typeof pug['id'], 'number');
      const found = (await Pug.findByPk(pug['id'] as number)) as unknown as Row;
      assert.equal(found['name'], 'b');
      assert.equal(found['nick'], null);
      assert.ok(found['createdAt'] instanceof Date);
    });

    test('create ignores keys that are not attributes, as Sequelize does', async () => {
      const pug = (await Pug.create({ name: 'c', bogus: 1 } as never)) as unknown as Row;
      assert.equal(pug.dataValues['bogus'], undefined);
      assert.equal(await Pug.count(), 1);
    });

    test('update resolves [affectedCount]; with returning where UPDATE … RETURNING exists, [count, rows]', async () => {
      await Pug.bulkCreate([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
      assert.deepEqual(await Pug.update({ age: 9 }, { where: { name: ['a', 'b'] } }), [2]);
      assert.deepEqual(await Pug.update({ age: 9 }, { where: { name: 'none' } }), [0]);
      const result = await Pug.update({ age: 10 }, { where: { name: 'a' }, returning: true });
      if (supports().updateReturning) {
        assert.equal(result[0], 1);
        assert.equal((result[1]![0] as unknown as Row)['age'], 10);
        assert.equal((result[1]![0] as unknown as Row)['name'], 'a');
      } else {
        assert.equal(result[0], 1);
      }
    });

    test('update maps field names in values and where, and honours fields', async () => {
      await Pug.create({ name: 'a', nick: 'A', age: 2 });
      assert.deepEqual(await Pug.update({ nick: 'AA' }, { where: { nick: 'A' } }), [1]);
      await Pug.update({ nick: 'Q', age: 99 }, { where: { name: 'a' }, fields: ['age'] });
      const pug = (await Pug.findOne({ where: { name: 'a' } })) as unknown as Row;
      assert.equal(pug['nick'], 'AA');
      assert.equal(pug['age'], 99);
    });

    test('update ignores unknown keys; with nothing known to write it sends nothing and resolves [0]', async () => {
      await Pug.create({ name: 'a' });
      sql.statements.length = 0;
      assert.deepEqual(await Pug.update({ bogus: 1 } as never, { where: { name: 'a' } }), [0]);
      assert.equal(sql.statements.length, 0);
      assert.deepEqual(await Pug.update({ bogus: 1, age: 4 } as never, { where: { name: 'a' } }), [1]);
      assert.equal(((await Pug.findOne({ where: { name: 'a' } })) as unknown as Row)['age'], 4);
    });

    test('update without where is an error naming the model, and writes nothing', async () => {
      await Pug.create({ name: 'a' });
      await assert.rejects(Pug.update({ age: 3 }, {} as never), (error: Error) => error instanceof UsageError && /where/.test(error.message) && /pug\.update/.test(error.message));
      assert.equal(((await Pug.findOne()) as unknown as Row)['age'], 1);
    });

    test('update with silent keeps updatedAt', async () => {
      const pug = (await Pug.create({ name: 'a' })) as unknown as Row;
      const stamp = (pug['updatedAt'] as Date).getTime();
      await new Promise((resolve) => setTimeout(resolve, 15));
      await Pug.update({ age: 5 }, { where: { name: 'a' }, silent: true });
      const found = (await Pug.findOne()) as unknown as Row;
      assert.equal((found['updatedAt'] as Date).getTime(), stamp);
      await Pug.update({ age: 6 }, { where: { name: 'a' } });
      const touched = (await Pug.findOne()) as unknown as Row;
      assert.ok((touched['updatedAt'] as Date).getTime() > stamp);
    });

    test('destroy resolves the deleted count and needs where or truncate', async () => {
      await Pug.bulkCreate([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
      assert.equal(await Pug.destroy({ where: { name: 'a' } }), 1);
      assert.equal(await Pug.destroy({ where: { name: 'zz' } }), 0);
      await assert.rejects(Pug.destroy(), (error: Error) => error instanceof UsageError && /where or truncate/.test(error.message));
      assert.equal(await Pug.count(), 2);
      assert.equal(await Pug.destroy({ where: {} }), 2);
      assert.equal(await Pug.count(), 0);
    });

    test('paranoid destroy soft-deletes, force deletes, restore brings rows back', async () => {
      await Soft.bulkCreate([{ name: 's1' }, { name: 's2' }, { name: 's3' }]);
      assert.equal(await Soft.destroy({ where: { name: 's1' } }), 1);
      assert.equal(await Soft.count(), 2);
      assert.equal(await Soft.count({ paranoid: false }), 3);
      const deleted = (await Soft.findOne({ where: { name: 's1' }, paranoid: false })) as unknown as Row;
      assert.ok(deleted['deletedAt'] instanceof Date);
      assert.equal(await Soft.restore({ where: { name: 's1' } }), 1);
      assert.equal(await Soft.count(), 3);
      assert.equal(await Soft.destroy({ where: { name: 's2' }, force: true }), 1);
      assert.equal(await Soft.count({ paranoid: false }), 2);
      await assert.rejects(Pug.restore({ where: {} }), /not paranoid/);
    });

    test('on a paranoid model update skips soft-deleted rows unless paranoid: false; increment does not skip them (as v6)', async () => {
      await Soft.bulkCreate([{ name: 's1' }, { name: 's2' }, { name: 's3' }]);
      await Soft.destroy({ where: { name: 's1' } });
      assert.deepEqual(await Soft.update({ name: 'x' }, { where: { name: ['s1', 's2'] } }), [1]);
      assert.deepEqual(await Soft.update({ name: 'y' }, { where: { name: 's1' }, paranoid: false }), [1]);
      assert.equal(await Soft.destroy({ where: { name: 'y' } }), 0, 'already deleted');
      const Counted = sequelize.define('counted', { n: { type: DataTypes.INTEGER, defaultValue: 0 } }, { paranoid: true });
      await Counted.sync({ force: true });
      await Counted.bulkCreate([{}, {}]);
      await Counted.destroy({ where: { id: 1 } });
      const [[, count]] = await Counted.increment('n', { where: {} });
      assert.equal(count, 2);
    });

    test('truncate empties the table; on a paranoid model it soft-deletes unless forced, as Sequelize does', async () => {
      await Pug.bulkCreate([{ name: 'a' }, { name: 'b' }]);
      assert.equal(typeof (await Pug.truncate()), 'number');
      assert.equal(await Pug.count(), 0);
      await Pug.bulkCreate([{ name: 'a' }]);
      await Pug.destroy({ truncate: true });
      assert.equal(await Pug.count(), 0);
      await Soft.bulkCreate([{ name: 's1' }, { name: 's2' }]);
      assert.equal(await Soft.truncate(), 2);
      assert.equal(await Soft.count(), 0);
      assert.equal(await Soft.count({ paranoid: false }), 2);
      await Soft.truncate({ force: true });
      assert.equal(await Soft.count({ paranoid: false }), 0);
    });

    test('upsert inserts then updates; created is a boolean where the database tells, else null', async () => {
      const [first, created] = await Pug.upsert({ name: 'u1', age: 4 });
      assert.equal((first as unknown as Row)['age'], 4);
      assert.ok(created === true || created === null);
      const [second, createdAgain] = await Pug.upsert({ name: 'u1', age: 6 });
      assert.equal((second as unknown as Row)['age'], 6);
      assert.ok(createdAgain === false || createdAgain === null);
      assert.equal(created === null, createdAgain === null);
      assert.equal(await Pug.count(), 1);
      assert.equal(((await Pug.findOne({ where: { name: 'u1' } })) as unknown as Row)['age'], 6);
      const [byKey] = await Pug.upsert({ id: (first as unknown as Row)['id'], name: 'u1', age: 77 } as never);
      assert.equal((byKey as unknown as Row)['id'], (first as unknown as Row)['id']);
      assert.equal(((await Pug.findOne({ where: { name: 'u1' } })) as unknown as Row)['age'], 77);
    });

    test('upsert on a composite unique key; fields limits what a conflict updates; validation runs first', async () => {
      const Pair = sequelize.define('pair', { a: { type: DataTypes.STRING, unique: 'ab' }, b: { type: DataTypes.STRING, unique: 'ab' }, n: DataTypes.INTEGER, m: DataTypes.INTEGER, e: { type: DataTypes.STRING, validate: { isEmail: true } } });
      await Pair.sync({ force: true });
      await Pair.upsert({ a: 'x', b: 'y', n: 1, m: 1 });
      await Pair.upsert({ a: 'x', b: 'y', n: 2, m: 2 });
      await Pair.upsert({ a: 'x', b: 'y', n: 3, m: 3 }, { fields: ['n'] });
      assert.equal(await Pair.count(), 1);
      const row = (await Pair.findOne()) as unknown as Row;
      assert.deepEqual([row['n'], row['m']], [3, 2]);
      await assert.rejects(Pair.upsert({ a: 'q', b: 'r', e: 'nope' }), /Validation isEmail on e failed/);
      assert.equal(await Pair.count(), 1);
    });

    test('static increment/decrement: by, several fields, and the [[rows, count]] shape', async () => {
      await Pug.bulkCreate([{ name: 'a', age: 1 }, { name: 'b', age: 1 }]);
      const result = await Pug.increment('age', { where: { name: 'a' } });
      assert.equal(result.length, 1);
      const [[rows, count]] = result;
      assert.equal(count, 1);
      if (supports().updateReturning) assert.equal((rows![0] as unknown as Row)['age'], 2);
      else assert.equal(rows, undefined);
      await Pug.increment({ age: 5 }, { where: { name: 'a' } });
      await Pug.decrement(['age'], { by: 2, where: { name: 'a' } });
      const [[, none]] = await Pug.decrement('age', { where: { name: 'zz' } });
      assert.equal(none, 0);
      const [a, b] = (await Pug.findAll({ order: [['name', 'ASC']] })) as unknown as Row[];
      assert.equal(a!['age'], 5);
      assert.equal(b!['age'], 1);
      await assert.rejects(Pug.increment('bogus', { where: {} }), /pug has no attribute "bogus"/);
    });
  });
}
