import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Sequelize, ValidationError, type Model, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, unknown>;
const names = (rows: unknown) => (rows as Row[]).map((row) => row.get('name'));
const insertedTables = (statements: string[]) => statements.filter((statement) => statement.startsWith('INSERT')).map((statement) => /INSERT INTO [`"]?(\w+)/.exec(statement)?.[1]);
const inserts = (statements: string[], table: string) => insertedTables(statements).filter((name) => name === table).length;

for (const dialect of testDialects) {
  describe(`create with include on ${dialect}`, () => {
    let db: Sequelize;
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Friend: ModelStatic;
    let Toy: ModelStatic;
    let Collar: ModelStatic;
    let Friendship: ModelStatic;
    const sql = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', { name: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING });
      Toy = db.define('toy', { name: { type: DataTypes.STRING, allowNull: false } });
      Collar = db.define('collar', { color: DataTypes.STRING });
      Friendship = db.define('friendship', { role: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Owner.hasMany(Pug);
      Pug.hasMany(Toy);
      Pug.hasOne(Collar);
      Pug.belongsToMany(Friend, { through: Friendship });
      Friend.belongsToMany(Pug, { through: Friendship });
      await db.sync({ force: true });
    });
    after(async () => {
      await db.close();
    });

    test('hasMany with nested hasMany: one INSERT per level, keys flow down, the result carries the tree', async () => {
      sql.statements.length = 0;
      const owner = (await Owner.create(
        { name: 'Ann', pugs: [{ name: 'p1', toys: [{ name: 'ball' }, { name: 'bone' }] }, { name: 'p2', toys: [{ name: 'rope' }] }] },
        { include: [{ model: Pug, include: [Toy] }] },
      )) as Row;
      assert.equal(inserts(sql.statements, 'owners'), 1);
      assert.equal(inserts(sql.statements, 'pugs'), 1, 'both pugs in one multi-row INSERT');
      assert.equal(inserts(sql.statements, 'toys'), 1, 'all three toys in one multi-row INSERT');
      const pugs = owner['pugs'] as Row[];
      assert.deepEqual(names(pugs), ['p1', 'p2']);
      assert.ok(pugs.every((pug) => pug.get('ownerId') === owner.get('id') && typeof pug.get('id') === 'number' && !pug.isNewRecord));
      assert.deepEqual(names((pugs[0] as Row)['toys']), ['ball', 'bone']);
      const stored = (await Owner.findByPk(owner.get('id') as number, { include: [{ model: Pug, include: [Toy] }], order: [[Pug, 'name', 'ASC'], [Pug, Toy, 'name', 'ASC']] })) as Row;
      assert.deepEqual(stored.toJSON()['pugs'] && (stored['pugs'] as Row[]).map((pug) => [pug.get('name'), names(pug['toys'])]), [['p1', ['ball', 'bone']], ['p2', ['rope']]]);
      const json = owner.toJSON() as { pugs: Array<{ toys: Array<{ name: string; pugId: number }> }> };
      assert.equal(json.pugs[0]!.toys[0]!.pugId, (pugs[0] as Row).get('id'));
    });

    test('belongsTo first, then the pug, then belongsToMany targets and their join rows (with through values)', async () => {
      sql.statements.length = 0;
      const pug = (await Pug.create(
        { name: 'p3', owner: { name: 'Bob' }, collar: { color: 'red' }, friends: [{ name: 'x' }, { name: 'y', friendship: { role: 'walker' } }] },
        { include: [Owner, Collar, Friend] },
      )) as Row;
      assert.deepEqual(insertedTables(sql.statements), ['owners', 'pugs', 'collars', 'friends', 'friendships']);
      assert.equal(pug.get('ownerId'), (pug['owner'] as Row).get('id'));
      assert.equal((pug['collar'] as Row).get('pugId'), pug.get('id'));
      const loaded = (await Pug.findByPk(pug.get('id') as number, { include: [Owner, Collar, Friend], order: [[Friend, 'name', 'ASC']] })) as Row;
      assert.equal((loaded['owner'] as Row).get('name'), 'Bob');
      assert.equal((loaded['collar'] as Row).get('color'), 'red');
      const friends = loaded['friends'] as Row[];
      assert.deepEqual(names(friends), ['x', 'y']);
      assert.deepEqual(friends.map((friend) => (friend.get('friendship') as Row).get('role')), [null, 'walker']);
    });

    test('includes named by alias or association, and existing instances are linked, not inserted again', async () => {
      const existing = (await Friend.create({ name: 'old' })) as Row;
      sql.statements.length = 0;
      const pug = (await Pug.create({ name: 'p4', friends: [existing, { name: 'new' }] }, { include: ['friends'] })) as Row;
      assert.equal(inserts(sql.statements, 'friends'), 1);
      const loaded = (await Pug.findByPk(pug.get('id') as number, { include: [Pug.associations['friends']!], order: [[Friend, 'name', 'ASC']] })) as Row;
      assert.deepEqual(names(loaded['friends']), ['new', 'old']);
    });

    test('bulkCreate with include: one INSERT for the owners, one for all their pugs, one for all the toys', async () => {
      sql.statements.length = 0;
      const owners = (await Owner.bulkCreate(
        [{ name: 'O1', pugs: [{ name: 'q1', toys: [{ name: 'a' }] }, { name: 'q2' }] }, { name: 'O2', pugs: [{ name: 'q3', toys: [{ name: 'b' }, { name: 'c' }] }] }],
        { include: [{ model: Pug, include: [Toy] }] },
      )) as Row[];
      assert.deepEqual(insertedTables(sql.statements), ['owners', 'pugs', 'toys']);
      assert.deepEqual(owners.map((owner) => names(owner['pugs'])), [['q1', 'q2'], ['q3']]);
      const stored = (await Owner.findAll({ where: { name: ['O1', 'O2'] }, include: [{ model: Pug, include: [Toy] }], order: [['name', 'ASC'], [Pug, 'name', 'ASC'], [Pug, Toy, 'name', 'ASC']] })) as Row[];
      assert.deepEqual(stored.map((owner) => (owner['pugs'] as Row[]).map((pug) => [pug.get('name'), names(pug['toys'])])), [[['q1', ['a']], ['q2', []]], [['q3', ['b', 'c']]]]);
    });

    test('a failing child leaves nothing behind', async () => {
      const before = await Owner.count();
      // As v6 (which saves included records one by one): the child's own ValidationError, not an AggregateError.
      await assert.rejects(Owner.create({ name: 'Broken', pugs: [{ name: 'p5', toys: [{ name: null }] }] }, { include: [{ model: Pug, include: [Toy] }] }), ValidationError);
      assert.equal(await Owner.count(), before);
      assert.equal(await Pug.count({ where: { name: 'p5' } }), 0);
    });

    test('build with include makes instances of the included models', () => {
      const pug = Pug.build({ name: 'p6', owner: { name: 'Cy' }, friends: [{ name: 'z' }] }, { include: [Owner, Friend] }) as Row;
      assert.ok(pug['owner'] instanceof Owner && (pug['owner'] as Row).isNewRecord);
      assert.ok((pug['friends'] as Row[])[0] instanceof Friend);
      assert.deepEqual(pug.toJSON()['friends'], [{ id: null, name: 'z' }]);
    });

    test('save() of a record built with include saves what it includes, as v6', async () => {
      const pug = Pug.build({ name: 'p7', owner: { name: 'Di' }, toys: [{ name: 'kite' }], friends: [{ name: 'w' }] }, { include: [Owner, Toy, Friend] }) as Row;
      await pug.save();
      const stored = (await Pug.findByPk(pug.get('id') as number, { include: [Owner, Toy, Friend] })) as Row;
      assert.equal((stored['owner'] as Row).get('name'), 'Di');
      assert.deepEqual(names(stored['toys']), ['kite']);
      assert.deepEqual(names(stored['friends']), ['w']);
      assert.equal(pug.get('ownerId'), (stored['owner'] as Row).get('id'));
    });
  });
}
