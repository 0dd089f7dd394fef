import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, unknown>;
const names = (rows: unknown) => (rows as Row[]).map((row) => row.get('name'));
const nested = (rows: unknown, as: string) => (rows as Row[]).map((row) => names(row[as]));
const selects = (statements: string[]) => statements.filter((statement) => statement.startsWith('SELECT')).length;

for (const dialect of testDialects) {
  describe(`include options and result shape on ${dialect}`, () => {
    let db: Sequelize;
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Friend: ModelStatic;
    let Toy: ModelStatic;
    let Friendship: ModelStatic;
    const sql = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', { name: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING });
      Toy = db.define('toy', { name: DataTypes.STRING }, { paranoid: true });
      Friendship = db.define('friendship', { role: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Owner.hasMany(Pug);
      Pug.hasMany(Toy);
      Toy.belongsTo(Pug);
      Pug.belongsToMany(Friend, { through: Friendship });
      Friend.belongsToMany(Pug, { through: Friendship });
      await db.sync({ force: true });
      const [ann] = await Owner.bulkCreate([{ name: 'Ann' }]);
      const [p1, p2] = await Pug.bulkCreate([{ name: 'p1', ownerId: ann!.get('id') }, { name: 'p2' }]);
      const [x, y, z] = await Friend.bulkCreate([{ name: 'x' }, { name: 'y' }, { name: 'z' }]);
      await Friendship.bulkCreate([
        { pugId: p1!.get('id'), friendId: x!.get('id'), role: 'walker' },
        { pugId: p1!.get('id'), friendId: y!.get('id'), role: 'groomer' },
        { pugId: p1!.get('id'), friendId: z!.get('id'), role: 'sitter' },
      ]);
      const toys = await Toy.bulkCreate([{ name: 'ball', pugId: p1!.get('id') }, { name: 'bone', pugId: p1!.get('id') }, { name: 'rope', pugId: p1!.get('id') }]);
      await toys[2]!.destroy();
    });
    after(async () => {
      await db.close();
    });

    test('to-many includes are arrays (empty when none), to-one an instance or null; properties match get()', async () => {
      const [p1, p2] = (await Pug.findAll({ include: [Owner, Friend, Toy], order: [['id', 'ASC']] })) as Row[];
      assert.ok(p1!['owner'] instanceof Owner);
      assert.equal(p2!['owner'], null);
      assert.deepEqual(p2!['friends'], []);
      assert.deepEqual(p2!.get('toys'), []);
      assert.ok((p1!['friends'] as Row[])[0] instanceof Friend);
      assert.equal(p1!.get('friends'), p1!['friends']);
      const friend = (p1!['friends'] as Row[]).find((item) => item.get('name') === 'x')!;
      assert.ok(friend['friendship'] instanceof Friendship, 'the join row rides along as friend.friendship');
      assert.equal((friend['friendship'] as Row).get('role'), 'walker');
    });

    test('toJSON, get({ plain: true }) and JSON.stringify give nested plain objects; inspect prints model names', async () => {
      const pug = (await Pug.findOne({ where: { name: 'p1' }, include: [Owner, { model: Friend, where: { name: 'x' } }] })) as Row;
      const plain = pug.get({ plain: true }) as Record<string, unknown>;
      assert.equal((plain['owner'] as Record<string, unknown>)['name'], 'Ann');
      const friends = plain['friends'] as Array<Record<string, unknown>>;
      assert.equal(friends.length, 1);
      assert.equal((friends[0]!['friendship'] as Record<string, unknown>)['role'], 'walker');
      assert.ok(!(friends[0] instanceof Friend));
      assert.deepEqual(JSON.parse(JSON.stringify(pug)), JSON.parse(JSON.stringify(pug.toJSON())));
      assert.match(inspect(pug), /^pug \{[\s\S]*owner: owner \{[\s\S]*friends: \[[\s\S]*friend \{/);
    });

    test('include by model, by alias string, by association, { association }, { model, as }', async () => {
      const forms: unknown[] = [Friend, 'friends', Pug.associations['friends'], { association: 'friends' }, { association: Pug.associations['friends'] }, { model: Friend, as: 'friends' }];
      for (const include of forms) {
        const pug = (await Pug.findOne({ where: { name: 'p1' }, include: [include] })) as Row;
        assert.deepEqual([...names(pug['friends'])].sort(), ['x', 'y', 'z']);
      }
    });

    test('separate: true for hasMany and belongsToMany, with per-parent limit and order', async () => {
      sql.statements.length = 0;
      const rows = await Pug.findAll({
        include: [
          { model: Friend, separate: true, limit: 2, order: [['name', 'DESC']] },
          { model: Toy, separate: true, order: [['name', 'DESC']] },
        ],
        order: [['id', 'ASC']],
      });
      assert.deepEqual(nested(rows, 'friends'), [['z', 'y'], []]);
      assert.deepEqual(nested(rows, 'toys'), [['bone', 'ball'], []]);
      assert.equal(selects(sql.statements), 3);
      const limited = await Pug.findAll({ include: [{ model: Toy, limit: 1, order: [['name', 'ASC']] }], order: [['id', 'ASC']] });
      assert.deepEqual(nested(limited, 'toys'), [['ball'], []]);
      const separateWhere = await Pug.findAll({ include: [{ model: Toy, separate: true, where: { name: 'ball' } }], order: [['id', 'ASC']] });
      assert.deepEqual(names(separateWhere), ['p1', 'p2'], 'a separate include never filters its parents, as in Sequelize');
    });

    test('attributes on includes: a list, include/exclude, and [] (no key at all, as Sequelize)', async () => {
      const [p1] = (await Pug.findAll({ attributes: ['name'], include: [{ model: Owner, attributes: ['name'] }, { model: Toy, attributes: ['name'] }], order: [['id', 'ASC']] })) as Row[];
      assert.deepEqual(p1!.toJSON(), { name: 'p1', owner: { name: 'Ann' }, toys: [{ name: 'ball' }, { name: 'bone' }] });
      const [excluded] = (await Pug.findAll({ include: [{ model: Toy, attributes: { exclude: ['createdAt', 'updatedAt', 'deletedAt'] } }], order: [['id', 'ASC']] })) as Row[];
      assert.deepEqual(Object.keys(((excluded!['toys'] as Row[])[0]!).toJSON()).sort(), ['id', 'name', 'pugId']);
      const [none] = (await Pug.findAll({ include: [{ model: Friend, attributes: [] }], order: [['id', 'ASC']] })) as Row[];
      assert.ok(!('friends' in none!.toJSON()));
    });

    test('through: { attributes } picks join columns, [] leaves friend.friendship out', async () => {
      const [withRole] = (await Pug.findAll({ include: [{ model: Friend, attributes: ['name'], through: { attributes: ['role'] } }], order: [['id', 'ASC'], [Friend, 'name', 'ASC']] })) as Row[];
      assert.deepEqual((withRole!.toJSON()['friends'] as unknown[])[0], { name: 'x', friendship: { role: 'walker' } });
      const [without] = (await Pug.findAll({ include: [{ model: Friend, attributes: ['name'], through: { attributes: [] } }], order: [['id', 'ASC'], [Friend, 'name', 'ASC']] })) as Row[];
      assert.deepEqual(without!.toJSON()['friends'], [{ name: 'x' }, { name: 'y' }, { name: 'z' }]);
    });

    test('paranoid: false on an include also loads soft-deleted rows', async () => {
      const [p1] = (await Pug.findAll({ include: [{ model: Toy, paranoid: false }], order: [['id', 'ASC'], [Toy, 'name', 'ASC']] })) as Row[];
      assert.deepEqual(names(p1!['toys']), ['ball', 'bone', 'rope']);
    });

    test('include: { all: true } and { all: true, nested: true } stop at models already on the path', async () => {
      const [p1] = (await Pug.findAll({ include: { all: true }, order: [['id', 'ASC']] })) as Row[];
      assert.deepEqual(Object.keys(p1!.toJSON()).filter((key) => ['owner', 'toys', 'friends'].includes(key)).sort(), ['friends', 'owner', 'toys']);
      const [ann] = (await Owner.findAll({ include: [{ all: true, nested: true }] })) as Row[];
      const pug = (ann!['pugs'] as Row[])[0]!;
      assert.deepEqual(names(pug['toys']), ['ball', 'bone']);
      assert.equal([...names(pug['friends'])].length, 3);
      assert.ok(!('owner' in pug.toJSON()), 'no include back into owner');
      const [many] = (await Pug.findAll({ include: [{ all: 'Many' }], order: [['id', 'ASC']] })) as Row[];
      assert.ok(!('owner' in many!.toJSON()) && 'toys' in many!.toJSON());
    });

    test('through: { attributes: { exclude } } reads the other join-table columns (v6)', async () => {
      const [p1] = (await Pug.findAll({ include: [{ model: Friend, through: { attributes: { exclude: ['createdAt', 'updatedAt'] } } }], order: [['id', 'ASC']] })) as Row[];
      const link = ((p1!['friends'] as Row[])[0]!['friendship'] as Row).toJSON() as Record<string, unknown>;
      assert.deepEqual(Object.keys(link).sort(), ['friendId', 'pugId', 'role']);
      await assert.rejects(Pug.findAll({ include: [{ model: Friend, through: { attributes: { exclude: ['nope'] } } }] }), /friendship has no attribute "nope"/);
    });

    test('nested includes three levels deep', async () => {
      const [toy] = (await Toy.findAll({ where: { name: 'ball' }, include: [{ model: Pug, include: [{ model: Owner, include: [{ model: Pug, include: [Friend] }] }] }] })) as Row[];
      const owner = (toy!['pug'] as Row)['owner'] as Row;
      assert.equal(owner.get('name'), 'Ann');
      assert.deepEqual([...names(((owner['pugs'] as Row[])[0]!)['friends'])].sort(), ['x', 'y', 'z']);
    });

    test('raw: true flattens included columns by path, one row per included row (join row keys too, as v6); nest: true nests them', async () => {
      const flat = (await Pug.findAll({ include: [{ model: Owner, attributes: ['name'] }, { model: Friend, attributes: ['name'], through: { attributes: ['role'] } }], attributes: ['name'], raw: true, order: [['id', 'ASC'], [Friend, 'name', 'ASC']] })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual(flat, [
        { name: 'p1', 'owner.name': 'Ann', 'friends.name': 'x', 'friends.friendship.friendId': 1, 'friends.friendship.pugId': 1, 'friends.friendship.role': 'walker' },
        { name: 'p1', 'owner.name': 'Ann', 'friends.name': 'y', 'friends.friendship.friendId': 2, 'friends.friendship.pugId': 1, 'friends.friendship.role': 'groomer' },
        { name: 'p1', 'owner.name': 'Ann', 'friends.name': 'z', 'friends.friendship.friendId': 3, 'friends.friendship.pugId': 1, 'friends.friendship.role': 'sitter' },
        { name: 'p2', 'owner.name': null, 'friends.name': null, 'friends.friendship.friendId': null, 'friends.friendship.pugId': null, 'friends.friendship.role': null },
      ]);
      const nestedRows = (await Pug.findAll({ include: [{ model: Owner, attributes: ['name'] }], attributes: ['name'], raw: true, nest: true, order: [['id', 'ASC']] })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual(nestedRows, [{ name: 'p1', owner: { name: 'Ann' } }, { name: 'p2', owner: { name: null } }]);
    });
  });
}

for (const dialect of testDialects) {
  describe(`raw include rows hold v6's raw values on ${dialect}`, () => {
    let db: Sequelize;
    before(async () => {
      db = await connect(dialect);
    });
    after(async () => {
      await db.close();
    });

    test('booleans, JSON and dates of the root and of included rows are the driver`s values, as a plain query reads them (what v6 shows)', async () => {
      const Keeper = db.define('rawKeeper', { name: DataTypes.STRING, active: DataTypes.BOOLEAN, meta: DataTypes.JSON, since: DataTypes.DATE });
      const Pet = db.define('rawPet', { name: DataTypes.STRING, good: DataTypes.BOOLEAN, info: DataTypes.JSON, seen: DataTypes.DATE });
      Keeper.hasMany(Pet);
      Pet.belongsTo(Keeper);
      await db.sync({ force: true });
      const keeper = await Keeper.create({ name: 'k', active: true, meta: { a: 1 }, since: new Date('2020-01-01T00:00:00.123Z') });
      await Pet.create({ name: 'p', good: false, info: [1, 2], seen: new Date('2021-02-03T04:05:06.789Z'), rawKeeperId: keeper.get('id') });
      const quote = (name: string) => db.getQueryInterface().quoteIdentifier(name);
      const [keeperRow] = (await db.query(`SELECT ${['active', 'meta', 'since'].map(quote).join(', ')} FROM ${quote(Keeper.getTableName() as string)}`, { type: 'SELECT' })) as Array<Record<string, unknown>>;
      const [petRow] = (await db.query(`SELECT ${['good', 'info', 'seen'].map(quote).join(', ')} FROM ${quote(Pet.getTableName() as string)}`, { type: 'SELECT' })) as Array<Record<string, unknown>>;
      // A finder reads dates on every dialect where its driver does (where a plain query gets text, so does a raw row).
      const asRaw = (value: unknown, parsed: unknown) => (typeof value === 'string' ? value : parsed);
      const [flat] = (await Keeper.findAll({ raw: true, include: [Pet] })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual([flat!['active'], flat!['meta'], flat!['rawPets.good'], flat!['rawPets.info']], [keeperRow!['active'], keeperRow!['meta'], petRow!['good'], petRow!['info']]);
      assert.deepEqual(flat!['since'], asRaw(keeperRow!['since'], new Date('2020-01-01T00:00:00.123Z')));
      assert.deepEqual(flat!['rawPets.seen'], asRaw(petRow!['seen'], new Date('2021-02-03T04:05:06.789Z')));
      const [fromPet] = (await Pet.findAll({ raw: true, nest: true, include: [Keeper] })) as unknown as Array<Record<string, Record<string, unknown>>>;
      assert.deepEqual([fromPet!['good'], fromPet!['rawKeeper']!['active'], fromPet!['rawKeeper']!['meta']], [petRow!['good'], keeperRow!['active'], keeperRow!['meta']]);
      const [plain] = (await Pet.findAll({ raw: true })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual([plain!['good'], plain!['info'], plain!['seen']], [petRow!['good'], petRow!['info'], asRaw(petRow!['seen'], new Date('2021-02-03T04:05:06.789Z'))]);
    });
  });
}
