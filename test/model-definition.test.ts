import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Model, Sequelize, UniqueConstraintError, UsageError } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown>;

for (const dialect of testDialects) {
  describe(`model definition on ${dialect}`, () => {
    let sequelize: Sequelize;
    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    test('define and class + init register models: model(), models, isDefined', async () => {
      const Pug = sequelize.define('pug', { name: DataTypes.STRING });
      class Gizmo extends Model {
        get shout(): string {
          return String((this as unknown as Row)['label']).toUpperCase();
        }
        static hello(): string {
          return 'hi';
        }
      }
      Gizmo.init({ code: { type: DataTypes.STRING, primaryKey: true }, label: DataTypes.STRING }, { sequelize, modelName: 'gizmo' });
      assert.equal(sequelize.model('pug'), Pug);
      assert.equal(sequelize.model('gizmo'), Gizmo);
      assert.equal(sequelize.models['gizmo'], Gizmo);
      assert.equal(sequelize.isDefined('gizmo'), true);
      assert.equal(sequelize.isDefined('nope'), false);
      assert.throws(() => sequelize.model('nope'), /nope has not been defined/);
      assert.equal(Gizmo.tableName, 'gizmos');
      assert.equal(Gizmo.primaryKeyAttribute, 'code');
      assert.deepEqual(Object.keys(Gizmo.rawAttributes), ['code', 'label', 'createdAt', 'updatedAt']);
      await sequelize.sync({ force: true });
      const gizmo = (await Gizmo.create({ code: 'g1', label: 'loud' })) as Gizmo;
      assert.ok(gizmo instanceof Gizmo);
      assert.equal(gizmo.shout, 'LOUD');
      assert.equal(Gizmo.hello(), 'hi');
      assert.equal(((await Gizmo.findByPk('g1')) as Gizmo).shout, 'LOUD');
    });

    test('table names: pluralized, freezeTableName, tableName, underscored; name { singular, plural }', () => {
      const Person = sequelize.define('person', { n: DataTypes.STRING });
      assert.equal(Person.tableName, 'people');
      assert.deepEqual(Person.options.name, { singular: 'person', plural: 'people' });
      assert.equal(sequelize.define('UserProfile', { n: DataTypes.STRING }).tableName, 'UserProfiles');
      assert.equal(sequelize.define('frozen', { n: DataTypes.STRING }, { freezeTableName: true }).tableName, 'frozen');
      const Mouse = sequelize.define('mouse', { n: DataTypes.STRING }, { tableName: 'mice_tbl', name: { singular: 'rodent', plural: 'rodents' } });
      assert.equal(Mouse.tableName, 'mice_tbl');
      assert.deepEqual(Mouse.options.name, { singular: 'rodent', plural: 'rodents' });
      const User = sequelize.define('userAccount', { firstName: DataTypes.STRING }, { underscored: true });
      assert.equal(User.tableName, 'user_accounts');
      assert.equal(User.rawAttributes['firstName']!.field, 'first_name');
      assert.equal(User.rawAttributes['createdAt']!.field, 'created_at');
    });

    test('timestamps: off, renamed, partly off; paranoid with a renamed deletedAt', async () => {
      const Plain = sequelize.define('plain', { n: DataTypes.STRING }, { timestamps: false });
      assert.deepEqual(Object.keys(Plain.rawAttributes), ['id', 'n']);
      const Post = sequelize.define('post', { n: DataTypes.STRING }, { createdAt: 'made', updatedAt: false, paranoid: true, deletedAt: 'gone' });
      assert.deepEqual(Object.keys(Post.rawAttributes), ['id', 'n', 'made', 'gone']);
      await sequelize.sync({ force: true });
      const post = (await Post.create({ n: 'x' })) as unknown as Row;
      assert.ok(post['made'] instanceof Date);
      assert.equal(post['updatedAt'], undefined);
      await Post.destroy({ where: { id: post['id'] } });
      const gone = (await Post.findOne({ paranoid: false })) as unknown as Row;
      assert.ok(gone['gone'] instanceof Date);
      assert.equal(await Post.count(), 0);
      const plain = (await Plain.create({ n: 'y' })) as unknown as Row;
      assert.equal(plain['createdAt'], undefined);
    });

    test('primary keys: custom, autoIncrement, and allowNull false implied', async () => {
      const Code = sequelize.define('code', { code: { type: DataTypes.STRING, primaryKey: true }, n: DataTypes.INTEGER });
      const Counter = sequelize.define('counter', { num: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, n: DataTypes.STRING });
      assert.equal(Code.rawAttributes['code']!.allowNull, false);
      assert.equal(Object.keys(Code.rawAttributes).includes('id'), false);
      await sequelize.sync({ force: true });
      const [first, second] = (await Promise.all([Counter.create({ n: 'a' }), Counter.create({ n: 'b' })])) as unknown as Row[];
      assert.deepEqual([first!['num'], second!['num']].sort(), [1, 2]);
      await Code.create({ code: 'x', n: 1 });
      await assert.rejects(Code.create({ code: 'x', n: 2 }), UniqueConstraintError);
      await assert.rejects(Code.create({ n: 3 }), /code\.code cannot be null/);
    });

    test('unique: boolean and named composite; indexes; comments reach the table', async () => {
      const Account = sequelize.define('account', {
        email: { type: DataTypes.STRING, unique: true },
        a: { type: DataTypes.STRING, unique: 'a_b' },
        b: { type: DataTypes.STRING, unique: 'a_b' },
        first: DataTypes.STRING,
        last: DataTypes.STRING,
        note: { type: DataTypes.STRING, comment: 'a note' },
      }, { indexes: [{ fields: ['last'] }, { unique: true, fields: ['first', 'last'], name: 'first_last' }] });
      assert.deepEqual(Account.uniqueKeys['a_b']!.fields, ['a', 'b']);
      await sequelize.sync({ force: true });
      await Account.create({ a: 'x', b: 'y', email: 'e1' });
      await Account.create({ a: 'x', b: 'z', email: 'e2' });
      await assert.rejects(Account.create({ a: 'x', b: 'y', email: 'e3' }), UniqueConstraintError);
      await assert.rejects(Account.create({ email: 'e1' }), UniqueConstraintError);
      await Account.create({ first: 'Ada', last: 'Lovelace' });
      await assert.rejects(Account.create({ first: 'Ada', last: 'Lovelace' }), UniqueConstraintError);
      const queryInterface = sequelize.getQueryInterface();
      const indexes = (await queryInterface.showIndex('accounts')) as Array<{ name: string }>;
      assert.ok(indexes.some((index) => index.name === 'first_last'));
      assert.ok(indexes.some((index) => index.name === 'accounts_last'));
      const columns = (await queryInterface.describeTable('accounts')) as Record<string, { comment?: string | null }>;
      if (dialect !== 'sqlite') assert.equal(columns['note']!.comment, 'a note');
    });

    test('defaultValue as a value and as a function land in the row; allowNull false refuses null', async () => {
      const Pug = sequelize.define('pug', {
        name: { type: DataTypes.STRING, allowNull: false, defaultValue: 'anon' },
        born: { type: DataTypes.DATE, defaultValue: () => new Date('2020-01-01T00:00:00.000Z') },
      });
      await sequelize.sync({ force: true });
      const pug = (await Pug.create({})) as unknown as Row;
      const found = (await Pug.findByPk(pug['id'] as number)) as unknown as Row;
      assert.equal(found['name'], 'anon');
      assert.equal((found['born'] as Date).toISOString(), '2020-01-01T00:00:00.000Z');
      await assert.rejects(Pug.create({ name: null as never }), /pug\.name cannot be null/);
    });

    test('model-level options from define: { … } apply unless the model overrides them', () => {
      const local = new Sequelize('sqlite::memory:', { logging: false, define: { timestamps: false, underscored: true } });
      const Pug = local.define('pugDog', { fullName: DataTypes.STRING });
      assert.deepEqual(Object.keys(Pug.rawAttributes), ['id', 'fullName']);
      assert.equal(Pug.rawAttributes['fullName']!.field, 'full_name');
      const Stamped = local.define('stamped', { n: DataTypes.STRING }, { timestamps: true });
      assert.ok(Object.keys(Stamped.rawAttributes).includes('createdAt'));
      void local.close();
    });

    test('a misspelt data type is an error naming model and attribute', () => {
      assert.throws(() => sequelize.define('bad', { n: (DataTypes as unknown as Row)['STIRNG'] }), (error: Error) => error instanceof UsageError && /bad\.n/.test(error.message));
    });
  });
}

describe('rawAttributes entries carry the keys sequelize@6 gives', () => {
  test('Model, fieldName, _modelAttribute and field on every entry, also on keys an association adds', () => {
    const db = new Sequelize('sqlite::memory:', { logging: false });
    const Owner = db.define('owner', { name: DataTypes.STRING });
    const Pet = db.define('pet', { code: { type: DataTypes.STRING, unique: true }, firstName: { type: DataTypes.STRING, field: 'first_name' } });
    Pet.belongsTo(Owner);
    for (const name of ['id', 'code', 'firstName', 'createdAt', 'ownerId']) {
      const attribute = Pet.rawAttributes[name]! as Record<string, unknown>;
      assert.equal(attribute['Model'], Pet, name);
      assert.equal(attribute['_modelAttribute'], true, name);
      assert.equal(attribute['fieldName'], name);
      assert.ok('type' in attribute && 'field' in attribute);
    }
    assert.equal(Pet.getAttributes()['firstName']!.field, 'first_name');
    assert.equal((Owner.getAttributes()['name'] as Record<string, unknown>)['Model'], Owner);
    assert.equal(String(Pet.rawAttributes['code']!.type), 'VARCHAR(255)');
  });
});
