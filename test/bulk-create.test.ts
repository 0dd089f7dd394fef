import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { AggregateError, DataTypes, Sequelize, UniqueConstraintError, ValidationError } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown> & { dataValues: Record<string, unknown>; isNewRecord: boolean };

for (const dialect of testDialects) {
  describe(`bulkCreate on ${dialect}`, () => {
    let sequelize: Sequelize;
    const sql = captureSql();
    let Pug: ReturnType<typeof definePug>;

    function definePug() {
      return sequelize.define('pug', {
        name: { type: DataTypes.STRING, unique: true, validate: { len: [2, 10] } },
        age: { type: DataTypes.INTEGER, defaultValue: 1 },
        nick: { type: DataTypes.STRING, field: 'nick_name' },
      });
    }

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
    });
    beforeEach(async () => {
      Pug = definePug();
      await sequelize.sync({ force: true });
      sql.statements.length = 0;
    });
    after(async () => {
      await sequelize.close();
    });

    const inserts = () => sql.statements.filter((statement) => statement.startsWith('INSERT'));

    test('one multi-row INSERT; every returned instance has its generated id, defaults and timestamps', async () => {
      const pugs = (await Pug.bulkCreate([{ name: 'aa' }, { name: 'bb', age: 3 }, { name: 'cc', nick: 'C' }])) as unknown as Row[];
      assert.equal(inserts().length, 1);
      assert.deepEqual(pugs.map((pug) => pug['id']), [1, 2, 3]);
      assert.deepEqual(pugs.map((pug) => pug['age']), [1, 3, 1]);
      assert.ok(pugs.every((pug) => pug['createdAt'] instanceof Date && !pug.isNewRecord));
      const found = (await Pug.findAll({ order: [['id', 'ASC']] })) as unknown as Row[];
      assert.deepEqual(found.map((pug) => [pug['id'], pug['name'], pug['nick'] ?? null]), [[1, 'aa', null], [2, 'bb', null], [3, 'cc', 'C']]);
      assert.deepEqual(await Pug.bulkCreate([]), []);
    });

    test('large batches are split into several INSERTs, ids stay consecutive and in order', async () => {
      const records = Array.from({ length: 2500 }, (_, index) => ({ name: `p${index}`, age: index }));
      const pugs = (await Pug.bulkCreate(records)) as unknown as Row[];
      assert.ok(inserts().length >= 3, `expected at least 3 INSERTs, got ${inserts().length}`);
      assert.equal(await Pug.count(), 2500);
      pugs.forEach((pug, index) => assert.equal(pug['id'], index + 1));
      const last = (await Pug.findByPk(2500)) as unknown as Row;
      assert.equal(last['name'], 'p2499');
    });

    test('a failure in a later batch leaves the table as it was', async () => {
      await Pug.create({ name: 'taken' });
      const records = Array.from({ length: 2500 }, (_, index) => ({ name: index === 2400 ? 'taken' : `p${index}` }));
      await assert.rejects(Pug.bulkCreate(records), UniqueConstraintError);
      assert.equal(await Pug.count(), 1);
      await assert.rejects(Pug.bulkCreate([{ name: 'fresh' }, { name: 'taken' }]), UniqueConstraintError);
      assert.equal(await Pug.count(), 1);
    });

    test('ignoreDuplicates skips rows that collide', async () => {
      await Pug.create({ name: 'dd', age: 5 });
      const pugs = (await Pug.bulkCreate([{ name: 'dd', age: 50 }, { name: 'ff' }], { ignoreDuplicates: true })) as unknown as Row[];
      assert.equal(pugs.length, 2);
      assert.equal(await Pug.count(), 2);
      assert.equal(((await Pug.findOne({ where: { name: 'dd' } })) as unknown as Row)['age'], 5);
    });

    test('records giving their auto-increment key and records leaving it out mix; every instance gets its key', async () => {
      const pugs = (await Pug.bulkCreate([{ id: 10, name: 'dd' }, { name: 'ee' }, { id: 20, name: 'ff' }] as never)) as unknown as Row[];
      assert.equal(pugs[0]!['id'], 10);
      assert.equal(pugs[2]!['id'], 20);
      assert.equal(typeof pugs[1]!['id'], 'number');
      const found = (await Pug.findOne({ where: { name: 'ee' } })) as unknown as Row;
      assert.equal(found['id'], pugs[1]!['id']);
      assert.equal(await Pug.count(), 3);
    });

    test('ignoreDuplicates: where the database returns inserted rows, the inserted records get their keys', async () => {
      await Pug.create({ name: 'dd' });
      const [skipped, inserted] = (await Pug.bulkCreate([{ name: 'dd' }, { name: 'ff' }], { ignoreDuplicates: true })) as unknown as Row[];
      assert.equal(skipped!['id'], null, 'a skipped record has no key of its own');
      // Every dialect: from RETURNING, or (MySQL) from one SELECT by the unique columns.
      const found = (await Pug.findOne({ where: { name: 'ff' } })) as unknown as Row;
      assert.equal(typeof inserted!['id'], 'number');
      assert.equal(inserted!['id'], found['id']);
    });

    test('updateOnDuplicate: every record gets the key of its row, inserted or updated', async () => {
      await Pug.bulkCreate([{ name: 'aa' }, { name: 'bb' }, { name: 'cc' }]);
      await Pug.destroy({ where: { name: 'bb' }, force: true });
      const pugs = (await Pug.bulkCreate([{ name: 'nn', age: 3 }, { name: 'cc', age: 30 }, { name: 'mm' }, { name: 'aa', age: 10 }], { updateOnDuplicate: ['age'] })) as unknown as Row[];
      const found = (await Pug.findAll({ raw: true })) as unknown as Row[];
      const idOf = (name: string) => found.find((pug) => pug['name'] === name)!['id'];
      assert.deepEqual(pugs.map((pug) => [pug['name'], pug['id']]), [['nn', idOf('nn')], ['cc', idOf('cc')], ['mm', idOf('mm')], ['aa', idOf('aa')]]);
      assert.equal(new Set(pugs.map((pug) => pug['id'])).size, 4);
      assert.ok(pugs.every((pug) => typeof pug['id'] === 'number'));
      assert.deepEqual([idOf('aa'), idOf('cc')], [1, 3]);
    });

    test('updateOnDuplicate updates the listed columns of colliding rows', async () => {
      await Pug.create({ name: 'dd', age: 5, nick: 'D' });
      await Pug.bulkCreate([{ name: 'dd', age: 40, nick: 'X' }, { name: 'gg', age: 7 }], { updateOnDuplicate: ['age'] });
      const found = (await Pug.findAll({ order: [['name', 'ASC']] })) as unknown as Row[];
      assert.deepEqual(found.map((pug) => [pug['name'], pug['age'], pug['nick']]), [['dd', 40, 'D'], ['gg', 7, null]]);
    });

    test('fields limits the columns written', async () => {
      await Pug.bulkCreate([{ name: 'aa', age: 9, nick: 'A' }], { fields: ['name', 'nick'] });
      const found = (await Pug.findOne()) as unknown as Row;
      assert.equal(found['nick'], 'A');
      assert.equal(found['age'], 1, 'the column default, not the value given');
    });

    test('returning: true gives back every column', async () => {
      const [pug] = (await Pug.bulkCreate([{ name: 'aa' }], { returning: true })) as unknown as Row[];
      assert.equal(pug!['id'], 1);
      assert.equal(pug!['name'], 'aa');
    });

    test('validators do not run unless validate: true; then every failure is reported and nothing is written', async () => {
      await Pug.bulkCreate([{ name: 'x' }]);
      assert.equal(await Pug.count(), 1);
      await assert.rejects(Pug.bulkCreate([{ name: 'okay' }, { name: 'y' }, { name: 'much-too-long-name' }], { validate: true }), (error: unknown) => {
        assert.ok(error instanceof AggregateError);
        const failures = (error as unknown as { errors: Array<{ name: string; errors: ValidationError; record: Row }> }).errors;
        assert.equal(failures.length, 2);
        assert.equal(failures[0]!.name, 'SequelizeBulkRecordError');
        assert.ok(failures[0]!.errors instanceof ValidationError);
        assert.equal(failures[0]!.errors.errors[0]!.validatorKey, 'len');
        assert.equal(failures[0]!.record['name'], 'y');
        return true;
      });
      assert.equal(await Pug.count(), 1);
    });

    test('a value of the wrong type is rejected before any SQL, naming model and attribute', async () => {
      sql.statements.length = 0;
      await assert.rejects(Pug.bulkCreate([{ name: 'aa', age: 'abc' as never }]), (error: Error) => /pug\.age/.test(error.message));
      assert.equal(inserts().length, 0);
      assert.equal(await Pug.count(), 0);
    });

    test('hooks: bulk hooks always; individualHooks runs each per-record hook over all records in turn', async () => {
      const order: string[] = [];
      for (const name of ['beforeBulkCreate', 'afterBulkCreate', 'beforeCreate', 'afterCreate', 'beforeSave', 'afterSave']) {
        Pug.addHook(name, (value: unknown) => {
          order.push(Array.isArray(value) ? `${name}[${value.length}]` : `${name}:${(value as Row)['name']}`);
        });
      }
      await Pug.bulkCreate([{ name: 'h1' }, { name: 'h2' }]);
      assert.deepEqual(order, ['beforeBulkCreate[2]', 'afterBulkCreate[2]']);
      order.length = 0;
      await Pug.bulkCreate([{ name: 'h3' }, { name: 'h4' }], { individualHooks: true });
      assert.deepEqual(order, [
        'beforeBulkCreate[2]', 'beforeCreate:h3', 'beforeCreate:h4', 'beforeSave:h3', 'beforeSave:h4',
        'afterCreate:h3', 'afterSave:h3', 'afterCreate:h4', 'afterSave:h4', 'afterBulkCreate[2]',
      ]);
    });

    test('validate: true with individualHooks runs each record`s validation hooks', async () => {
      const seen: string[] = [];
      Pug.addHook('beforeValidate', (pug: unknown) => void seen.push(`before:${String((pug as Row)['name'])}`));
      Pug.addHook('validationFailed', (pug: unknown) => void seen.push(`failed:${String((pug as Row)['name'])}`));
      await assert.rejects(Pug.bulkCreate([{ name: 'ok' }, { name: 'x' }], { validate: true, individualHooks: true }), AggregateError);
      assert.deepEqual(seen, ['before:ok', 'before:x', 'failed:x']);
      seen.length = 0;
      await Pug.bulkCreate([{ name: 'ok' }], { validate: true });
      assert.deepEqual(seen, [], 'without individualHooks no per-record hook runs');
    });

    test('beforeBulkCreate can change the records that are inserted', async () => {
      Pug.addHook('beforeBulkCreate', (instances: unknown) => {
        for (const instance of instances as Array<{ set(key: string, value: unknown): void }>) instance.set('age', 42);
      });
      await Pug.bulkCreate([{ name: 'aa' }, { name: 'bb' }]);
      assert.equal(await Pug.count({ where: { age: 42 } }), 2);
    });
  });
}
