import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Model and instance behaviour compared call for call with Sequelize v6 on the same scripts: where joinery
// differed, these pin v6's answer.

for (const dialect of testDialects) {
  describe(`model v6 differences on ${dialect}`, () => {
    let sequelize: Sequelize;

    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    test('a defaultValue function runs once per built record, never at define or sync', async () => {
      let calls = 0;
      const Pug = sequelize.define('pug', { rank: { type: DataTypes.INTEGER, defaultValue: () => ++calls } });
      await sequelize.sync({ force: true });
      assert.equal(calls, 0);
      assert.equal(Pug.build({}).get('rank'), 1);
      const created = await Pug.create({});
      assert.deepEqual([created.get('rank'), calls], [2, 2]);
    });

    test('defaultValue: DataTypes.NOW / UUIDV4 is held as an instance of the type, as v6\'s attributes show it', async () => {
      const Pug = sequelize.define('pug', { key: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 }, bornAt: { type: DataTypes.DATE, defaultValue: DataTypes.NOW } });
      const attributes = Pug.getAttributes();
      assert.ok(attributes['key']!.defaultValue instanceof DataTypes.UUIDV4);
      assert.ok(attributes['bornAt']!.defaultValue instanceof DataTypes.NOW);
      await sequelize.sync({ force: true });
      const pug = await Pug.create({});
      assert.match(String(pug.get('key')), /^[0-9a-f-]{36}$/);
      assert.ok(pug.get('bornAt') instanceof Date);
    });

    test('set() keeps a primary key that holds a value, and a stored record\'s timestamps and version; raw writes them', async () => {
      const Pug = sequelize.define('pug', { name: DataTypes.STRING }, { paranoid: true, version: true });
      await sequelize.sync({ force: true });
      const pug = await Pug.create({ name: 'Cody' });
      const createdAt = pug.get('createdAt') as Date;
      pug.set({ id: 99, createdAt: new Date('2020-01-01'), deletedAt: new Date('2020-01-01'), version: 7, name: 'Bo' });
      assert.deepEqual([pug.get('id'), pug.get('createdAt'), pug.get('version'), pug.changed()], [1, createdAt, 0, ['name']]);
      assert.equal(pug.isSoftDeleted(), false);
      await pug.save();
      await pug.update({ createdAt: new Date('2020-01-01') });
      const stored = await Pug.findByPk(1);
      assert.deepEqual([stored!.get('name'), (stored!.get('createdAt') as Date).getTime()], ['Bo', createdAt.getTime()]);
      const built = Pug.build({ name: 'x' });
      built.set({ id: 50, createdAt: new Date('2020-01-01T00:00:00Z') });
      built.set('id', 51);
      assert.deepEqual([built.get('id'), (built.get('createdAt') as Date).toISOString()], [50, '2020-01-01T00:00:00.000Z']);
      pug.set('createdAt', new Date('2020-01-01T00:00:00Z'), { raw: true });
      assert.equal((pug.get('createdAt') as Date).toISOString(), '2020-01-01T00:00:00.000Z');
    });

    test('Model.update writes the timestamps it is given (deletedAt, createdAt) and stamps updatedAt unless silent', async () => {
      const Pug = sequelize.define('pug', { name: DataTypes.STRING }, { paranoid: true });
      await sequelize.sync({ force: true });
      const pug = await Pug.create({ name: 'Cody' });
      await pug.destroy();
      assert.deepEqual(await Pug.update({ deletedAt: null }, { where: { id: 1 }, paranoid: false }), [1]);
      const past = new Date('2020-01-01T00:00:00Z');
      await Pug.update({ createdAt: past, updatedAt: past }, { where: { id: 1 } });
      const stored = (await Pug.findByPk(1))!;
      assert.equal((stored.get('createdAt') as Date).toISOString(), past.toISOString());
      assert.ok((stored.get('updatedAt') as Date).getTime() > past.getTime());
      await Pug.update({ updatedAt: past }, { where: { id: 1 }, silent: true });
      assert.equal(((await Pug.findByPk(1))!.get('updatedAt') as Date).toISOString(), past.toISOString());
    });

    test('a soft destroy and a restore save the instance: updatedAt, version and pending changes are written', async () => {
      const Pug = sequelize.define('pug', { name: DataTypes.STRING }, { paranoid: true, version: true });
      await sequelize.sync({ force: true });
      const pug = await Pug.create({ name: 'Cody' });
      const past = new Date('2020-01-01T00:00:00Z');
      await Pug.update({ updatedAt: past }, { where: { id: 1 }, silent: true });
      await pug.reload();
      pug.set('name', 'Bo');
      await pug.destroy();
      const deleted = (await Pug.findByPk(1, { paranoid: false }))!;
      assert.deepEqual([deleted.get('name'), deleted.get('version'), pug.get('version'), pug.changed()], ['Bo', 1, 1, false]);
      assert.ok((deleted.get('updatedAt') as Date).getTime() > past.getTime());
      const deletedAt = (deleted.get('deletedAt') as Date).getTime();
      await pug.destroy();
      const again = (await Pug.findByPk(1, { paranoid: false }))!;
      assert.deepEqual([(again.get('deletedAt') as Date).getTime(), again.get('version')], [deletedAt, 1]);
      await pug.restore();
      const restored = (await Pug.findByPk(1))!;
      assert.deepEqual([restored.get('deletedAt'), restored.get('version'), pug.get('version')], [null, 2, 2]);
    });

    test('instance.sequelize, Model.primaryKeys, tableAttributes and autoIncrementAttribute', async () => {
      const Key = sequelize.define('key', { a: { type: DataTypes.INTEGER, primaryKey: true }, b: { type: DataTypes.INTEGER, primaryKey: true }, label: DataTypes.VIRTUAL }, { timestamps: false });
      await sequelize.sync({ force: true });
      assert.equal(Key.build({ a: 1, b: 2 }).sequelize, sequelize);
      assert.deepEqual(Object.keys(Key.primaryKeys), ['a', 'b']);
      assert.equal(Key.primaryKeys['a']!.field, 'a');
      assert.deepEqual(Object.keys(Key.tableAttributes), ['a', 'b']);
      assert.equal(Key.autoIncrementAttribute, undefined);
      const Numbered = sequelize.define('numbered', { num: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true } });
      assert.equal(Numbered.autoIncrementAttribute, 'num');
    });

    test('build(list) builds a list; findOrCreate hands fields, silent and validate on to its create', async () => {
      const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, unique: true }, age: { type: DataTypes.INTEGER, validate: { max: 10 } } });
      await sequelize.sync({ force: true });
      const built = Pug.build([{ name: 'a' }, { name: 'b' }] as never) as unknown as Array<{ get(key: string): unknown }>;
      assert.deepEqual(built.map((pug) => pug.get('name')), ['a', 'b']);
      const [pug, created] = await Pug.findOrCreate({ where: { name: 'c' }, defaults: { age: 3 }, fields: ['name'] } as never);
      assert.equal(created, true);
      assert.equal((await Pug.findByPk(pug.get('id') as number))!.get('age'), null);
      const [unchecked] = await Pug.findOrCreate({ where: { name: 'd' }, defaults: { age: 99 }, validate: false } as never);
      assert.equal(unchecked.get('age'), 99);
    });

    test('getterMethods show on included instances, as in v6 (not on the loaded root, nor with include attributes)', async () => {
      const Pug = sequelize.define('pug', { name: DataTypes.STRING }, { getterMethods: { shout() { return 'pug!'; } } });
      const Toy = sequelize.define('toy', { name: DataTypes.STRING }, { getterMethods: { shout(this: { get(key: string): unknown }) { return `${String(this.get('name'))}!`; } } });
      Pug.hasMany(Toy);
      await sequelize.sync({ force: true });
      await Pug.create({ name: 'Cody', toys: [{ name: 'ball' }] } as never, { include: [Toy] });
      const pug = (await Pug.findOne({ include: [Toy] }))!;
      const json = pug.toJSON() as { shout?: string; toys: Array<Record<string, unknown>> };
      assert.equal(json.shout, undefined);
      assert.equal(json.toys[0]!['shout'], 'ball!');
      const picked = (await Pug.findOne({ include: [{ model: Toy, attributes: ['id', 'name'] }] }))!;
      assert.deepEqual(Object.keys((picked.toJSON() as { toys: object[] }).toys[0]!), ['id', 'name']);
    });

    test('a type given as SQL text is used as written, in define and in migrations', async () => {
      const queryInterface = sequelize.getQueryInterface();
      await queryInterface.createTable('users', { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, name: { type: 'VARCHAR(20)' } });
      await queryInterface.addColumn('users', 'email', { type: 'VARCHAR(30)', allowNull: false, defaultValue: 'x' });
      const columns = await queryInterface.describeTable('users');
      assert.match(String(columns['name']!.type), /^(VARCHAR|CHARACTER VARYING)\(20\)$/i);
      assert.deepEqual([columns['email']!.allowNull, columns['email']!.defaultValue], [false, 'x']);
      const Thing = sequelize.define('thing', { name: 'VARCHAR(10)' as never, rank: { type: 'INTEGER' as never } });
      assert.equal(String(Thing.getAttributes()['name']!.type), 'VARCHAR(10)');
      await sequelize.sync({ force: true });
      const thing = await Thing.create({ name: 'abc', rank: 5 } as never);
      assert.deepEqual([(await Thing.findByPk(thing.get('id') as number))!.get('name'), (await Thing.findByPk(thing.get('id') as number))!.get('rank')], ['abc', 5]);
    });

    test('toJSON() is a deep copy; set() of a JSON path to the value it holds is no change', async () => {
      const Pug = sequelize.define('pug', { meta: DataTypes.JSON, bornAt: DataTypes.DATE });
      await sequelize.sync({ force: true });
      const pug = await Pug.create({ meta: { a: 1, list: [1] }, bornAt: new Date('2020-01-01T00:00:00Z') });
      const json = pug.toJSON() as { meta: { a: number; list: number[] }; bornAt: Date };
      json.meta.a = 99;
      json.meta.list.push(2);
      json.bornAt.setUTCFullYear(1999);
      assert.deepEqual(pug.get('meta'), { a: 1, list: [1] });
      assert.equal((pug.get('bornAt') as Date).getUTCFullYear(), 2020);
      pug.set('meta.a', 1);
      pug.set('meta.list', [1]);
      assert.equal(pug.changed(), false);
      pug.set('meta.a', 2);
      assert.deepEqual([pug.changed(), pug.get('meta')], [['meta'], { a: 2, list: [1] }]);
    });
  });
}
