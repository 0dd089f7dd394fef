import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, Op, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown>;

for (const dialect of testDialects) {
  describe(`hooks as Sequelize v6 runs them on ${dialect}: unchanged saves, options the bulk hooks change, association reads`, () => {
    let sequelize: Sequelize;
    let Pug: ModelStatic<Model>;
    const sql = captureSql();
    const updates = () => sql.statements.filter((statement) => statement.startsWith('UPDATE'));

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
      Pug = sequelize.define('hv_pug', { name: DataTypes.STRING, age: DataTypes.INTEGER, touched: DataTypes.INTEGER, secret: DataTypes.STRING }, { timestamps: false });
      await sequelize.sync({ force: true });
    });
    after(async () => {
      await sequelize.close();
    });
    beforeEach(async () => {
      for (const name of ['beforeUpdate', 'afterUpdate', 'beforeBulkUpdate', 'beforeBulkDestroy', 'beforeBulkRestore']) Pug.removeHook(name as never, 'test');
      await Pug.destroy({ where: {}, hooks: false });
      await Pug.bulkCreate([{ name: 'a', age: 1 }, { name: 'b', age: 2 }, { name: 'c', age: 3 }], { hooks: false });
      sql.statements.length = 0;
    });
    const rows = async () => (await Pug.findAll({ raw: true, attributes: ['name', 'age', 'touched', 'secret'], order: [['name', 'ASC']], hooks: false })) as unknown as Row[];

    test('instance.update of values it already holds runs the before hooks, and saves what they change', async () => {
      const seen: string[] = [];
      Pug.addHook('beforeUpdate', 'test', (pug: Model, options: { fields?: string[] }) => {
        seen.push(`before:${String(options.fields)}`);
        pug.set('touched', 1);
      });
      Pug.addHook('afterUpdate', 'test', (_pug: Model, options: { fields?: string[] }) => void seen.push(`after:${String(options.fields)}`));
      const pug = (await Pug.findOne({ where: { name: 'a' } }))!;
      sql.statements.length = 0;
      await pug.update({ name: 'a' });
      // The after hooks see the field the before hook added.
      assert.deepEqual(seen, ['before:', 'after:touched']);
      assert.equal(updates().length, 1);
      assert.equal((await rows())[0]!['touched'], 1);
    });

    test('a beforeUpdate that replaces options.fields saves those; what it left out stays changed', async () => {
      Pug.addHook('beforeUpdate', 'test', (_pug: Model, options: { fields?: string[] }) => {
        options.fields = ['name'];
      });
      const pug = (await Pug.findOne({ where: { name: 'a' } }))!;
      pug.set({ name: 'renamed', age: 50 });
      await pug.save();
      assert.deepEqual(pug.changed(), ['age']);
      assert.deepEqual((await rows()).find((row) => row['name'] === 'renamed')?.['age'], 1);
    });

    test('a save naming fields of a record nothing changed in sends nothing and runs no after hooks', async () => {
      const seen: string[] = [];
      Pug.addHook('beforeUpdate', 'test', () => void seen.push('before'));
      Pug.addHook('afterUpdate', 'test', () => void seen.push('after'));
      const pug = (await Pug.findOne({ where: { name: 'a' } }))!;
      sql.statements.length = 0;
      await pug.save({ fields: ['name'] });
      await pug.update({ name: 'a' }, { fields: ['name'] });
      assert.deepEqual(seen, ['before', 'before']);
      assert.deepEqual(updates(), []);
    });

    test('beforeBulkUpdate: its where applies, and an attribute it adds is written only when it names it in fields', async () => {
      Pug.addHook('beforeBulkUpdate', 'test', (options: { where: unknown; attributes: Row; fields: string[] }) => {
        options.where = { name: 'b' };
        options.attributes['secret'] = 'named';
        options.fields.push('secret');
        options.attributes['touched'] = 9;
      });
      assert.deepEqual(await Pug.update({ age: 20 }, { where: { name: 'a' } }), [1]);
      assert.deepEqual(await rows(), [
        { name: 'a', age: 1, touched: null, secret: null },
        { name: 'b', age: 20, touched: null, secret: 'named' },
        { name: 'c', age: 3, touched: null, secret: null },
      ]);
    });

    test('Model.update with individualHooks writes what every beforeUpdate changed alike; records changed apart are saved one by one', async () => {
      Pug.addHook('beforeUpdate', 'test', (pug: Model) => void pug.set('secret', 'by hook'));
      assert.equal((await Pug.update({ age: 7 }, { where: {}, individualHooks: true }))[0], 3);
      assert.deepEqual((await rows()).map((row) => [row['age'], row['secret']]), [[7, 'by hook'], [7, 'by hook'], [7, 'by hook']]);
      Pug.removeHook('beforeUpdate', 'test');
      Pug.addHook('beforeUpdate', 'test', (pug: Model) => void pug.set('age', pug.get('name') === 'a' ? 100 : 8));
      const [count, instances] = await Pug.update({ age: 8 }, { where: {}, individualHooks: true });
      assert.deepEqual([count, instances?.length], [3, 3]);
      assert.deepEqual((await rows()).map((row) => row['age']), [100, 8, 8]);
    });

    test('Sequelize-level hooks run with the Sequelize instance as this, model hooks with the model', async () => {
      const seen: unknown[] = [];
      sequelize.addHook('beforeDefine', function (this: unknown) {
        seen.push(this === sequelize);
      });
      sequelize.addHook('afterDefine', function (this: unknown) {
        seen.push(this === sequelize);
      });
      const Defined = sequelize.define('hv_defined', { name: DataTypes.STRING });
      Defined.addHook('beforeValidate', function (this: unknown) {
        seen.push(this === Defined);
      });
      await Defined.build({ name: 'x' }).validate();
      assert.deepEqual(seen, [true, true, true]);
    });

    test('bulkCreate with validate and individualHooks runs each validation stage for every record in turn, as v6', async () => {
      const Checked = sequelize.define('hv_checked', { n: { type: DataTypes.INTEGER, validate: { max: 5 } } }, { timestamps: false });
      await Checked.sync({ force: true });
      const seen: string[] = [];
      for (const name of ['beforeValidate', 'afterValidate', 'validationFailed'] as const) Checked.addHook(name, (record: Model) => void seen.push(`${name}:${String(record.get('n'))}`));
      await assert.rejects(Checked.bulkCreate([{ n: 1 }, { n: 9 }, { n: 2 }], { validate: true, individualHooks: true }));
      assert.deepEqual(seen, ['beforeValidate:1', 'beforeValidate:9', 'beforeValidate:2', 'afterValidate:1', 'validationFailed:9', 'afterValidate:2']);
      assert.equal(await Checked.count(), 0);
    });

    test('beforeBulkDestroy and beforeBulkRestore: the where they set is the one used', async () => {
      Pug.addHook('beforeBulkDestroy', 'test', (options: { where: unknown }) => {
        options.where = { name: { [Op.in]: ['b', 'c'] } };
      });
      assert.equal(await Pug.destroy({ where: { name: 'a' } }), 2);
      assert.deepEqual((await rows()).map((row) => row['name']), ['a']);
      const Soft = sequelize.define('hv_soft', { name: DataTypes.STRING }, { paranoid: true });
      await Soft.sync({ force: true });
      await Soft.bulkCreate([{ name: 'a' }, { name: 'b' }]);
      await Soft.destroy({ where: {} });
      Soft.addHook('beforeBulkRestore', (options: { where: unknown }) => {
        options.where = { name: 'b' };
      });
      await Soft.restore({ where: { name: 'a' } });
      assert.deepEqual((await Soft.findAll()).map((row) => row.get('name')), ['b']);
    });

    test('countToys runs the target afterFind hooks as well; hooks: false reaches the join rows read by createFriend/addFriend', async () => {
      const Toy = sequelize.define('hv_toy', { name: DataTypes.STRING }, { timestamps: false });
      const Friendship = sequelize.define('hv_friendship', { level: DataTypes.INTEGER }, { timestamps: false });
      Pug.hasMany(Toy, { foreignKey: 'pugId' });
      Pug.belongsToMany(Pug, { as: 'pals', through: Friendship, foreignKey: 'pugId', otherKey: 'palId' });
      await sequelize.sync();
      const seen: unknown[] = [];
      Toy.addHook('afterFind', (result: unknown) => void seen.push(result));
      Friendship.addHook('beforeFind', () => void seen.push('join beforeFind'));
      const pug = (await Pug.findOne({ where: { name: 'a' } }))! as Model & Record<string, (...args: unknown[]) => Promise<unknown>>;
      await Toy.create({ name: 't', pugId: pug.get('id') });
      seen.length = 0;
      assert.equal(await pug['countHv_toys']!(), 1);
      assert.deepEqual(seen, [{ count: 1 }]);
      seen.length = 0;
      const other = (await Pug.findOne({ where: { name: 'b' } }))!;
      await pug['createPal']!({ name: 'd' }, { hooks: false });
      await pug['addPal']!(other, { hooks: false });
      assert.deepEqual(seen, []);
      await pug['addPal']!(other);
      assert.deepEqual(seen, ['join beforeFind']);
    });
  });
}
