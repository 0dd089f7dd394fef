import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, unknown>;
const names = (rows: unknown) => (rows as Row[]).map((row) => row.get('name'));
const selects = (statements: string[]) => statements.filter((statement) => statement.startsWith('SELECT')).length;

for (const dialect of testDialects) {
  describe(`required includes restrict the root query on ${dialect}`, () => {
    let db: Sequelize;
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Friend: ModelStatic;
    let Toy: ModelStatic;
    const sql = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', { name: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING });
      Toy = db.define('toy', { name: DataTypes.STRING, color: DataTypes.STRING });
      const Friendship = db.define('friendship', { role: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Owner.hasMany(Pug);
      Pug.hasMany(Toy);
      Pug.belongsToMany(Friend, { through: Friendship });
      Friend.belongsToMany(Pug, { through: Friendship });
      await db.sync({ force: true });
      const [ann, bob] = await Owner.bulkCreate([{ name: 'Ann' }, { name: 'Bob' }]);
      // p1..p6 in id order; only p2, p4 and p6 have a red toy; p1 has toys, none red.
      const pugs = await Pug.bulkCreate(['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((name, index) => ({ name, ownerId: index < 3 ? ann!.get('id') : index === 3 ? bob!.get('id') : null })));
      const id = (index: number) => pugs[index]!.get('id');
      await Toy.bulkCreate([
        { name: 'ball', color: 'blue', pugId: id(0) }, { name: 'rope', color: 'green', pugId: id(0) },
        { name: 'bone', color: 'red', pugId: id(1) }, { name: 'duck', color: 'blue', pugId: id(1) },
        { name: 'ring', color: 'red', pugId: id(3) }, { name: 'cube', color: 'red', pugId: id(5) },
      ]);
      const friends = await Friend.bulkCreate([{ name: 'x' }, { name: 'y' }]);
      await Friendship.bulkCreate([
        { pugId: id(0), friendId: friends[0]!.get('id'), role: 'walker' },
        { pugId: id(2), friendId: friends[1]!.get('id'), role: 'groomer' },
        { pugId: id(4), friendId: friends[0]!.get('id'), role: 'groomer' },
      ]);
    });
    after(async () => {
      await db.close();
    });

    test('a where on a hasMany include keeps only matching pugs, and limit/offset page over them', async () => {
      const include = [{ model: Toy, where: { color: 'red' } }];
      const first = await Pug.findAll({ include, order: [['id', 'ASC']], limit: 2 });
      assert.deepEqual(names(first), ['p2', 'p4']);
      const second = await Pug.findAll({ include, order: [['id', 'ASC']], limit: 2, offset: 2 });
      assert.deepEqual(names(second), ['p6']);
      assert.deepEqual(names((first[0] as Row)['toys']), ['bone'], 'children are filtered by the where too');
    });

    test('required: true without a where drops pugs that have none, before the limit', async () => {
      sql.statements.length = 0;
      const rows = await Pug.findAll({ include: [{ model: Toy, required: true }], order: [['id', 'ASC']], limit: 3 });
      assert.deepEqual(names(rows), ['p1', 'p2', 'p4']);
      assert.deepEqual(names((rows[0] as Row)['toys']), ['ball', 'rope']);
      assert.equal(selects(sql.statements), 2, 'one query for the pugs, one for their toys');
      assert.match(sql.statements[0]!, /EXISTS/);
    });

    test('required: false with a where keeps every pug and filters only the children', async () => {
      const rows = await Pug.findAll({ include: [{ model: Toy, where: { color: 'red' }, required: false }], order: [['id', 'ASC']] });
      assert.deepEqual(names(rows), ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
      assert.deepEqual((rows as Row[]).map((row) => names(row['toys'])), [[], ['bone'], [], ['ring'], [], ['cube']]);
    });

    test('a through.where filters the join rows only (v6); with required: true the limit counts matching pugs', async () => {
      const all = await Pug.findAll({ include: [{ model: Friend, through: { where: { role: 'groomer' } } }], order: [['id', 'ASC']] });
      assert.deepEqual((all as Row[]).map((row) => names(row['friends'])), [[], [], ['y'], [], ['x'], []]);
      const rows = await Pug.findAll({ include: [{ model: Friend, required: true, through: { where: { role: 'groomer' } } }], order: [['id', 'DESC']], limit: 1 });
      assert.deepEqual(names(rows), ['p5']);
      const friends = (rows[0] as Row)['friends'] as Row[];
      assert.deepEqual(names(friends), ['x']);
      assert.equal((friends[0]!.get('friendship') as Row).get('role'), 'groomer');
    });

    test('a where on the target of a belongsToMany include', async () => {
      const rows = await Pug.findAll({ include: [{ model: Friend, where: { name: 'x' } }], order: [['id', 'ASC']], offset: 1 });
      assert.deepEqual(names(rows), ['p5']);
    });

    test('a required belongsTo restricts too; a nested required include restricts its own level only', async () => {
      const withBob = await Pug.findAll({ include: [{ model: Owner, where: { name: 'Bob' } }] });
      assert.deepEqual(names(withBob), ['p4']);
      // As in Sequelize: the owner is not required, so every pug stays; an owner without a red-toy pug is null.
      const rows = await Pug.findAll({
        include: [{ model: Owner, include: [{ model: Pug, where: { name: 'p2' } }] }],
        order: [['id', 'ASC']],
      });
      assert.deepEqual(names(rows), ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
      assert.deepEqual((rows as Row[]).map((row) => (row['owner'] as Row | null)?.get('name') ?? null), ['Ann', 'Ann', 'Ann', null, null, null]);
      assert.deepEqual(names(((rows[0] as Row)['owner'] as Row)['pugs']), ['p2']);
      // Also with a limit (v6's subquery mode would drop pugs without a match there): the root is not restricted.
      const limited = await Pug.findAll({ include: [{ model: Owner, include: [{ model: Pug, where: { name: 'p2' } }] }], order: [['id', 'DESC']], limit: 2 });
      assert.deepEqual(names(limited), ['p6', 'p5']);
      const nestedRequired = await Pug.findAll({
        include: [{ model: Owner, required: true, include: [{ model: Pug, where: { name: 'p4' } }] }],
        order: [['id', 'ASC']],
      });
      assert.deepEqual(names(nestedRequired), ['p4']);
    });

    test('findAndCountAll counts pugs, not joined rows, with and without a where on the include', async () => {
      const all = await Pug.findAndCountAll({ include: [Toy, Friend], limit: 2, order: [['id', 'ASC']] });
      assert.equal(all.count, 6);
      assert.deepEqual(names(all.rows), ['p1', 'p2']);
      const red = await Pug.findAndCountAll({ include: [{ model: Toy, where: { color: { [Op.in]: ['red', 'blue'] } } }], limit: 1, order: [['id', 'ASC']] });
      assert.equal(red.count, 4, 'p1, p2, p4, p6 have a red or blue toy; p2 has two');
      assert.deepEqual(names(red.rows), ['p1']);
      const distinct = await Pug.findAndCountAll({ include: [{ model: Toy, required: true }], distinct: true, col: 'id' });
      assert.equal(distinct.count, 4);
      assert.equal(distinct.rows.length, 4);
      assert.equal(await Pug.count({ include: [{ model: Toy, where: { color: 'red' } }] }), 3);
    });

    test("'$owner.name$' in the root's where and attributes joins the to-one include; a to-many include with its own limit cannot be joined", async () => {
      const rows = await Pug.findAll({ where: { '$owner.name$': 'Ann' }, include: [Owner], attributes: ['name', [db.col('owner.name'), 'ownerName']], order: [['id', 'DESC']], limit: 2 });
      assert.deepEqual(names(rows), ['p3', 'p2']);
      assert.equal((rows[0] as Row).get('ownerName'), 'Ann');
      assert.equal(((rows[0] as Row)['owner'] as Row).get('name'), 'Ann');
      assert.equal(await Pug.count({ where: { '$owner.name$': 'Bob' }, include: [Owner] }), 1);
      await assert.rejects(Pug.findAll({ include: [{ model: Toy, limit: 1 }], attributes: ['name', [db.col('toys.color'), 'color']] }), /include "toys", which has its own limit/);
    });

    test('attributes: [] on a required include filters without loading it', async () => {
      sql.statements.length = 0;
      const rows = await Pug.findAll({ include: [{ model: Toy, attributes: [], where: { color: 'red' } }], order: [['id', 'ASC']] });
      assert.deepEqual(names(rows), ['p2', 'p4', 'p6']);
      assert.equal(selects(sql.statements), 1);
      assert.equal((rows[0] as Row).get('toys'), undefined, 'Sequelize sets no key for an include read with attributes: []');
    });
  });
}
