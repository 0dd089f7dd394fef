import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, ForeignKeyConstraintError, UniqueConstraintError, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Accessors = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** The CREATE TABLE statement of `table`, whatever the dialect's quotes. */
function createTable(statements: string[], table: string): string {
  return statements.find((statement) => new RegExp(`^CREATE TABLE (IF NOT EXISTS )?\\W${table}\\W`).test(statement)) ?? '';
}

// Keys declared on the model that an association then completes, compared against sequelize@6.
for (const dialect of testDialects) {
  describe(`associations completing keys the models declare, as v6, on ${dialect}`, () => {
    let db: Sequelize;
    const sql = captureSql();
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Toy: ModelStatic;
    let Collar: ModelStatic;
    let Tagging: ModelStatic;
    let Grant: ModelStatic;

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', {
        name: DataTypes.STRING,
        ownerId: { type: DataTypes.INTEGER, defaultValue: 1, unique: true, comment: 'who', get(this: Model) { return `#${this.getDataValue('ownerId') as number}`; } },
      });
      Pug.belongsTo(Owner);
      Toy = db.define('toy', { name: DataTypes.STRING, pugKey: { type: DataTypes.INTEGER, field: 'pug_key', allowNull: false } });
      Pug.hasMany(Toy, { foreignKey: 'pugKey' });
      Collar = db.define('collar', { pugId: { type: DataTypes.INTEGER, unique: 'pug_color' }, color: { type: DataTypes.STRING, unique: 'pug_color' } });
      Pug.hasOne(Collar);
      const Tag = db.define('tag', { name: DataTypes.STRING });
      Tagging = db.define('tagging', {
        tagId: { type: DataTypes.INTEGER, unique: 'tt_unique' },
        taggableId: { type: DataTypes.INTEGER, unique: 'tt_unique' },
        taggableType: { type: DataTypes.STRING, unique: 'tt_unique' },
      }, { timestamps: false });
      Pug.belongsToMany(Tag, { through: { model: Tagging, unique: false, scope: { taggableType: 'pug' } }, foreignKey: 'taggableId', constraints: false });
      Tag.belongsToMany(Pug, { through: { model: Tagging, unique: false }, foreignKey: 'tagId', constraints: false });
      Grant = db.define('grant', { grantId: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true } }, { timestamps: false });
      Owner.belongsToMany(Tag, { through: Grant });
      await db.sync({ force: true });
    });
    after(() => db.close());

    test('belongsTo keeps the declared defaultValue, unique, comment and getter of its key', async () => {
      const attribute = Pug.getAttributes()['ownerId']!;
      assert.equal(attribute.defaultValue, 1);
      assert.equal(attribute.unique, true);
      assert.equal(attribute.comment, 'who');
      assert.deepEqual(attribute.references, { model: 'owners', key: 'id' });
      await Owner.create({ name: 'Ann' });
      const pug = await Pug.create({ name: 'Cody' });
      assert.equal(pug.get('ownerId'), '#1');
      assert.equal((await Pug.findByPk(pug.get('id') as number))!.getDataValue('ownerId'), 1);
      await assert.rejects(Pug.create({ name: 'Rex', ownerId: 1 }), UniqueConstraintError);
    });

    test('a key declared without allowNull gets ON DELETE NO ACTION from belongsTo (v6), so its target cannot go', async () => {
      assert.equal(Pug.getAttributes()['ownerId']!.onDelete, 'NO ACTION');
      assert.match(createTable(sql.statements, 'pugs'), /ON DELETE NO ACTION/);
      const owner = await Owner.findByPk(1);
      await assert.rejects(owner!.destroy(), ForeignKeyConstraintError);
    });

    test('hasMany onto a declared NOT NULL key cascades (no SET NULL on a NOT NULL column; MySQL refused it)', async () => {
      const attribute = Toy.getAttributes()['pugKey']!;
      assert.equal(attribute.allowNull, false);
      assert.equal(attribute.field, 'pug_key');
      assert.equal(attribute.onDelete, 'CASCADE');
      const [pug] = await Pug.findAll({ limit: 1 });
      await (pug as unknown as Accessors)['createToy']!({ name: 'ball' });
      await Tagging.destroy({ where: {} });
      await pug!.destroy();
      assert.equal(await Toy.count(), 0);
    });

    test('hasOne keeps the key in the composite unique the model declares with another attribute', async () => {
      assert.equal(Collar.getAttributes()['pugId']!.unique, 'pug_color');
      await Owner.create({ id: 2, name: 'Bo' });
      const pug = await Pug.create({ name: 'Lou', ownerId: 2 });
      await Collar.bulkCreate([{ pugId: pug.get('id'), color: 'red' }, { pugId: pug.get('id'), color: 'blue' }]);
      await assert.rejects(Collar.create({ pugId: pug.get('id'), color: 'red' }), UniqueConstraintError);
    });

    test('a join model with only its generated id gets the two keys as its primary key, also with unique: false', async () => {
      assert.deepEqual(Tagging.primaryKeyAttributes, ['tagId', 'taggableId']);
      assert.ok(!('id' in Tagging.getAttributes()));
      const columns = await db.getQueryInterface().describeTable('taggings');
      assert.deepEqual(Object.keys(columns).sort(), ['tagId', 'taggableId', 'taggableType']);
      assert.equal(Tagging.getAttributes()['taggableType']!.unique, 'tt_unique');
      assert.equal(Tagging.getAttributes()['tagId']!.unique, 'tt_unique');
    });

    test('a join model with a primary key of its own keeps it, and the pair of keys is unique', async () => {
      assert.deepEqual(Grant.primaryKeyAttributes, ['grantId']);
      assert.equal(Grant.getAttributes()['ownerId']!.primaryKey, false);
      assert.equal(Grant.getAttributes()['ownerId']!.unique, 'grants_ownerId_tagId_unique');
      await Grant.create({ ownerId: 2, tagId: null });
      const tag = await db.models['tag']!.create({ name: 't' });
      await Grant.create({ ownerId: 2, tagId: tag.get('id') });
      await assert.rejects(Grant.create({ ownerId: 2, tagId: tag.get('id') }), UniqueConstraintError);
    });
  });
}
