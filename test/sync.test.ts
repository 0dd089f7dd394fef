import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, QueryTypes, Sequelize, UsageError } from '../src/index.js';
import type { QueryInterface } from '../src/schema/query-interface.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

for (const dialect of testDialects) {
  const isMysql = dialect === 'mysql' || dialect === 'mariadb';
  describe(`schema sync on ${dialect}`, () => {
    let sequelize: Sequelize;
    let qi: QueryInterface;
    const sql = captureSql();
    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
      qi = sequelize.getQueryInterface();
    });
    after(async () => {
      await sequelize.close();
    });
    beforeEach(async () => {
      await qi.dropAllTables();
      sequelize.models = {};
      sql.statements.length = 0;
    });

    test('DDL: types, defaults, auto-increment, unique, indexes and foreign keys with ON DELETE / ON UPDATE', async () => {
      const Owner = sequelize.define('owner', { email: { type: DataTypes.STRING(120), unique: true, allowNull: false }, score: { type: DataTypes.INTEGER, defaultValue: 7 } });
      const Pet = sequelize.define('pet', {
        name: { type: DataTypes.STRING, allowNull: false, defaultValue: 'rex' },
        good: { type: DataTypes.BOOLEAN, defaultValue: true },
        born: DataTypes.DATEONLY,
        weight: DataTypes.DECIMAL(6, 2),
      }, { indexes: [{ fields: ['name', 'born'], name: 'pets_name_born' }, { unique: true, fields: ['weight'] }] });
      Pet.belongsTo(Owner, { onDelete: 'CASCADE', onUpdate: 'CASCADE' });
      await sequelize.sync({ force: true });
      const pets = await qi.describeTable('pets');
      assert.equal(pets['name']!.allowNull, false);
      assert.equal(pets['name']!.defaultValue, 'rex');
      assert.equal(pets['good']!.defaultValue, isMysql ? '1' : true);
      assert.equal(pets['id']!.primaryKey, true);
      if (isMysql) assert.equal(pets['id']!.autoIncrement, true);
      if (dialect === 'postgres') assert.match(String(pets['id']!.defaultValue), /^nextval\(/);
      assert.match(pets['weight']!.type, /^(DECIMAL|NUMERIC)/);
      assert.equal((await qi.describeTable('owners'))['score']!.defaultValue, '7');
      const [reference] = await qi.getForeignKeyReferencesForTable('pets');
      assert.deepEqual([reference!.columnName, reference!.referencedTableName, reference!.referencedColumnName], ['ownerId', 'owners', 'id']);
      const indexes = await qi.showIndex('pets');
      assert.ok(indexes.some((index) => index.name === 'pets_name_born' && !index.unique && index.fields.map((field) => field.attribute).join() === 'name,born'));
      assert.ok(indexes.some((index) => index.unique && index.fields.map((field) => field.attribute).join() === 'weight'));
      assert.ok((await qi.showIndex('owners')).some((index) => index.unique && index.fields.map((field) => field.attribute).join() === 'email'));
      // ON DELETE CASCADE / ON UPDATE CASCADE really act.
      const owner = await Owner.create({ email: 'a@b.c' });
      await Pet.create({ name: 'p', ownerId: owner.get('id') });
      await sequelize.query(`UPDATE owners SET id = 50 WHERE id = ${String(owner.get('id'))}`);
      assert.deepEqual(await sequelize.query('SELECT ownerId FROM pets'.replace('ownerId', isMysql ? '`ownerId`' : '"ownerId"'), { type: QueryTypes.SELECT }), [{ ownerId: 50 }]);
      await sequelize.query('DELETE FROM owners');
      assert.equal(await Pet.count(), 0);
    });

    test('sync({ force }) recreates; plain sync keeps rows; Model.drop and sequelize.drop remove tables', async () => {
      const Pet = sequelize.define('pet', { name: DataTypes.STRING });
      await sequelize.sync();
      await Pet.create({ name: 'a' });
      await sequelize.sync();
      assert.equal(await Pet.count(), 1);
      await sequelize.sync({ force: true });
      assert.equal(await Pet.count(), 0);
      await Pet.drop();
      assert.deepEqual(await qi.showAllTables(), []);
      sequelize.define('toy', { name: DataTypes.STRING });
      await sequelize.sync();
      assert.deepEqual((await qi.showAllTables()).sort(), ['pets', 'toys']);
      await sequelize.drop();
      assert.deepEqual(await qi.showAllTables(), []);
      await assert.rejects(sequelize.sync({ force: true, match: /_test$/ }), UsageError);
    });

    test('Model.sync({ alter }): adds missing columns, changes changed ones, drops removed ones, keeps the rows', async () => {
      const First = sequelize.define('pet', { name: DataTypes.STRING, legacy: DataTypes.STRING, age: { type: DataTypes.INTEGER, allowNull: true } }, { timestamps: false });
      await First.sync({ force: true });
      await First.create({ name: 'a', legacy: 'x', age: 3 });
      sequelize.models = {};
      const Second = sequelize.define('pet', { name: DataTypes.STRING, age: { type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 }, nickname: { type: DataTypes.STRING, defaultValue: 'n' } }, { timestamps: false });
      await Second.sync({ alter: true });
      const described = await qi.describeTable('pets');
      assert.deepEqual(Object.keys(described).sort(), ['age', 'id', 'name', 'nickname']);
      assert.equal(described['age']!.allowNull, false);
      assert.match(described['age']!.type, /^BIGINT/);
      const [row] = (await Second.findAll({ raw: true })) as Record<string, unknown>[];
      assert.equal(row!['name'], 'a');
      assert.equal(Number(row!['age']), 3);
      assert.equal(row!['nickname'], 'n');
      // In line now: a second alter changes nothing.
      sql.statements.length = 0;
      await Second.sync({ alter: true });
      assert.deepEqual(sql.statements.filter((statement) => /^ALTER TABLE|^CREATE TABLE `pets_joinery_rebuild`/.test(statement)), []);
      sequelize.models = {};
      const Third = sequelize.define('pet', { name: DataTypes.STRING }, { timestamps: false });
      await Third.sync({ alter: { drop: false } });
      assert.deepEqual(Object.keys(await qi.describeTable('pets')).sort(), ['age', 'id', 'name', 'nickname']);
    });

    test('alter applies changed defaults, ENUM values and an added unique once; a dropped unique stays (as v6)', async () => {
      const First = sequelize.define('pet', {
        name: { type: DataTypes.STRING, defaultValue: 'a' }, n: { type: DataTypes.INTEGER, defaultValue: 1 },
        good: { type: DataTypes.BOOLEAN, defaultValue: false }, status: DataTypes.ENUM('x', 'y'),
        code: DataTypes.STRING, email: { type: DataTypes.STRING, unique: true }, note: { type: DataTypes.STRING, comment: 'old' },
      }, { timestamps: false });
      await First.sync({ force: true });
      await First.create({ status: 'y', code: 'c1', email: 'e' });
      sequelize.models = {};
      const Second = sequelize.define('pet', {
        name: { type: DataTypes.STRING, defaultValue: 'b' }, n: DataTypes.INTEGER,
        good: { type: DataTypes.BOOLEAN, defaultValue: true }, status: DataTypes.ENUM('z', 'x', 'y'),
        code: { type: DataTypes.STRING, unique: true }, email: DataTypes.STRING, note: { type: DataTypes.STRING, comment: 'new' },
      }, { timestamps: false });
      await Second.sync({ alter: true });
      await Second.sync({ alter: true });
      const described = await qi.describeTable('pets');
      assert.equal(described['name']!.defaultValue, 'b');
      assert.equal(described['n']!.defaultValue ?? null, null);
      assert.equal(described['good']!.defaultValue, isMysql ? '1' : true);
      if (dialect !== 'sqlite') assert.deepEqual(described['status']!.special, ['z', 'x', 'y']);
      if (dialect !== 'sqlite') assert.equal(described['note']!.comment, 'new');
      const quote = (name: string) => (isMysql ? `\`${name}\`` : `"${name}"`);
      await sequelize.query(`INSERT INTO pets (${quote('status')}, ${quote('code')}, ${quote('email')}) VALUES ('z', 'c2', 'e2')`);
      const rows = await sequelize.query(`SELECT * FROM pets WHERE ${quote('code')} = 'c2'`, { type: QueryTypes.SELECT }) as Record<string, unknown>[];
      assert.deepEqual([rows[0]!['name'], rows[0]!['n'], Boolean(rows[0]!['good']), rows[0]!['status']], ['b', null, true, 'z']);
      const indexes = await qi.showIndex('pets');
      const uniqueOn = (column: string) => indexes.filter((index) => index.unique && index.fields.map((field) => field.attribute).join() === column).length;
      assert.equal(uniqueOn('code'), 1);
      assert.equal(uniqueOn('email'), 1);
      await assert.rejects(Second.create({ code: 'c2' }));
      // In line now: one more alter changes nothing.
      sql.statements.length = 0;
      await Second.sync({ alter: true });
      assert.deepEqual(sql.statements.filter((statement) => /^ALTER TABLE|^CREATE TABLE `pets_joinery_rebuild`/.test(statement)), []);
    });

    test('alter on a foreign-key column keeps exactly one foreign key and the rows', async () => {
      let Owner = sequelize.define('owner', { name: DataTypes.STRING });
      let Pet = sequelize.define('pet', { name: DataTypes.STRING });
      Pet.belongsTo(Owner);
      await sequelize.sync({ force: true });
      const owner = await Owner.create({ name: 'o' });
      await Pet.create({ name: 'p', ownerId: owner.get('id') });
      sequelize.models = {};
      Owner = sequelize.define('owner', { name: DataTypes.STRING });
      Pet = sequelize.define('pet', { name: DataTypes.STRING });
      Pet.belongsTo(Owner, { foreignKey: { allowNull: false }, onDelete: 'CASCADE' });
      await sequelize.sync({ alter: true });
      await sequelize.sync({ alter: true });
      assert.equal((await qi.getForeignKeyReferencesForTable('pets')).length, 1);
      assert.equal((await qi.describeTable('pets'))['ownerId']!.allowNull, false);
      assert.equal(await Pet.count(), 1);
      await owner.destroy();
      assert.equal(await Pet.count(), 0);
    });

    test('truncate empties every model table', async () => {
      const Pet = sequelize.define('pet', { name: DataTypes.STRING });
      const Toy = sequelize.define('toy', { name: DataTypes.STRING });
      await sequelize.sync({ force: true });
      await Pet.create({ name: 'a' });
      await Toy.create({ name: 'b' });
      await sequelize.truncate();
      assert.deepEqual([await Pet.count(), await Toy.count()], [0, 0]);
    });
  });
}
