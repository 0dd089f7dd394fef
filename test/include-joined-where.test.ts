import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, unknown>;
/** A row as name → sorted child names, recursively (children come in no fixed order without an order). */
function shape(row: Row | null, keys: string[]): unknown {
  if (!row) return null;
  const out: Record<string, unknown> = { name: row.get('name') };
  for (const key of keys) {
    const [head, ...rest] = key.split('.');
    if (rest.length > 0 || !(head! in out)) {
      const value = row[head!] as Row[] | undefined;
      if (value === undefined) continue;
      out[head!] = value.map((child) => shape(child, rest.length > 0 ? [rest.join('.')] : [])).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
  }
  return out;
}
const shapes = (rows: unknown, ...keys: string[]) => (rows as Row[]).map((row) => shape(row, keys));

for (const dialect of testDialects) {
  describe(`'$friends.name$' on to-many includes in the root where, as Sequelize's join filters, on ${dialect}`, () => {
    let db: Sequelize;
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Toy: ModelStatic;
    let Part: ModelStatic;
    let Friend: ModelStatic;
    let Gift: ModelStatic;
    const sql = captureSql();
    const byId = [['id', 'ASC']] as [string, string][];

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', { name: DataTypes.STRING, rank: DataTypes.INTEGER });
      Toy = db.define('toy', { name: DataTypes.STRING, color: DataTypes.STRING });
      Part = db.define('part', { name: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING });
      Gift = db.define('gift', { name: DataTypes.STRING });
      const Friendship = db.define('friendship', { role: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Owner.hasMany(Pug);
      Pug.hasMany(Toy);
      Toy.hasMany(Part);
      Pug.belongsToMany(Friend, { through: Friendship });
      Friend.belongsToMany(Pug, { through: Friendship });
      Friend.hasMany(Gift);
      await db.sync({ force: true });
      const [ann, bob] = await Owner.bulkCreate([{ name: 'Ann' }, { name: 'Bob' }]);
      const pugs = await Pug.bulkCreate(['p1', 'p2', 'p3', 'p4'].map((name, i) => ({ name, rank: 4 - i, ownerId: i < 2 ? ann!.get('id') : bob!.get('id') })));
      const id = (i: number) => pugs[i]!.get('id');
      const toys = await Toy.bulkCreate([
        { name: 'ball', color: 'red', pugId: id(0) }, { name: 'rope', color: 'blue', pugId: id(0) },
        { name: 'bone', color: 'blue', pugId: id(1) }, { name: 'duck', color: 'red', pugId: id(2) },
      ]);
      await Part.bulkCreate([{ name: 'knot', toyId: toys[1]!.get('id') }, { name: 'bell', toyId: toys[0]!.get('id') }, { name: 'bell', toyId: toys[3]!.get('id') }]);
      const friends = await Friend.bulkCreate([{ name: 'x' }, { name: 'y' }, { name: 'z' }]);
      await Friendship.bulkCreate([
        { pugId: id(0), friendId: friends[0]!.get('id'), role: 'walker' }, { pugId: id(0), friendId: friends[1]!.get('id'), role: 'groomer' },
        { pugId: id(1), friendId: friends[0]!.get('id'), role: 'groomer' }, { pugId: id(3), friendId: friends[2]!.get('id'), role: 'walker' },
      ]);
      await Gift.bulkCreate([{ name: 'hat', friendId: friends[0]!.get('id') }, { name: 'cap', friendId: friends[0]!.get('id') }, { name: 'hat', friendId: friends[1]!.get('id') }]);
    });
    after(async () => {
      await db.close();
    });

    test('hasMany: parents with a matching child, each with only the matching children (also required: false)', async () => {
      const expected = [{ name: 'p1', toys: [{ name: 'ball' }] }, { name: 'p3', toys: [{ name: 'duck' }] }];
      sql.statements.length = 0;
      assert.deepEqual(shapes(await Pug.findAll({ where: { '$toys.color$': 'red' }, include: [Toy], order: byId }), 'toys'), expected);
      assert.equal(sql.statements.filter((statement) => statement.startsWith('SELECT')).length, 2, 'still one query per level');
      assert.deepEqual(shapes(await Pug.findAll({ where: { '$toys.color$': 'red' }, include: [{ model: Toy, required: false }], order: byId }), 'toys'), expected);
      assert.deepEqual(shapes(await Pug.findAll({ where: db.where(db.col('toys.color'), Op.eq, 'red'), include: [Toy], order: byId }), 'toys'), expected);
    });

    test('Op.or with a root column: the root match keeps the parent with all its children; a NULL-extended row counts', async () => {
      const rows = await Pug.findAll({ where: { [Op.or]: [{ name: 'p2' }, { '$toys.color$': 'red' }] }, include: [Toy], order: byId });
      assert.deepEqual(shapes(rows, 'toys'), [{ name: 'p1', toys: [{ name: 'ball' }] }, { name: 'p2', toys: [{ name: 'bone' }] }, { name: 'p3', toys: [{ name: 'duck' }] }]);
      const none = await Pug.findAll({ where: { [Op.or]: [{ name: 'p4' }, { '$toys.color$': 'red' }] }, include: [Toy], order: byId });
      assert.deepEqual(shapes(none, 'toys'), [{ name: 'p1', toys: [{ name: 'ball' }] }, { name: 'p3', toys: [{ name: 'duck' }] }, { name: 'p4', toys: [] }]);
      assert.deepEqual(shapes(await Pug.findAll({ where: { '$toys.id$': null }, include: [Toy] }), 'toys'), [{ name: 'p4', toys: [] }]);
      const not = await Pug.findAll({ where: { [Op.not]: { '$toys.color$': 'red' } }, include: [Toy], order: byId });
      assert.deepEqual(shapes(not, 'toys'), [{ name: 'p1', toys: [{ name: 'rope' }] }, { name: 'p2', toys: [{ name: 'bone' }] }]);
    });

    test('limit/offset count parents, and count/findAndCountAll count them too', async () => {
      const first = await Pug.findAll({ where: { '$toys.color$': { [Op.in]: ['red', 'blue'] } }, include: [Toy], order: byId, limit: 1 });
      assert.deepEqual(shapes(first, 'toys'), [{ name: 'p1', toys: [{ name: 'ball' }, { name: 'rope' }] }]);
      const second = await Pug.findAll({ where: { '$toys.color$': { [Op.in]: ['red', 'blue'] } }, include: [Toy], order: byId, limit: 2, offset: 1 });
      assert.deepEqual(shapes(second), [{ name: 'p2' }, { name: 'p3' }]);
      assert.equal(await Pug.count({ where: { '$toys.color$': 'red' }, include: [Toy] }), 2);
      const { count, rows } = await Pug.findAndCountAll({ where: { '$toys.color$': 'blue' }, include: [Toy], order: byId, limit: 5 });
      assert.equal(count, 2);
      assert.deepEqual(shapes(rows, 'toys'), [{ name: 'p1', toys: [{ name: 'rope' }] }, { name: 'p2', toys: [{ name: 'bone' }] }]);
      const hidden = await Pug.findAll({ where: { '$toys.color$': 'red' }, include: [{ model: Toy, attributes: [] }], order: byId });
      assert.deepEqual(shapes(hidden), [{ name: 'p1' }, { name: 'p3' }]);
      assert.equal((hidden[0] as Row)['toys'], undefined);
    });

    test('belongsToMany, its join table, and per-link children two levels down', async () => {
      const rows = await Pug.findAll({ where: { '$friends.name$': 'x' }, include: [Friend], order: byId });
      assert.deepEqual(shapes(rows, 'friends'), [{ name: 'p1', friends: [{ name: 'x' }] }, { name: 'p2', friends: [{ name: 'x' }] }]);
      assert.equal(((rows[1] as Row)['friends'] as Row[])[0]!.get('friendship') !== undefined, true);
      const groomers = await Pug.findAll({ where: { '$friends.friendship.role$': 'groomer' }, include: [Friend], order: byId });
      assert.deepEqual(shapes(groomers, 'friends'), [{ name: 'p1', friends: [{ name: 'y' }] }, { name: 'p2', friends: [{ name: 'x' }] }]);
      // Friend x hangs under p1 and p2: under p2 the root's own match keeps both gifts, under p1 only the one that matched.
      const deep = await Pug.findAll({ where: { [Op.or]: [{ name: 'p2' }, { '$friends.gifts.name$': 'cap' }] }, include: [{ model: Friend, include: [Gift] }], order: byId });
      assert.deepEqual(shapes(deep, 'friends.gifts'), [
        { name: 'p1', friends: [{ name: 'x', gifts: [{ name: 'cap' }] }] },
        { name: 'p2', friends: [{ name: 'x', gifts: [{ name: 'cap' }, { name: 'hat' }] }] },
      ]);
    });

    test('two to-many branches in one Op.or filter each other as the joined rows do', async () => {
      const rows = await Pug.findAll({ where: { [Op.or]: [{ '$toys.color$': 'red' }, { '$friends.name$': 'y' }] }, include: [Toy, Friend], order: byId });
      assert.deepEqual(shapes(rows, 'toys', 'friends'), [
        { name: 'p1', toys: [{ name: 'ball' }, { name: 'rope' }], friends: [{ name: 'x' }, { name: 'y' }] },
        { name: 'p3', toys: [{ name: 'duck' }], friends: [] },
      ]);
      const mixed = await Pug.findAll({ where: { [Op.or]: [{ '$toys.color$': 'blue' }, { '$toys.parts.name$': 'bell' }] }, include: [{ model: Toy, include: [Part] }], order: byId });
      assert.deepEqual(shapes(mixed, 'toys.parts'), [
        { name: 'p1', toys: [{ name: 'ball', parts: [{ name: 'bell' }] }, { name: 'rope', parts: [{ name: 'knot' }] }] },
        { name: 'p2', toys: [{ name: 'bone', parts: [] }] },
        { name: 'p3', toys: [{ name: 'duck', parts: [{ name: 'bell' }] }] },
      ]);
    });

    test('a to-one hop before the to-many one, an include where and a required nested include take part', async () => {
      const owners = await Owner.findAll({ where: { '$pugs.toys.color$': 'red' }, include: [{ model: Pug, include: [Toy] }], order: byId });
      assert.deepEqual(shapes(owners, 'pugs.toys'), [{ name: 'Ann', pugs: [{ name: 'p1', toys: [{ name: 'ball' }] }] }, { name: 'Bob', pugs: [{ name: 'p3', toys: [{ name: 'duck' }] }] }]);
      const rows = await Pug.findAll({ where: { [Op.or]: [{ '$friends.name$': 'y' }, { rank: 1 }] }, include: [{ model: Friend, where: { name: { [Op.ne]: 'x' } }, required: false }], order: byId });
      assert.deepEqual(shapes(rows, 'friends'), [{ name: 'p1', friends: [{ name: 'y' }] }, { name: 'p4', friends: [{ name: 'z' }] }]);
      const gifted = await Pug.findAll({ where: { '$friends.name$': ['x', 'y', 'z'] }, include: [{ model: Friend, include: [{ model: Gift, required: true }] }], order: byId });
      assert.deepEqual(shapes(gifted, 'friends'), [{ name: 'p1', friends: [{ name: 'x' }, { name: 'y' }] }, { name: 'p2', friends: [{ name: 'x' }] }]);
      const both = await Pug.findAll({ where: { name: ['p1', 'p3'], '$toys.color$': 'red', '$owner.name$': 'Bob' }, include: [Toy, Owner] });
      assert.deepEqual(shapes(both, 'toys'), [{ name: 'p3', toys: [{ name: 'duck' }] }]);
    });

    test("order by a to-many included column written as col('toys.name') or '$toys.name$' orders as the include path", async () => {
      for (const target of [db.col('toys.name'), '$toys.name$']) {
        const rows = await Pug.findAll({ include: [Toy], order: [[target, 'DESC'], ['id', 'ASC']], where: { id: { [Op.ne]: null } } });
        const names = (rows as Row[]).map((row) => row.get('name'));
        assert.deepEqual(names.filter((name) => name !== 'p4'), ['p1', 'p3', 'p2']);
        assert.deepEqual(((rows as Row[]).find((row) => row.get('name') === 'p1')!['toys'] as Row[]).map((toy) => toy.get('name')), ['rope', 'ball']);
      }
    });

    test('an order by the referenced include sorts parents by their first matching included row, as the filtered join', async () => {
      const rows = await Pug.findAll({ where: { '$toys.color$': 'blue' }, include: [Toy], order: [[Toy, 'name', 'ASC'], ['id', 'ASC']] });
      assert.deepEqual(shapes(rows, 'toys'), [{ name: 'p2', toys: [{ name: 'bone' }] }, { name: 'p1', toys: [{ name: 'rope' }] }]);
      const either = await Pug.findAll({ where: { [Op.or]: [{ '$toys.color$': 'red' }, { name: 'p2' }] }, include: [Toy], order: [[Toy, 'name', 'DESC'], ['id', 'ASC']] });
      assert.deepEqual(shapes(either), [{ name: 'p3' }, { name: 'p2' }, { name: 'p1' }]);
      const limited = await Pug.findAll({ where: { '$toys.color$': 'blue' }, include: [Toy], order: [[Toy, 'name', 'ASC'], ['id', 'ASC']], limit: 1 });
      assert.deepEqual(shapes(limited), [{ name: 'p2' }]);
    });

    test('a separate include cannot be referred to from the root where', async () => {
      await assert.rejects(Pug.findAll({ where: { '$toys.color$': 'red' }, include: [{ model: Toy, separate: true }] }), /include "toys", which has separate: true/);
      await assert.rejects(Pug.findAll({ include: [{ model: Toy, separate: true }], attributes: ['id', [db.fn('COUNT', db.col('toys.name')), 'n']], group: ['pug.id'] }), /include "toys", which has separate: true/);
    });
  });

  describe(`'$toys.name$' with soft-deleted included rows on ${dialect}`, () => {
    let db: Sequelize;
    let Pug: ModelStatic;
    let Toy: ModelStatic;
    before(async () => {
      db = await connect(dialect);
      Pug = db.define('pug', { name: DataTypes.STRING });
      Toy = db.define('toy', { name: DataTypes.STRING }, { paranoid: true });
      Pug.hasMany(Toy);
      await db.sync({ force: true });
      const [p1, p2] = await Pug.bulkCreate([{ name: 'p1' }, { name: 'p2' }]);
      const toys = await Toy.bulkCreate([{ name: 'a', pugId: p1!.get('id') }, { name: 'b', pugId: p2!.get('id') }, { name: 'b', pugId: p1!.get('id') }]);
      await toys[1]!.destroy();
    });
    after(async () => {
      await db.close();
    });

    test('a deleted row never matches unless the include says paranoid: false (as in the join)', async () => {
      const rows = await Pug.findAll({ where: { '$toys.name$': 'b' }, include: [Toy], order: [['id', 'ASC']] });
      assert.deepEqual(shapes(rows, 'toys'), [{ name: 'p1', toys: [{ name: 'b' }] }]);
      const all = await Pug.findAll({ where: { '$toys.name$': 'b' }, include: [{ model: Toy, paranoid: false }], order: [['id', 'ASC']] });
      assert.deepEqual(shapes(all, 'toys'), [{ name: 'p1', toys: [{ name: 'b' }] }, { name: 'p2', toys: [{ name: 'b' }] }]);
    });
  });
}
