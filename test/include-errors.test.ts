import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, EagerLoadingError, Sequelize, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

for (const dialect of testDialects) {
  describe(`include errors, raised before any SQL, on ${dialect}`, () => {
    let db: Sequelize;
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Friend: ModelStatic;
    let Toy: ModelStatic;
    let Pet: ModelStatic;
    const sql = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', { name: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING });
      Toy = db.define('toy', { name: DataTypes.STRING });
      Pet = db.define('pet', { name: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Friend.belongsToMany(Pug, { through: 'friendship' });
      Toy.belongsTo(Pug);
      Pet.belongsTo(Owner, { as: 'walker' });
      Pet.belongsTo(Owner, { as: 'payer' });
      await db.sync({ force: true });
      sql.statements.length = 0;
    });
    after(async () => {
      await db.close();
      assert.deepEqual(sql.statements, [], 'none of the mistakes reached the database');
    });

    const rejects = async (promise: Promise<unknown>, pattern: RegExp) => {
      await assert.rejects(promise, (error: Error) => {
        assert.ok(error instanceof EagerLoadingError, `expected an EagerLoadingError, got ${error.name}: ${error.message}`);
        assert.equal(error.name, 'SequelizeEagerLoadingError');
        assert.match(error.message, pattern);
        return true;
      });
    };

    test('a model that is not associated: v6\'s exact message, naming both models', async () => {
      await rejects(Owner.findAll({ include: [Friend] }), /^friend is not associated to owner!$/);
      await rejects(Pug.findAll({ include: [Friend] }), /^friend is not associated to pug!$/);
      await rejects(Pug.findAll({ include: [{ model: Toy }] }), /^toy is not associated to pug!$/);
      await rejects(Pug.create({ name: 'x', toys: [{ name: 'ball' }] }, { include: [Toy] }), /^toy is not associated to pug!$/);
    });

    test('a model associated twice, included without as: lists the aliases', async () => {
      await rejects(Pet.findAll({ include: [Owner] }), /^owner is associated to pet multiple times\. .*\{ model: owner, as: 'walker' \} or \{ model: owner, as: 'payer' \}/);
    });

    test('an alias that does not exist: lists the ones that do', async () => {
      await rejects(Pet.findAll({ include: ['boss'] }), /^Association with alias "boss" does not exist on pet\. Its associations are: 'walker', 'payer'\./);
      await rejects(Pet.findAll({ include: [{ association: 'boss' }] }), /does not exist on pet/);
      await rejects(Pet.findAll({ include: [{ model: Owner, as: 'boss' }] }), /^owner is associated to pet using an alias\. You've included an alias \(boss\), but it does not match the alias\(es\) defined in your association \(walker, payer\)\./);
      await rejects(Pug.findAll({ include: [{ model: Owner, as: 'boss' }] }), /alias \(boss\).*\(owner\)/);
    });

    test('an include where on an unknown attribute names the included model and the attribute', async () => {
      await assert.rejects(Pug.findAll({ include: [{ model: Owner, where: { nope: 1 } }] }), /owner has no attribute "nope" \(used in where\)/);
      await assert.rejects(Pug.findAll({ include: [{ model: Owner, attributes: ['nope'] }] }), /owner has no attribute "nope"/);
      await assert.rejects(Friend.findAll({ include: [{ model: Pug, through: { attributes: ['nope'] } }] }), /friendship has no attribute "nope" \(used in through\.attributes/);
    });

    test('misspelt include options and nonsense includes are errors too', async () => {
      await assert.rejects(Pug.findAll({ include: [{ model: Owner, requierd: true }] }), /Unknown include option "requierd" in the include of owner on pug/);
      await assert.rejects(Pug.findAll({ include: [{ all: 'Sometimes' }] }), /all: 'Sometimes'/);
      await assert.rejects(Pug.findAll({ include: [42] }), /Invalid include on pug: 42/);
      await assert.rejects(Pug.findAll({ include: [{ model: Owner, through: { attributes: [] } }] }), /"through" only applies to belongsToMany/);
    });
  });
}
