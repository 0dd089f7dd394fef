import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, unknown>;
const names = (rows: unknown) => (rows as Row[]).map((row) => row.get('name'));
const childNames = (rows: unknown, as: string) => (rows as Row[]).map((row) => names(row[as]));

// v6's eager-loading docs: an include's where may compare with the parent's columns (`col('project.state')`).
for (const dialect of testDialects) {
  describe(`an include's where naming its parent's columns on ${dialect}`, () => {
    let db: Sequelize;
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Toy: ModelStatic;
    let Friend: ModelStatic;

    before(async () => {
      db = await connect(dialect);
      Owner = db.define('owner', { name: DataTypes.STRING, rank: DataTypes.INTEGER });
      Pug = db.define('pug', { name: DataTypes.STRING, rank: DataTypes.INTEGER });
      Toy = db.define('toy', { name: DataTypes.STRING, rank: DataTypes.INTEGER });
      Friend = db.define('friend', { name: DataTypes.STRING, rank: DataTypes.INTEGER });
      Pug.belongsTo(Owner);
      Owner.hasMany(Pug);
      Pug.hasMany(Toy);
      Pug.belongsToMany(Friend, { through: 'friendship' });
      await db.sync({ force: true });
      const [ann, bob] = await Owner.bulkCreate([{ name: 'Ann', rank: 1 }, { name: 'Bob', rank: 2 }]);
      const pugs = await Pug.bulkCreate(['p1', 'p2', 'p3', 'p4'].map((name, i) => ({ name, rank: 4 - i, ownerId: (i < 2 ? ann : bob)!.get('id') })));
      await Toy.bulkCreate([
        { name: 'ball', rank: 1, pugId: pugs[0]!.get('id') }, { name: 'rope', rank: 5, pugId: pugs[0]!.get('id') },
        { name: 'bone', rank: 3, pugId: pugs[1]!.get('id') }, { name: 'duck', rank: 4, pugId: pugs[2]!.get('id') },
      ]);
      const friends = await Friend.bulkCreate([{ name: 'x', rank: 1 }, { name: 'y', rank: 3 }]);
      for (const pug of pugs.slice(0, 2)) await (pug as unknown as { addFriends(list: unknown[]): Promise<unknown> }).addFriends(friends);
    });
    after(() => db.close());

    test('hasMany: the rows compare with their own parent, required keeps only parents with a match', async () => {
      const where = { rank: { [Op.lte]: Sequelize.col('pug.rank') } };
      const all = await Pug.findAll({ include: [{ model: Toy, where, required: false }], order: [['id', 'ASC'], [Toy, 'name', 'ASC']] });
      assert.deepEqual(childNames(all, 'toys'), [['ball'], ['bone'], [], []]);
      const required = await Pug.findAll({ include: [{ model: Toy, where }], order: [['id', 'ASC']] });
      assert.deepEqual(names(required), ['p1', 'p2']);
      assert.equal(await Pug.count({ include: [{ model: Toy, where }] }), 2);
    });

    test('belongsTo: pugs sharing an owner each get it only where their own row matches', async () => {
      const pugs = await Pug.findAll({ include: [{ model: Owner, required: false, where: { rank: { [Op.gt]: Sequelize.col('pug.rank') } } }], order: [['id', 'ASC']] });
      assert.deepEqual(pugs.map((pug) => ((pug as Row)['owner'] as Row | null)?.get('name') ?? null), [null, null, null, 'Bob']);
      const bobs = await Pug.findAll({ include: [{ model: Owner, where: { rank: { [Op.gt]: Sequelize.col('pug.rank') } } }], order: [['id', 'ASC']] });
      assert.deepEqual(names(bobs), ['p4']);
    });

    test('belongsToMany and nested levels compare with the level above', async () => {
      const pugs = await Pug.findAll({ include: [{ model: Friend, required: false, where: { rank: { [Op.lt]: Sequelize.col('pug.rank') } } }], order: [['id', 'ASC'], [Friend, 'name', 'ASC']] });
      assert.deepEqual(childNames(pugs, 'friends'), [['x', 'y'], ['x'], [], []]);
      const owners = await Owner.findAll({
        include: [{ model: Pug, include: [{ model: Toy, where: { rank: { [Op.gt]: Sequelize.col('pugs.rank') } } }] }],
        order: [['id', 'ASC'], [Pug, 'name', 'ASC']],
      });
      assert.deepEqual(owners.map((owner) => childNames((owner as Row)['pugs'], 'toys')), [[['rope']], [['duck']]]);
    });
  });
}
