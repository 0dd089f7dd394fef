import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, unknown>;

for (const dialect of testDialects) {
  describe(`aggregates over included rows (the joined mode), as Sequelize v6 on ${dialect}`, () => {
    let db: Sequelize;
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Toy: ModelStatic;
    let Friend: ModelStatic;
    let Gift: ModelStatic;
    const sql = captureSql();
    // v6 hands COUNT back as the driver does: PostgreSQL's bigint is a string, SQLite and MySQL give numbers.
    const big = (n: number) => (dialect === 'postgres' ? String(n) : n);
    const byId = [['id', 'ASC']] as [string, string][];
    const { fn, col, literal, where } = Sequelize;
    const json = (rows: unknown) => (rows as Row[]).map((row) => row.toJSON());

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Owner = db.define('owner', { name: DataTypes.STRING }, { timestamps: false });
      Pug = db.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER }, { timestamps: false });
      Toy = db.define('toy', { name: DataTypes.STRING, price: DataTypes.INTEGER }, { timestamps: false });
      Friend = db.define('friend', { name: DataTypes.STRING }, { timestamps: false });
      Gift = db.define('gift', { name: DataTypes.STRING }, { timestamps: false });
      const Friendship = db.define('friendship', { role: DataTypes.STRING }, { timestamps: false });
      Pug.belongsTo(Owner);
      Owner.hasMany(Pug);
      Pug.hasMany(Toy);
      Pug.belongsToMany(Friend, { through: Friendship });
      Friend.belongsToMany(Pug, { through: Friendship });
      Friend.hasMany(Gift);
      await db.sync({ force: true });
      await Owner.bulkCreate([{ name: 'Ann' }, { name: 'Bob' }]);
      await Pug.bulkCreate([{ name: 'p1', age: 3, ownerId: 1 }, { name: 'p2', age: 5, ownerId: 1 }, { name: 'p3', age: 2, ownerId: 2 }, { name: 'p4', age: 7, ownerId: null }]);
      await Toy.bulkCreate([{ name: 'ball', price: 5, pugId: 1 }, { name: 'rope', price: 7, pugId: 1 }, { name: 'bone', price: 2, pugId: 2 }, { name: 'duck', price: 4, pugId: 1 }, { name: 'stick', price: 1, pugId: 3 }]);
      await Friend.bulkCreate([{ name: 'x' }, { name: 'y' }, { name: 'z' }]);
      await Friendship.bulkCreate([{ pugId: 1, friendId: 1, role: 'a' }, { pugId: 1, friendId: 2, role: 'b' }, { pugId: 2, friendId: 1, role: 'c' }, { pugId: 3, friendId: 3, role: 'd' }]);
      await Gift.bulkCreate([{ name: 'hat', friendId: 1 }, { name: 'cap', friendId: 1 }, { name: 'bow', friendId: 2 }]);
    });
    after(async () => {
      await db.close();
    });

    test('COUNT of a hasMany include in attributes.include, grouped by the root key: one query, LEFT JOIN, no include key', async () => {
      sql.statements.length = 0;
      const rows = await Pug.findAll({ attributes: { include: [[fn('COUNT', col('toys.id')), 'toyCount']] }, include: [{ model: Toy, attributes: [] }], group: ['pug.id'], order: byId });
      assert.equal(sql.statements.length, 1);
      assert.match(sql.statements[0]!, /LEFT OUTER JOIN .toys. ON/);
      assert.deepEqual(json(rows), [
        { id: 1, name: 'p1', age: 3, ownerId: 1, toyCount: big(3) }, { id: 2, name: 'p2', age: 5, ownerId: 1, toyCount: big(1) },
        { id: 3, name: 'p3', age: 2, ownerId: 2, toyCount: big(1) }, { id: 4, name: 'p4', age: 7, ownerId: null, toyCount: big(0) },
      ]);
      assert.equal((rows[0] as Row).get('toyCount'), big(3));
      assert.equal((rows[0] as Row)['toys'], undefined);
      const named = await Pug.findAll({ attributes: ['name', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [] }], group: ['pug.id', 'pug.name'], order: byId });
      assert.deepEqual(json(named), [{ name: 'p1', n: big(3) }, { name: 'p2', n: big(1) }, { name: 'p3', n: big(1) }, { name: 'p4', n: big(0) }]);
      const byCol = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [] }], group: [col('pug.id')], order: byId });
      assert.deepEqual(json(byCol).map((row) => row['n']), [big(3), big(1), big(1), big(0)]);
      // Without the primary key selected, rows are not folded (two groups of one toy each stay two rows, as in v6).
      const byAge = await Pug.findAll({ attributes: [[fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [] }], group: ['pug.age'], order: [['age', 'ASC']] });
      assert.deepEqual(json(byAge), [{ n: big(1) }, { n: big(3) }, { n: big(1) }, { n: big(0) }]);
      const byLiteral = await Pug.findAll({ attributes: ['id', [literal('COUNT(toys.id)'), 'n']], include: [{ model: Toy, attributes: [] }], group: ['pug.id'], order: byId });
      assert.deepEqual(json(byLiteral).map((row) => row['n']), [big(3), big(1), big(1), big(0)]);
    });

    test('belongsToMany: COUNT(friends.id) through the join table, with or without through: { attributes: [] }', async () => {
      for (const include of [{ model: Friend, attributes: [], through: { attributes: [] } }, { model: Friend, attributes: [] }]) {
        sql.statements.length = 0;
        const rows = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('friends.id')), 'friendCount']], include: [include], group: ['pug.id'], order: byId });
        assert.match(sql.statements[0]!, /friends->friendship/);
        assert.deepEqual(json(rows), [{ id: 1, friendCount: big(2) }, { id: 2, friendCount: big(1) }, { id: 3, friendCount: big(1) }, { id: 4, friendCount: big(0) }]);
      }
    });

    test('order by the aggregate (literal alias or the fn itself), having, and limit with subQuery: false', async () => {
      const count = fn('COUNT', col('toys.id'));
      const base = { attributes: ['id', [count, 'n']], include: [{ model: Toy, attributes: [] }], group: ['pug.id'] };
      const ids = (rows: unknown) => (rows as Row[]).map((row) => row.get('id'));
      assert.deepEqual(ids(await Pug.findAll({ ...base, order: [[literal('n'), 'DESC'], ['id', 'DESC']] })), [1, 3, 2, 4]);
      assert.deepEqual(ids(await Pug.findAll({ ...base, order: [[fn('COUNT', col('toys.id')), 'ASC'], ['id', 'ASC']] })), [4, 2, 3, 1]);
      assert.deepEqual(ids(await Pug.findAll({ ...base, having: where(fn('COUNT', col('toys.id')), Op.gte, 1), order: byId })), [1, 2, 3]);
      assert.deepEqual(ids(await Pug.findAll({ ...base, having: literal('COUNT(toys.id) >= 2'), order: byId })), [1]);
      const limited = await Pug.findAll({ ...base, order: [[literal('n'), 'DESC'], ['id', 'ASC']], limit: 2, subQuery: false });
      assert.deepEqual(json(limited), [{ id: 1, n: big(3) }, { id: 2, n: big(1) }]);
      // v6 without subQuery: false puts the limit in a subquery that cannot see toys (an SQL error); joinery limits the groups.
      assert.deepEqual(ids(await Pug.findAll({ ...base, order: byId, limit: 2, offset: 1 })), [2, 3]);
      const one = await Pug.findOne({ ...base, where: { id: 1 } }) as Row;
      assert.equal(one.get('n'), big(3));
    });

    test('raw: true gives the grouped rows; a required include is an INNER JOIN; duplicating: false changes nothing', async () => {
      const raw = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [] }], group: ['pug.id'], raw: true, order: byId });
      assert.deepEqual(raw, [{ id: 1, n: big(3) }, { id: 2, n: big(1) }, { id: 3, n: big(1) }, { id: 4, n: big(0) }]);
      const required = await Pug.findAll({ attributes: ['name', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [], required: true }], group: ['pug.id', 'pug.name'], raw: true, order: [['name', 'ASC']] });
      assert.deepEqual(required, [{ name: 'p1', n: big(3) }, { name: 'p2', n: big(1) }, { name: 'p3', n: big(1) }]);
      const filtered = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [], where: { price: { [Op.gt]: 4 } } }], group: ['pug.id'], order: byId });
      assert.deepEqual(json(filtered), [{ id: 1, n: big(2) }]);
      const duplicating = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [], duplicating: false }], group: ['pug.id'], order: byId, limit: 3 });
      assert.deepEqual(json(duplicating), [{ id: 1, n: big(3) }, { id: 2, n: big(1) }, { id: 3, n: big(1) }]);
      const byRootWhere = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [] }], where: { '$toys.price$': { [Op.gt]: 4 } }, group: ['pug.id'], order: byId });
      assert.deepEqual(json(byRootWhere), [{ id: 1, n: big(2) }]);
    });

    test('SUM and MAX of an included column: SUM as the driver gives it (a string on PostgreSQL and MySQL), MAX a number', async () => {
      const rows = await Pug.findAll({ attributes: ['id', [fn('SUM', col('toys.price')), 'total'], [fn('MAX', col('toys.price')), 'top']], include: [{ model: Toy, attributes: [] }], group: ['pug.id'], order: byId });
      const sum = (n: number) => (dialect === 'sqlite' ? n : String(n));
      assert.deepEqual(json(rows), [{ id: 1, total: sum(16), top: 7 }, { id: 2, total: sum(2), top: 2 }, { id: 3, total: sum(1), top: 1 }, { id: 4, total: null, top: null }]);
    });

    test("nested paths: col('friends->gifts.id') and col('friends.gifts.id'), and a hasMany under the root's belongsTo side", async () => {
      const include = [{ model: Friend, attributes: [], through: { attributes: [] }, include: [{ model: Gift, attributes: [] }] }];
      for (const path of ['friends->gifts.id', 'friends.gifts.id']) {
        sql.statements.length = 0;
        const rows = await Pug.findAll({ attributes: ['id', [fn('COUNT', col(path)), 'n']], include, group: ['pug.id'], order: byId });
        assert.match(sql.statements[0]!, /AS .friends->gifts./);
        assert.deepEqual(json(rows), [{ id: 1, n: big(3) }, { id: 2, n: big(2) }, { id: 3, n: big(0) }, { id: 4, n: big(0) }]);
      }
      const owners = await Owner.findAll({ attributes: ['id', [fn('COUNT', col('pugs->toys.id')), 'n']], include: [{ model: Pug, attributes: [], include: [{ model: Toy, attributes: [] }] }], group: ['owner.id'], order: byId });
      assert.deepEqual(json(owners), [{ id: 1, n: big(4) }, { id: 2, n: big(1) }]);
      const distinct = await Pug.findAll({
        attributes: ['id', [fn('COUNT', fn('DISTINCT', col('toys.id'))), 't'], [fn('COUNT', fn('DISTINCT', col('friends.id'))), 'f']],
        include: [{ model: Toy, attributes: [] }, { model: Friend, attributes: [], through: { attributes: [] } }], group: ['pug.id'], order: byId,
      });
      assert.deepEqual(json(distinct), [{ id: 1, t: big(3), f: big(2) }, { id: 2, t: big(1), f: big(1) }, { id: 3, t: big(1), f: big(1) }, { id: 4, t: big(0), f: big(0) }]);
    });

    test('includes that read attributes beside the aggregate still load (a to-one, a to-many grouped by its key)', async () => {
      const rows = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [] }, { model: Owner, attributes: ['name'] }], group: ['pug.id', 'owner.id'], order: byId });
      assert.deepEqual(json(rows), [{ id: 1, n: big(3), owner: { name: 'Ann' } }, { id: 2, n: big(1), owner: { name: 'Ann' } }, { id: 3, n: big(1), owner: { name: 'Bob' } }, { id: 4, n: big(0), owner: null }]);
      const raw = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [] }, { model: Owner, attributes: ['name'] }], group: ['pug.id', 'owner.id'], order: byId, raw: true });
      assert.deepEqual(raw, [{ id: 1, n: big(3), 'owner.name': 'Ann' }, { id: 2, n: big(1), 'owner.name': 'Ann' }, { id: 3, n: big(1), 'owner.name': 'Bob' }, { id: 4, n: big(0), 'owner.name': null }]);
      const friends = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [] }, { model: Friend, attributes: ['name'], through: { attributes: [] } }], group: ['pug.id', 'friends.id'], order: [['id', 'ASC'], [Friend, 'name', 'ASC']] });
      assert.deepEqual(json(friends), [
        { id: 1, n: big(3), friends: [{ name: 'x' }, { name: 'y' }] }, { id: 2, n: big(1), friends: [{ name: 'x' }] },
        { id: 3, n: big(1), friends: [{ name: 'z' }] }, { id: 4, n: big(0), friends: [] },
      ]);
      const toys = await Pug.findAll({ attributes: ['id'], include: [{ model: Toy, attributes: ['name'] }], group: ['pug.id', 'toys.id'], order: [['id', 'ASC'], [Toy, 'name', 'ASC']] });
      assert.deepEqual(json(toys), [{ id: 1, toys: [{ name: 'ball' }, { name: 'duck' }, { name: 'rope' }] }, { id: 2, toys: [{ name: 'bone' }] }, { id: 3, toys: [{ name: 'stick' }] }, { id: 4, toys: [] }]);
    });

    test("a root where on an included column keeps, in the includes that read attributes, only the rows of matching joined rows", async () => {
      const toys = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: ['name'] }], where: { '$toys.price$': { [Op.gt]: 4 } }, group: ['pug.id', 'toys.id'], order: [['id', 'ASC'], [Toy, 'name', 'ASC']] });
      assert.deepEqual(json(toys), [{ id: 1, n: big(1), toys: [{ name: 'ball' }, { name: 'rope' }] }]);
      const friends = await Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [] }, { model: Friend, attributes: ['name'], through: { attributes: [] } }], where: { '$friends.name$': 'x' }, group: ['pug.id', 'friends.id'], order: byId });
      assert.deepEqual(json(friends), [{ id: 1, n: big(3), friends: [{ name: 'x' }] }, { id: 2, n: big(1), friends: [{ name: 'x' }] }]);
    });

    test("an aggregate in an include's own attributes with the root grouped: one included row per root row, none without a match", async () => {
      const rows = await Pug.findAll({ attributes: ['id'], include: [{ model: Toy, attributes: [[fn('COUNT', col('toys.id')), 'toyCount']] }], group: ['pug.id'], order: byId });
      assert.deepEqual(json(rows), [{ id: 1, toys: [{ toyCount: big(3) }] }, { id: 2, toys: [{ toyCount: big(1) }] }, { id: 3, toys: [{ toyCount: big(1) }] }, { id: 4, toys: [] }]);
      assert.equal(((rows[0] as Row)['toys'] as Row[])[0]!.get('toyCount'), big(3));
      const raw = await Pug.findAll({ attributes: ['id'], include: [{ model: Toy, attributes: [[fn('COUNT', col('toys.id')), 'toyCount']] }], group: ['pug.id'], order: byId, raw: true });
      assert.deepEqual(raw, [{ id: 1, 'toys.toyCount': big(3) }, { id: 2, 'toys.toyCount': big(1) }, { id: 3, 'toys.toyCount': big(1) }, { id: 4, 'toys.toyCount': big(0) }]);
    });

    test('includeIgnoreAttributes: false reads every include as attributes: [] (no include key, joined for the aggregate)', async () => {
      const rows = await Pug.findAll({ includeIgnoreAttributes: false, attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [Toy], group: ['pug.id'], order: byId });
      assert.deepEqual(json(rows), [{ id: 1, n: big(3) }, { id: 2, n: big(1) }, { id: 3, n: big(1) }, { id: 4, n: big(0) }]);
      const raw = await Pug.findAll({ includeIgnoreAttributes: false, attributes: ['id', [fn('COUNT', col('friends.id')), 'n']], include: [Friend], group: ['pug.id'], order: byId, raw: true });
      assert.deepEqual(raw, [{ id: 1, n: big(2) }, { id: 2, n: big(1) }, { id: 3, n: big(1) }, { id: 4, n: big(0) }]);
      const filtered = await Pug.findAll({ includeIgnoreAttributes: false, include: [{ model: Toy, required: true }], order: byId });
      assert.deepEqual(json(filtered).map((row) => row['name']), ['p1', 'p2', 'p3']);
      assert.equal((filtered[0] as Row)['toys'], undefined);
    });

    test('a literal naming an included alias (not a subquery) joins that include, as v6 has it joined', async () => {
      const q = (name: string) => (dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
      const toys = await Pug.findAll({ attributes: ['id', [literal('COUNT(DISTINCT(toys.id))'), 'n']], include: [{ model: Toy, attributes: ['name'] }], group: ['pug.id', 'toys.id'], order: [['id', 'ASC'], [Toy, 'name', 'ASC']] });
      assert.deepEqual(json(toys), [
        { id: 1, n: big(1), toys: [{ name: 'ball' }, { name: 'duck' }, { name: 'rope' }] }, { id: 2, n: big(1), toys: [{ name: 'bone' }] },
        { id: 3, n: big(1), toys: [{ name: 'stick' }] }, { id: 4, n: big(0), toys: [] },
      ]);
      assert.deepEqual(await Pug.findAll({ attributes: [[literal('COUNT(toys.id)'), 'n']], include: [{ model: Toy, attributes: [] }], raw: true }), [{ n: big(5) }]);
      const nested = await Pug.findAll({ attributes: ['id', [literal(`COUNT(${q('friends->gifts')}.${q('id')})`), 'n']], include: [{ model: Friend, attributes: [], through: { attributes: [] }, include: [{ model: Gift, attributes: [] }] }], group: ['pug.id'], order: byId, raw: true });
      assert.deepEqual(nested, [{ id: 1, n: big(3) }, { id: 2, n: big(2) }, { id: 3, n: big(0) }, { id: 4, n: big(0) }]);
      // A subquery names its own tables: the include still loads per level and the limit counts pugs.
      const sub = await Pug.findAll({ attributes: ['id', [literal(`(SELECT COUNT(*) FROM toys WHERE toys.${q('pugId')} = pug.id)`), 'n']], include: [{ model: Toy, attributes: ['name'] }], order: [['id', 'ASC'], [Toy, 'id', 'ASC']], limit: 2 });
      assert.deepEqual(json(sub), [{ id: 1, n: big(3), toys: [{ name: 'ball' }, { name: 'rope' }, { name: 'duck' }] }, { id: 2, n: big(1), toys: [{ name: 'bone' }] }]);
    });

    test('count({ include, group }) counts joined rows per group, as v6 (1 for a pug without toys); findAndCountAll too', async () => {
      const sorted = (rows: unknown) => (rows as Array<Record<string, unknown>>).slice().sort((a, b) => Number(a['id']) - Number(b['id']));
      assert.deepEqual(sorted(await Pug.count({ include: [Toy], group: ['pug.id'] })), [{ id: 1, count: 3 }, { id: 2, count: 1 }, { id: 3, count: 1 }, { id: 4, count: 1 }]);
      assert.deepEqual(sorted(await Pug.count({ include: [{ model: Toy, where: { price: { [Op.gt]: 3 } } }], group: ['pug.id'] })), [{ id: 1, count: 3 }]);
      assert.deepEqual(sorted(await Pug.count({ include: [Toy], group: ['pug.id'], distinct: true, col: 'toys.id' })), [{ id: 1, count: 3 }, { id: 2, count: 1 }, { id: 3, count: 1 }, { id: 4, count: 0 }]);
      assert.deepEqual(sorted(await Pug.count({ include: [Toy], group: ['pug.id'], distinct: true })), [{ id: 1, count: 1 }, { id: 2, count: 1 }, { id: 3, count: 1 }, { id: 4, count: 1 }]);
      const page = await Pug.findAndCountAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, attributes: [] }], group: ['pug.id'], order: byId });
      assert.deepEqual(sorted(page.count), [{ id: 1, count: 3 }, { id: 2, count: 1 }, { id: 3, count: 1 }, { id: 4, count: 1 }]);
      assert.deepEqual(json(page.rows).map((row) => row['n']), [big(3), big(1), big(1), big(0)]);
      // Without group the count stays one per root row (joinery's documented difference).
      assert.equal(await Pug.count({ include: [Toy] }), 4);
    });

    test("sum/max/min/aggregate with includes run over the joined rows, as v6 ('toys.price', 'friends.id'; numbers)", async () => {
      const toys = [{ model: Toy, attributes: [] }];
      assert.equal(await Pug.sum('toys.price', { include: toys }), 19);
      assert.equal(await Pug.max('toys.price', { include: toys }), 7);
      assert.equal(await Pug.min('toys.price', { include: toys, where: { id: 1 } }), 4);
      assert.equal(await Pug.max('friends.id', { include: [{ model: Friend, attributes: [], through: { attributes: [] } }] }), 3);
      assert.equal(await Pug.aggregate('toys.id', 'count', { include: toys }), 5);
      assert.equal(await Pug.aggregate('toys.pugId', 'count', { include: toys, distinct: true }), 3);
      // A root column over a required include: one value per joined row, as v6's INNER JOIN gives (3 × 3 + 5 + 2).
      assert.equal(await Pug.sum('age', { include: [{ model: Toy, attributes: [], required: true }] }), 16);
      await assert.rejects(Pug.sum('toys.weight', { include: toys }), /toy has no attribute "weight"/);
    });

    test('a to-many include with separate: true or its own limit cannot be aggregated over (an error before any SQL)', async () => {
      sql.statements.length = 0;
      await assert.rejects(Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, separate: true }], group: ['pug.id'] }), /include "toys", which has separate: true/);
      await assert.rejects(Pug.findAll({ attributes: ['id', [fn('COUNT', col('toys.id')), 'n']], include: [{ model: Toy, limit: 2 }], group: ['pug.id'] }), /include "toys", which has its own limit/);
      assert.equal(sql.statements.length, 0);
    });
  });
}
