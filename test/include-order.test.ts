import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, unknown>;
const names = (rows: unknown) => (rows as Row[]).map((row) => row.get('name'));
const nested = (rows: unknown, as: string) => (rows as Row[]).map((row) => names(row[as]));

for (const dialect of testDialects) {
  describe(`order by included columns on ${dialect}`, () => {
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
      Toy = db.define('toy', { name: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Owner.hasMany(Pug);
      Pug.hasMany(Toy);
      Pug.belongsToMany(Friend, { through: 'friendship' });
      Friend.belongsToMany(Pug, { through: 'friendship' });
      await db.sync({ force: true });
      const [zed, amy, max] = await Owner.bulkCreate([{ name: 'Zed' }, { name: 'Amy' }, { name: 'Max' }]);
      const pugs = await Pug.bulkCreate([
        { name: 'p1', ownerId: zed!.get('id') }, { name: 'p2', ownerId: amy!.get('id') },
        { name: 'p3', ownerId: max!.get('id') }, { name: 'p4', ownerId: max!.get('id') },
      ]);
      const friends = Object.fromEntries((await Friend.bulkCreate(['a', 'b', 'c', 'd', 'e'].map((name) => ({ name })))).map((friend) => [friend.get('name'), friend]));
      const link = async (pug: Model, list: string[]) => (pug as unknown as Record<string, (f: unknown) => Promise<unknown>>)['addFriends']!(list.map((name) => friends[name]));
      await link(pugs[0]!, ['d', 'b']);
      await link(pugs[1]!, ['a', 'e']);
      await link(pugs[2]!, ['c']);
      const toys: Array<[number, string]> = [[0, 't3'], [0, 't9'], [1, 't5'], [2, 't7'], [2, 't1'], [3, 't4']];
      await Toy.bulkCreate(toys.map(([pug, name]) => ({ name, pugId: pugs[pug]!.get('id') })));
    });
    after(async () => {
      await db.close();
    });

    test('[[Friend, name, ASC]] with limit: the pugs of the first friends, each with its friends in order', async () => {
      sql.statements.length = 0;
      const rows = await Pug.findAll({ include: [Friend], order: [[Friend, 'name', 'ASC NULLS LAST']], limit: 3 });
      assert.deepEqual(names(rows), ['p2', 'p1', 'p3']);
      assert.deepEqual(nested(rows, 'friends'), [['a', 'e'], ['b', 'd'], ['c']]);
      assert.equal(sql.statements.filter((statement) => statement.startsWith('SELECT')).length, 2, 'one query for the pugs, one for the friends');
    });

    test("[['friends', 'name', 'DESC']] with limit and offset orders by each pug's last friend", async () => {
      const rows = await Pug.findAll({ include: ['friends'], order: [['friends', 'name', 'DESC NULLS LAST']], limit: 2, offset: 1 });
      assert.deepEqual(names(rows), ['p1', 'p3']);
      assert.deepEqual(nested(rows, 'friends'), [['d', 'b'], ['c']]);
    });

    test('the path may be { model, as } or the association object', async () => {
      const byObject = await Pug.findAll({ include: [{ model: Friend, as: 'friends' }], order: [[{ model: Friend, as: 'friends' }, 'name', 'ASC NULLS LAST']], limit: 2 });
      assert.deepEqual(names(byObject), ['p2', 'p1']);
      const byAssociation = await Pug.findAll({ include: [Pug.associations['friends']!], order: [[Pug.associations['friends']!, 'name', 'DESC NULLS LAST']], limit: 1 });
      assert.deepEqual(names(byAssociation), ['p2']);
      assert.deepEqual(nested(byAssociation, 'friends'), [['e', 'a']]);
    });

    test("[['friends', 'name']] and [Friend, 'name'] leave the direction out (ASC), as v6 allows; ['name', 'up'] is still an error", async () => {
      const where = { name: ['p1', 'p2', 'p3'] };
      const byAlias = await Pug.findAll({ where, include: ['friends'], order: [['friends', 'name'], ['id', 'ASC']] });
      const byModel = await Pug.findAll({ where, include: [Friend], order: [[Friend, 'name'], ['id', 'ASC']] });
      for (const rows of [byAlias, byModel]) {
        assert.deepEqual(names(rows), ['p2', 'p1', 'p3']);
        assert.deepEqual(nested(rows, 'friends'), [['a', 'e'], ['b', 'd'], ['c']]);
      }
      await assert.rejects(Pug.findAll({ include: ['friends'], order: [['name', 'up']] }), /Invalid order direction 'up'/);
    });

    test('a to-one include orders the root by its column', async () => {
      const rows = await Pug.findAll({ include: [Owner], order: [[Owner, 'name', 'ASC'], ['id', 'ASC']], limit: 2 });
      assert.deepEqual(names(rows), ['p2', 'p3']);
      assert.deepEqual((rows as Row[]).map((row) => (row['owner'] as Row).get('name')), ['Amy', 'Max']);
    });

    test('a nested path orders every level: owners by their first toy, pugs by theirs, toys within pugs', async () => {
      const include = [{ model: Pug, include: [Toy] }];
      const ascending = await Owner.findAll({ include, order: [[Pug, Toy, 'name', 'ASC']], limit: 2 });
      assert.deepEqual(names(ascending), ['Max', 'Zed']);
      assert.deepEqual(nested(ascending, 'pugs'), [['p3', 'p4'], ['p1']]);
      assert.deepEqual(nested((ascending[0] as Row)['pugs'], 'toys'), [['t1', 't7'], ['t4']]);
      const descending = await Owner.findAll({ include, order: [['pugs', 'toys', 'name', 'DESC']] });
      assert.deepEqual(names(descending), ['Zed', 'Max', 'Amy']);
      assert.deepEqual(nested(descending, 'pugs'), [['p1'], ['p3', 'p4'], ['p2']]);
      assert.deepEqual(nested((descending[1] as Row)['pugs'], 'toys'), [['t7', 't1'], ['t4']]);
    });

    test('root columns first, then included ones; an include order only orders its own rows', async () => {
      const mixed = await Pug.findAll({ include: [Friend], order: [['name', 'DESC'], [Friend, 'name', 'ASC']] });
      assert.deepEqual(names(mixed), ['p4', 'p3', 'p2', 'p1']);
      assert.deepEqual(nested(mixed, 'friends'), [[], ['c'], ['a', 'e'], ['b', 'd']]);
      const own = await Pug.findAll({ include: [{ model: Friend, order: [['name', 'DESC']] }], order: [['id', 'ASC']] });
      assert.deepEqual(names(own), ['p1', 'p2', 'p3', 'p4']);
      assert.deepEqual(nested(own, 'friends'), [['d', 'b'], ['e', 'a'], ['c'], []]);
    });

    test('an unknown attribute on the include path is an error before any SQL', async () => {
      sql.statements.length = 0;
      await assert.rejects(Pug.findAll({ include: [Friend], order: [[Friend, 'nope', 'ASC']] }), /friend has no attribute "nope"/);
      await assert.rejects(Pug.findAll({ include: [Friend], order: [['pals', 'name', 'ASC']] }), /Association with alias "pals" does not exist on pug/);
      assert.equal(sql.statements.length, 0);
    });
  });
}
