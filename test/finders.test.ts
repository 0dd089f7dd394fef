import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, EmptyResultError, Model, Op, UniqueConstraintError, type ModelStatic, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';
import { names, pugRows, seedPugs } from './setup/finder-fixtures.js';

for (const dialect of testDialects) {
  describe(`finders on ${dialect}`, () => {
    let sequelize: Sequelize;
    let Pug: ModelStatic<Model>;
    const sql = captureSql();

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
    });
    beforeEach(async () => {
      Pug = await seedPugs(sequelize, { paranoid: true });
      sql.statements.length = 0;
    });
    after(async () => {
      await sequelize.close();
    });

    test('findAll returns instances with typed values', async () => {
      const rows = await Pug.findAll({ order: [['id', 'ASC']] });
      assert.equal(rows.length, 4);
      assert.ok(rows.every((row) => row instanceof Model && row.isNewRecord === false));
      const [cody, ella] = rows;
      assert.equal(cody!.get('age'), 3);
      assert.equal(cody!.get('good'), true);
      assert.equal(ella!.get('good'), false);
      assert.deepEqual(cody!.get('meta'), pugRows[0]!.meta);
      assert.equal((ella!.get('born') as Date).toISOString(), '2021-06-15T12:30:00.250Z');
      assert.equal(rows[2]!.get('age'), null);
    });

    test('findOne returns the first match or null, with LIMIT 1', async () => {
      const found = await Pug.findOne({ where: { age: { [Op.gt]: 3 } }, order: [['age', 'DESC']] });
      assert.equal(found!.get('name'), 'Dora_%');
      assert.match(sql.statements.at(-1)!, /LIMIT/);
      assert.equal(await Pug.findOne({ where: { name: 'nobody' } }), null);
      const first = await Pug.findOne();
      assert.ok(first instanceof Model);
    });

    test('findByPk takes a number, a numeric string, or null', async () => {
      const ella = await Pug.findAll({ where: { name: 'ella' } });
      const id = ella[0]!.get('id') as number;
      assert.equal((await Pug.findByPk(id))!.get('name'), 'ella');
      assert.equal((await Pug.findByPk(String(id)))!.get('name'), 'ella');
      assert.equal(await Pug.findByPk(999), null);
      assert.equal(await Pug.findByPk(null), null);
      const narrowed = await Pug.findByPk(id, { attributes: ['name'] });
      assert.deepEqual(narrowed!.toJSON(), { name: 'ella' });
    });

    test('rejectOnEmpty throws EmptyResultError, or the error given', async () => {
      await assert.rejects(Pug.findByPk(999, { rejectOnEmpty: true }), (error: unknown) => error instanceof EmptyResultError && error.name === 'SequelizeEmptyResultError');
      await assert.rejects(Pug.findOne({ where: { age: 99 }, rejectOnEmpty: true }), EmptyResultError);
      await assert.rejects(Pug.findAll({ where: { age: 99 }, rejectOnEmpty: true }), EmptyResultError);
      class NotThere extends Error {}
      await assert.rejects(Pug.findOne({ where: { age: 99 }, rejectOnEmpty: new NotThere('no pug') }), NotThere);
      assert.equal((await Pug.findOne({ where: { age: 3 }, rejectOnEmpty: true }))!.get('name'), 'Cody');
    });

    test('findOrCreate finds without writing, or creates in a transaction; returns [instance, created]', async () => {
      const [cody, createdCody] = await Pug.findOrCreate({ where: { name: 'Cody' }, defaults: { age: 99 } });
      assert.equal(createdCody, false);
      assert.equal(cody.get('age'), 3);
      assert.ok(!sql.statements.some((statement) => statement.startsWith('INSERT')));

      sql.statements.length = 0;
      const [zed, createdZed] = await Pug.findOrCreate({ where: { name: 'Zed', age: { [Op.eq]: 7 } }, defaults: { score: 0.5 } });
      assert.equal(createdZed, true);
      assert.equal(typeof zed.get('id'), 'number');
      assert.deepEqual([zed.get('name'), zed.get('age'), zed.get('score')], ['Zed', 7, 0.5]);
      assert.ok(sql.statements.some((statement) => /^(BEGIN|START TRANSACTION)/.test(statement)), 'a transaction was opened');
      assert.ok(sql.statements.some((statement) => statement.startsWith('COMMIT')), 'and committed');
      assert.equal(await Pug.count({ where: { name: 'Zed' } }), 1);

      const [again, createdAgain] = await Pug.findOrCreate({ where: { name: 'Zed' } });
      assert.equal(createdAgain, false);
      assert.equal(again.get('id'), zed.get('id'));
    });

    test('findOrCreate inside a caller transaction uses it, and rolls back with it', async () => {
      await assert.rejects(sequelize.transaction(async (transaction) => {
        const [, created] = await Pug.findOrCreate({ where: { name: 'Ghost' }, transaction });
        assert.equal(created, true);
        assert.equal(await Pug.count({ where: { name: 'Ghost' }, transaction }), 1);
        throw new Error('undo');
      }), /undo/);
      assert.equal(await Pug.count({ where: { name: 'Ghost' } }), 0);
    });

    test('findOrCreate racing itself: one creates, the others find the winner', async () => {
      const Account = sequelize.define('account', { email: { type: DataTypes.STRING, unique: true }, name: DataTypes.STRING });
      await Account.sync({ force: true });
      const results = await Promise.all([1, 2, 3].map(() => Account.findOrCreate({ where: { email: 'a@x.io' }, defaults: { name: 'A' } })));
      assert.deepEqual(results.map(([, created]) => created).sort(), [false, false, true]);
      assert.equal(new Set(results.map(([account]) => account.get('id'))).size, 1);
      assert.equal(await Account.count(), 1);
    });

    test('a unique violation inside findOrCreate leaves the caller transaction usable', async () => {
      const Account = sequelize.define('account', { email: { type: DataTypes.STRING, unique: true }, name: DataTypes.STRING });
      await Account.sync({ force: true });
      await Account.create({ email: 'a@x.io', name: 'A' });
      await sequelize.transaction(async (transaction) => {
        await assert.rejects(Account.findOrCreate({ where: { email: 'a@x.io', name: 'B' }, transaction }), UniqueConstraintError);
        const [other, created] = await Account.findOrCreate({ where: { email: 'b@x.io' }, transaction });
        assert.equal(created, true);
        assert.equal(other.get('email'), 'b@x.io');
      });
      assert.equal(await Account.count(), 2);
      await assert.rejects(Account.findOrCreate({} as never), /account\.findOrCreate needs options with a where/);
    });

    test('findAndCountAll counts every match and returns the page', async () => {
      const { count, rows } = await Pug.findAndCountAll({ where: { age: { [Op.ne]: null } }, order: [['age', 'ASC']], limit: 2, offset: 1 });
      assert.equal(count, 3);
      assert.deepEqual(names(rows), ['ella', 'Dora_%']);
      const grouped = await Pug.findAndCountAll({ attributes: ['good'], group: ['good'], where: { good: { [Op.ne]: null } } });
      assert.ok(Array.isArray(grouped.count), 'with group, count is one row per group');
      const counts = (grouped.count as unknown as Array<{ count: number }>).map((row) => row.count).sort();
      assert.deepEqual(counts, [1, 2]);
      assert.equal(grouped.rows.length, 2);
    });

    test('count with where, distinct, col and group', async () => {
      assert.equal(await Pug.count(), 4);
      assert.equal(await Pug.count({ where: { good: true } }), 2);
      assert.equal(await Pug.count({ col: 'age' }), 3, 'COUNT(col) skips NULL');
      assert.equal(await Pug.count({ col: 'good', distinct: true }), 2);
      assert.equal(await Pug.count({ distinct: true }), 4);
      const byGood = (await Pug.count({ group: ['good'] })) as unknown as Array<{ good: unknown; count: number }>;
      assert.equal(byGood.length, 3);
      assert.deepEqual(byGood.map((row) => row.count).sort(), [1, 1, 2]);
      assert.ok(byGood.every((row) => typeof row.count === 'number'));
      await assert.rejects(Pug.count({ col: 'nope' }), /pug has no attribute "nope"/);
    });

    test('paranoid models hide deleted rows unless paranoid: false', async () => {
      await Pug.destroy({ where: { name: 'Bob' } });
      assert.equal(await Pug.count(), 3);
      assert.equal(await Pug.count({ paranoid: false }), 4);
      assert.deepEqual(names(await Pug.findAll({ paranoid: false, where: { name: 'Bob' } })), ['Bob']);
      assert.equal(await Pug.findOne({ where: { name: 'Bob' } }), null);
      const bob = await Pug.findOne({ where: { name: 'Bob' }, paranoid: false });
      assert.ok(bob!.get('deletedAt') instanceof Date);
    });

    test('raw gives plain objects keyed by attribute, holding what v6 holds there: the driver`s own values for booleans, JSON and (where the driver reads them as text) dates', async () => {
      const rows = (await Pug.findAll({ raw: true, where: { name: ['Cody', 'ella'] }, order: [['id', 'ASC']] })) as unknown as Array<Record<string, unknown>>;
      assert.ok(!(rows[0] instanceof Model));
      assert.equal(Object.getPrototypeOf(rows[0]), Object.prototype);
      assert.equal(rows[0]!['otherAge'], 3, 'field other_age comes back as otherAge');
      assert.ok(!('other_age' in rows[0]!));
      // v6 parses none of these in raw rows where its driver does not: SQLite's date text, 0/1 and JSON text, MySQL's 0/1.
      const table = sequelize.getQueryInterface().quoteIdentifier(Pug.getTableName() as string);
      const driverRows = (await sequelize.query(`SELECT good, meta FROM ${table} WHERE name IN (?) ORDER BY id`, { type: 'SELECT', replacements: [['Cody', 'ella']] })) as Array<Record<string, unknown>>;
      assert.deepEqual(rows.map((row) => [row['good'], row['meta']]), driverRows.map((row) => [row['good'], row['meta']]));
      assert.equal(Boolean(rows[1]!['good']), false);
      const meta = rows[0]!['meta'];
      assert.deepEqual(typeof meta === 'string' ? JSON.parse(meta) : meta, pugRows[0]!.meta);
      const born = rows[1]!['born'];
      assert.ok(born instanceof Date || typeof born === 'string');
      assert.equal(new Date(born as string).getTime(), pugRows[1]!.born!.getTime());
      // Instances still read every type.
      const [instance] = await Pug.findAll({ where: { name: 'ella' } });
      assert.equal(instance!.get('good'), false);
      assert.ok(instance!.get('born') instanceof Date);
    });

    test('plain: true on findAll gives the first instance', async () => {
      const one = (await Pug.findAll({ plain: true, where: { name: 'ella' } })) as unknown as Model;
      assert.ok(one instanceof Model);
      assert.equal(one.get('name'), 'ella');
    });

    test('a transaction sees its own rows; others do not', async () => {
      const transaction = await sequelize.transaction();
      try {
        await Pug.create({ name: 'Inside' }, { transaction });
        assert.equal(await Pug.count({ where: { name: 'Inside' }, transaction }), 1);
        assert.equal((await Pug.findOne({ where: { name: 'Inside' }, transaction }))!.get('name'), 'Inside');
      } finally {
        await transaction.rollback();
      }
      assert.equal(await Pug.count({ where: { name: 'Inside' } }), 0);
    });

    test('logging receives the SQL; benchmark adds the elapsed milliseconds', async () => {
      const seen: unknown[][] = [];
      await Pug.findAll({ where: { name: 'Cody' }, logging: (...args: unknown[]) => seen.push(args) });
      assert.equal(seen.length, 1);
      assert.match(String(seen[0]![0]), /^Executing \(default\): SELECT .* FROM .pugs. AS .pug. WHERE/);
      seen.length = 0;
      await Pug.count({ logging: (...args: unknown[]) => seen.push(args), benchmark: true });
      assert.match(String(seen[0]![0]), /^Executed \(default\): SELECT count|^Executed \(default\): SELECT COUNT/i);
      assert.equal(typeof seen[0]![1], 'number');
      sql.statements.length = 0;
      await Pug.findAll({ logging: false });
      assert.deepEqual(sql.statements, [], 'logging: false silences the default logger');
    });
  });
}
