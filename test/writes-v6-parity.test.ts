import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Static writes answered as Sequelize v6 answers them: `limit` on update/destroy/restore everywhere, affected
// counts of changed rows (MySQL too), and a model `schema` on dialects without schemas as v6's `schema.table`.
for (const dialect of testDialects) {
  describe(`writes v6 parity on ${dialect}`, () => {
    let sequelize: Sequelize;

    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    test('upsert of a stored row updates the attributes given, not those it fills with their defaults', async () => {
      const Counter = sequelize.define('counter', { name: DataTypes.STRING, hits: { type: DataTypes.INTEGER, defaultValue: 0 } }, { timestamps: false });
      await sequelize.sync({ force: true });
      const stored = await Counter.create({ name: 'a', hits: 7 });
      await Counter.upsert({ id: stored.get('id'), name: 'renamed' });
      assert.deepEqual(await Counter.findByPk(stored.get('id') as number, { raw: true }), { id: stored.get('id'), name: 'renamed', hits: 7 });
      await Counter.upsert({ id: stored.get('id'), name: 'again', hits: 1 }, { fields: ['hits'] });
      assert.deepEqual(await Counter.findByPk(stored.get('id') as number, { raw: true }), { id: stored.get('id'), name: 'renamed', hits: 1 });
    });

    test('MySQL upsert that meets another unique key: that row takes every given value, and the instance its id', { skip: ['mysql', 'mariadb'].includes(dialect) ? false : 'MySQL upserts on any unique key' }, async () => {
      const Account = sequelize.define('account', { name: { type: DataTypes.STRING, unique: true }, email: { type: DataTypes.STRING, unique: true } }, { timestamps: false });
      await sequelize.sync({ force: true });
      await Account.create({ name: 'z', email: 'z@x' });
      const stored = await Account.create({ name: 'a', email: 'a@x' });
      const [instance, created] = await Account.upsert({ name: 'renamed', email: 'a@x' });
      assert.deepEqual([instance.get('id'), created], [stored.get('id'), false]);
      assert.deepEqual(await Account.findByPk(stored.get('id') as number, { raw: true }), { id: stored.get('id'), name: 'renamed', email: 'a@x' });
    });

    test('limit bounds Model.update, Model.destroy and Model.restore', async () => {
      const User = sequelize.define('user', { name: DataTypes.STRING, age: DataTypes.INTEGER }, { paranoid: true });
      await sequelize.sync({ force: true });
      await User.bulkCreate([{ name: 'a', age: 1 }, { name: 'b', age: 2 }, { name: 'c', age: 3 }]);
      assert.deepEqual(await User.update({ age: 9 }, { where: { age: { [Op.gt]: 1 } }, limit: 1 }), [1]);
      assert.equal(await User.count({ where: { age: 9 } }), 1);
      assert.equal(await User.destroy({ where: {}, limit: 2 }), 2);
      assert.equal(await User.count(), 1);
      const deleted = (await User.findAll({ paranoid: false })).filter((row) => row.get('deletedAt') !== null).map((row) => row.get('id'));
      assert.equal(await User.restore({ where: { id: deleted }, limit: 1 }), 1);
      assert.equal(await User.count(), 2);
      assert.equal(await User.destroy({ where: {}, limit: 5, force: true }), 3);
      assert.equal(await User.count({ paranoid: false }), 0);
    });

    test('affected counts as v6 reports them: on MySQL the rows changed, so an update to the same values counts 0', async () => {
      const User = sequelize.define('user', { name: { type: DataTypes.STRING, unique: true }, age: DataTypes.INTEGER }, { timestamps: false });
      await sequelize.sync({ force: true });
      await User.bulkCreate([{ name: 'a', age: 1 }, { name: 'b', age: 2 }]);
      assert.deepEqual(await User.update({ age: 1 }, { where: {} }), ['mysql', 'mariadb'].includes(dialect) ? [1] : [2]);
      // MySQL reports the rows changed (v6 connects with -FOUND_ROWS); SQLite and PostgreSQL the rows matched.
      assert.deepEqual(await User.update({ age: 1 }, { where: {} }), ['mysql', 'mariadb'].includes(dialect) ? [0] : [2]);
      const paranoidFree = await User.findOne({ where: { name: 'b' } });
      assert.equal(paranoidFree!.get('age'), 1);
    });

    test('a model with a schema: created, found, updated, destroyed and dropped in it', async () => {
      const Thing = sequelize.define('thing', { label: DataTypes.STRING }, { schema: 'archive', paranoid: true });
      await sequelize.getQueryInterface().createSchema('archive').catch(() => undefined);
      await Thing.sync({ force: true });
      await Thing.bulkCreate([{ label: 'x' }, { label: 'y' }]);
      const thing = await Thing.findOne({ where: { label: 'x' } });
      thing!.set('label', 'z');
      await thing!.save();
      assert.deepEqual(await Thing.update({ label: 'w' }, { where: { label: 'y' } }), [1]);
      assert.equal(await Thing.destroy({ where: { label: 'w' } }), 1);
      assert.equal(await Thing.restore({ where: { label: 'w' } }), 1);
      await Thing.increment('id', { where: { label: 'nothing' } });
      assert.deepEqual((await Thing.findAll({ order: [['label', 'ASC']] })).map((row) => row.get('label')), ['w', 'z']);
      const table = Thing.getTableName() as unknown as { tableName: string; schema: string };
      assert.deepEqual([table.tableName, table.schema], ['things', 'archive']);
      // Quoted as the dialect names it: schema and table, or one `archive.things` identifier where there are no schemas.
      assert.match(String(table), /^(["`])archive(\1\.\1|\.)things\1$/);
      await Thing.drop();
      await sequelize.getQueryInterface().dropSchema('archive').catch(() => undefined);
    });
  });
}
