import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, (...args: unknown[]) => Promise<unknown>>;
const kinds = (statements: string[]) => statements.map((statement) => statement.split(' ')[0]!.toUpperCase()).filter((kind) => ['SELECT', 'INSERT', 'UPDATE', 'DELETE'].includes(kind));

// Return values observed on sequelize@6.37 (sqlite3) for the same calls; see the report's table.
for (const dialect of testDialects) {
  describe(`belongsTo and hasOne accessors on ${dialect}`, () => {
    let db: Sequelize;
    let Pug: ModelStatic;
    let Owner: ModelStatic;
    let Collar: ModelStatic;
    let pug: Row;
    let owner: Model;
    const sql = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Pug = db.define('pug', { name: DataTypes.STRING });
      Owner = db.define('owner', { name: DataTypes.STRING });
      Collar = db.define('collar', { colour: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Pug.hasOne(Collar);
      await db.sync({ force: true });
    });
    beforeEach(async () => {
      pug = (await Pug.create({ name: 'Cody' })) as Row;
      owner = await Owner.create({ name: 'Ann' });
      sql.statements.length = 0;
    });
    after(async () => {
      await db.close();
    });

    test('belongsTo set resolves with the saved source (instance or key); save: false sets without saving', async () => {
      assert.equal(await pug['setOwner']!(owner), pug);
      assert.deepEqual(kinds(sql.statements), ['UPDATE']);
      assert.equal(pug.get('ownerId'), owner.get('id'));
      assert.equal(await pug['setOwner']!(null), pug);
      await pug.reload();
      assert.equal(pug.get('ownerId'), null);
      assert.equal(await pug['setOwner']!(owner.get('id')), pug);
      sql.statements.length = 0;
      assert.equal(await pug['setOwner']!(null, { save: false }), undefined);
      assert.deepEqual(sql.statements, []);
      assert.equal(pug.get('ownerId'), null);
    });

    test('belongsTo get resolves with the target or null (no query when the key is null); takes finder options', async () => {
      assert.equal(await pug['getOwner']!(), null);
      assert.deepEqual(sql.statements, []);
      await pug['setOwner']!(owner);
      assert.equal(((await pug['getOwner']!()) as Model).get('name'), 'Ann');
      assert.deepEqual(((await pug['getOwner']!({ attributes: ['name'] })) as Model).toJSON(), { name: 'Ann' });
      assert.equal(await pug['getOwner']!({ where: { name: 'Bob' } }), null);
    });

    test('belongsTo create resolves with the created target and links the source', async () => {
      const created = (await pug['createOwner']!({ name: 'Bea' })) as Model;
      assert.ok(created instanceof Owner);
      assert.equal(pug.get('ownerId'), created.get('id'));
      await pug.reload();
      assert.equal(pug.get('ownerId'), created.get('id'));
    });

    test('hasOne set resolves with the linked target, null when unlinking or already linked; the old one is unlinked', async () => {
      const [red, blue] = await Collar.bulkCreate([{ colour: 'red' }, { colour: 'blue' }]);
      const linked = (await pug['setCollar']!(red)) as Model;
      assert.equal(linked.get('pugId'), pug.get('id'));
      assert.equal(await pug['setCollar']!(red), null);
      const byKey = (await pug['setCollar']!(blue!.get('id'))) as Model;
      assert.equal(byKey.get('id'), blue!.get('id'));
      await red!.reload();
      assert.equal(red!.get('pugId'), null);
      assert.equal(((await pug['getCollar']!()) as Model).get('colour'), 'blue');
      assert.equal(await pug['setCollar']!(null), null);
      assert.equal(await pug['getCollar']!(), null);
    });

    test('hasOne create resolves with the created target carrying the key; get takes options', async () => {
      const created = (await pug['createCollar']!({ colour: 'green' })) as Model;
      assert.ok(created instanceof Collar);
      assert.equal(created.get('pugId'), pug.get('id'));
      assert.deepEqual(((await pug['getCollar']!({ attributes: ['colour'] })) as Model).toJSON(), { colour: 'green' });
      assert.equal(await pug['getCollar']!({ where: { colour: 'red' } }), null);
    });
  });
}
