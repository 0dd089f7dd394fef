import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, unknown>;
const names = (rows: unknown) => (rows as Row[]).map((row) => row.get('name'));
const childNames = (rows: unknown, as: string) => (rows as Row[]).map((row) => names(row[as]));

for (const dialect of testDialects) {
  describe(`include.on (a custom join condition) on ${dialect}`, () => {
    let db: Sequelize;
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Toy: ModelStatic;
    let Friend: ModelStatic;

    before(async () => {
      db = await connect(dialect);
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', { name: DataTypes.STRING, rank: DataTypes.INTEGER });
      Toy = db.define('toy', { name: DataTypes.STRING, color: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Owner.hasMany(Pug);
      Pug.hasMany(Toy);
      Toy.belongsTo(Pug);
      Pug.belongsToMany(Friend, { through: 'friendship' });
      await db.sync({ force: true });
      const [ann, bob] = await Owner.bulkCreate([{ name: 'Ann' }, { name: 'Bob' }]);
      const pugs = await Pug.bulkCreate(['p1', 'p2', 'p3', 'p4'].map((name, i) => ({ name, rank: 4 - i, ownerId: i < 2 ? ann!.get('id') : bob!.get('id') })));
      const id = (i: number) => pugs[i]!.get('id');
      // Toy ids 1..5: ball, rope, bone, duck, cube.
      await Toy.bulkCreate([
        { name: 'ball', color: 'red', pugId: id(0) }, { name: 'rope', color: 'blue', pugId: id(0) },
        { name: 'bone', color: 'blue', pugId: id(1) }, { name: 'duck', color: 'red', pugId: id(2) }, { name: 'cube', color: 'green', pugId: null },
      ]);
      const [x] = await Friend.bulkCreate([{ name: 'x' }]);
      await (pugs[1] as unknown as { addFriend(friend: unknown): Promise<unknown> }).addFriend(x);
    });
    after(async () => {
      await db.close();
    });

    test('on replaces the association keys: the foreign key plus a condition, or an unrelated column match', async () => {
      const byKey = await Pug.findAll({ include: [{ model: Toy, on: { pugId: { [Op.col]: 'pug.id' }, color: 'red' } }], order: [['id', 'ASC']] });
      assert.deepEqual(childNames(byKey, 'toys'), [['ball'], [], ['duck'], []]);
      const byRank = await Pug.findAll({ include: [{ model: Toy, on: db.where(db.col('pug.rank'), Op.eq, db.col('toys.id')) }], order: [['id', 'ASC']] });
      assert.deepEqual(childNames(byRank, 'toys'), [['duck'], ['bone'], ['rope'], ['ball']]);
    });

    test('with required (or a where) the on condition decides which parents come back, before the limit; order by its column', async () => {
      const on = db.where(db.col('pug.rank'), Op.gte, db.col('toys.id'));
      const rows = await Pug.findAll({ include: [{ model: Toy, required: true, on, where: { color: 'blue' } }], order: [['id', 'ASC'], [Toy, 'id', 'ASC']], limit: 2, offset: 1 });
      assert.deepEqual(names(rows), ['p2', 'p3']);
      assert.deepEqual(childNames(rows, 'toys'), [['rope', 'bone'], ['rope']]);
      const ordered = await Pug.findAll({ include: [{ model: Toy, on }], order: [[Toy, 'id', 'DESC'], ['id', 'DESC']] });
      assert.deepEqual(names(ordered), ['p1', 'p2', 'p3', 'p4']);
      assert.deepEqual(childNames(ordered, 'toys')[0], ['duck', 'bone', 'rope', 'ball']);
      assert.equal(await Pug.count({ include: [{ model: Toy, required: true, on: db.where(db.col('pug.rank'), Op.gte, db.col('toys.id')) }], where: { rank: { [Op.lt]: 3 } } }), 2);
    });

    test('belongsTo and nested includes, with the parent named by its alias', async () => {
      const toys = await Toy.findAll({ include: [{ model: Pug, on: db.where(db.col('toy.id'), Op.eq, db.col('pug.rank')) }], order: [['id', 'ASC']] });
      assert.deepEqual((toys as Row[]).map((toy) => (toy['pug'] as Row | null)?.get('name') ?? null), ['p4', 'p3', 'p2', 'p1', null]);
      const owners = await Owner.findAll({ include: [{ model: Pug, include: [{ model: Toy, on: db.where(db.col('pugs.rank'), Op.eq, db.col('pugs->toys.id')) }] }], order: [['id', 'ASC'], [Pug, 'id', 'ASC']] });
      assert.deepEqual((owners as Row[]).map((owner) => childNames(owner['pugs'], 'toys')), [[['duck'], ['bone']], [['rope'], ['ball']]]);
    });

    test('a belongsToMany include ignores on (as v6, which joins through the join table)', async () => {
      const rows = await Pug.findAll({ include: [{ model: Friend, on: db.where(db.col('pug.id'), Op.eq, db.col('friends.id')) }], order: [['id', 'ASC']] });
      assert.deepEqual(childNames(rows, 'friends'), [[], ['x'], [], []]);
    });
  });
}
