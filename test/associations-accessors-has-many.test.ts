import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, (...args: unknown[]) => Promise<unknown>>;
const names = (list: unknown) => (list as Model[]).map((item) => item.get('name'));
const kinds = (statements: string[]) => statements.map((statement) => statement.split(' ')[0]!.toUpperCase()).filter((kind) => ['SELECT', 'INSERT', 'UPDATE', 'DELETE'].includes(kind));

// Return values observed on sequelize@6.37 (sqlite3) for the same calls; see the report's table.
for (const dialect of testDialects) {
  describe(`hasMany accessors on ${dialect}`, () => {
    let db: Sequelize;
    let Pug: ModelStatic;
    let Toy: ModelStatic;
    let pug: Row;
    let toys: Model[];
    const sql = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Pug = db.define('pug', { name: DataTypes.STRING });
      Toy = db.define('toy', { name: DataTypes.STRING, colour: DataTypes.STRING }, { scopes: { red: { where: { colour: 'red' } } } });
      Pug.hasMany(Toy);
      await db.sync({ force: true });
    });
    beforeEach(async () => {
      await Toy.destroy({ truncate: true });
      pug = (await Pug.create({ name: 'Cody' })) as Row;
      toys = await Toy.bulkCreate(['ball', 'bone', 'rope', 'duck'].map((name, index) => ({ name, colour: index % 2 === 0 ? 'red' : 'blue' })));
      sql.statements.length = 0;
    });
    after(async () => {
      await db.close();
    });

    test('add (one or many, instances or keys) is one UPDATE and resolves with the source instance', async () => {
      assert.equal(await pug['addToy']!(toys[0]), pug);
      assert.equal(await pug['addToys']!([toys[1], toys[2]!.get('id')]), pug);
      assert.deepEqual(kinds(sql.statements), ['UPDATE', 'UPDATE']);
      assert.equal(await pug['addToy']!(undefined), undefined);
      assert.deepEqual(names(await pug['getToys']!({ order: [['id', 'ASC']] })), ['ball', 'bone', 'rope']);
    });

    test('set reads the current targets, then UPDATEs only what changes (as v6), and resolves with the source; null empties', async () => {
      await pug['addToys']!([toys[0], toys[1]]);
      let bulkUpdates = 0;
      Toy.addHook('beforeBulkUpdate', 'count', () => { bulkUpdates += 1; });
      try {
        sql.statements.length = 0;
        assert.equal(await pug['setToys']!([toys[1], toys[2]]), pug);
        assert.deepEqual(kinds(sql.statements), ['SELECT', 'UPDATE', 'UPDATE']);
        assert.deepEqual(names(await pug['getToys']!({ order: [['id', 'ASC']] })), ['bone', 'rope']);
        sql.statements.length = 0;
        bulkUpdates = 0;
        assert.equal(await pug['setToys']!([toys[2]!.get('id'), toys[1]]), pug);
        assert.deepEqual(kinds(sql.statements), ['SELECT'], 'nothing to change: no UPDATE, no bulk update hooks');
        assert.equal(bulkUpdates, 0);
        await pug['setToys']!([toys[1], toys[3]]);
        assert.equal(bulkUpdates, 2);
        assert.deepEqual(names(await pug['getToys']!({ order: [['id', 'ASC']] })), ['bone', 'duck']);
      } finally {
        Toy.removeHook('beforeBulkUpdate', 'count');
      }
      assert.equal(await pug['setToys']!(null), pug);
      assert.equal(await pug['countToys']!(), 0);
    });

    test('remove is one UPDATE; it resolves with the association, as Sequelize v6 does', async () => {
      await pug['addToys']!(toys);
      const result = await pug['removeToy']!(toys[0]);
      assert.equal(result, Pug.associations['toys']);
      await pug['removeToys']!([toys[1]!.get('id'), toys[2]]);
      assert.deepEqual(names(await pug['getToys']!()), ['duck']);
      await toys[0]!.reload();
      assert.equal(toys[0]!.get('pugId'), null);
    });

    test('lists longer than the parameter limit are split, never one statement per element', async () => {
      const Crumb = db.define('crumb', { n: DataTypes.INTEGER }, { timestamps: false });
      Pug.hasMany(Crumb);
      await Crumb.sync({ force: true });
      const crumbs = await Crumb.bulkCreate(Array.from({ length: 66_000 }, (_, n) => ({ n })));
      sql.statements.length = 0;
      await pug['setCrumbs']!(crumbs);
      await pug['setCrumbs']!(crumbs.slice(1));
      assert.ok(sql.statements.length < 20, `${sql.statements.length} statements`);
      assert.equal(await pug['countCrumbs']!(), 65_999);
      await crumbs[0]!.reload();
      assert.equal(crumbs[0]!.get('pugId'), null);
      await Crumb.drop();
    });

    test('create resolves with the created target carrying the key', async () => {
      const created = (await pug['createToy']!({ name: 'kong' })) as Model;
      assert.ok(created instanceof Toy);
      assert.equal(created.get('pugId'), pug.get('id'));
      assert.deepEqual(kinds(sql.statements), ['INSERT']);
    });

    test('get, count and has take finder options; scope picks a target scope', async () => {
      await pug['addToys']!(toys);
      assert.deepEqual(names(await pug['getToys']!({ where: { colour: 'red' }, order: [['name', 'DESC']] })), ['rope', 'ball']);
      assert.deepEqual(((await pug['getToys']!({ attributes: ['name'], order: [['name', 'ASC']], limit: 2 })) as Model[]).map((toy) => toy.toJSON()), [{ name: 'ball' }, { name: 'bone' }]);
      assert.deepEqual(names(await pug['getToys']!({ scope: 'red', order: [['name', 'ASC']] })), ['ball', 'rope']);
      const excluded = (await pug['getToys']!({ attributes: { exclude: ['pugId', 'createdAt', 'updatedAt'] }, order: [['name', 'ASC']] })) as Model[];
      assert.deepEqual(Object.keys(excluded[0]!.toJSON()).sort(), ['colour', 'id', 'name']);
      assert.equal(excluded.length, 4);
      const raw = (await pug['getToys']!({ raw: true, attributes: ['name'], order: [['name', 'ASC']], limit: 1 })) as unknown[];
      assert.deepEqual(raw, [{ name: 'ball' }]);
      sql.statements.length = 0;
      await pug['getToys']!({ order: [['name', 'ASC']], limit: 2 });
      assert.match(sql.statements[0]!, /LIMIT/, "one owner's limit goes to the database");
      assert.equal(await pug['countToys']!(), 4);
      assert.equal(await pug['countToys']!({ where: { colour: 'blue' } }), 2);
      assert.equal(await pug['hasToy']!(toys[0]), true);
      assert.equal(await pug['hasToys']!([toys[0], toys[1]!.get('id')]), true);
      const other = await Toy.create({ name: 'stray' });
      assert.equal(await pug['hasToys']!([toys[0], other]), false);
      assert.equal(await pug['hasToys']!([]), true);
      assert.equal(await pug['hasToy']!(null), false);
      assert.equal(await pug['hasToys']!([toys[0], null]), false);
      await assert.rejects(pug['hasToy']!(undefined), /pug\.hasToy was given undefined/);
    });
  });
}
