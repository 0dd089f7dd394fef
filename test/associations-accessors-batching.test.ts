import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, type Model, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, (...args: unknown[]) => Promise<unknown>>;
const names = (list: unknown) => (list as Model[]).map((item) => item.get('name'));
const selects = (statements: string[]) => statements.filter((statement) => statement.startsWith('SELECT')).length;

for (const dialect of testDialects) {
  describe(`per-tick batching of count, has and get with options on ${dialect}`, () => {
    let db: Sequelize;
    let pugs: Row[];
    let friends: Model[];
    let toys: Model[];
    const sql = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      const Pug = db.define('pug', { name: DataTypes.STRING });
      const Friend = db.define('friend', { name: DataTypes.STRING });
      const Toy = db.define('toy', { name: DataTypes.STRING });
      Pug.hasMany(Toy);
      Pug.belongsToMany(Friend, { through: 'friendship' });
      await db.sync({ force: true });
      pugs = (await Pug.bulkCreate([0, 1, 2, 3].map((index) => ({ name: `pug${index}` })))) as Row[];
      friends = await Friend.bulkCreate([0, 1, 2, 3].map((index) => ({ name: `friend${index}` })));
      toys = [];
      for (const [index, pug] of pugs.entries()) {
        await pug['addFriends']!(friends.slice(0, index));
        toys.push(...(await Toy.bulkCreate(Array.from({ length: index }, (_, n) => ({ name: `toy${index}.${n}`, pugId: pug.get('id') })))));
      }
    });
    after(async () => {
      await db.close();
    });

    test('countToys for every pug in one tick is one GROUP BY query', async () => {
      sql.statements.length = 0;
      const counts = await Promise.all(pugs.map((pug) => pug['countToys']!()));
      assert.deepEqual(counts, [0, 1, 2, 3]);
      assert.equal(selects(sql.statements), 1);
      assert.match(sql.statements[0]!, /GROUP BY/);
    });

    test('countFriends batches too (join rows, one query), also with a where (two queries)', async () => {
      sql.statements.length = 0;
      assert.deepEqual(await Promise.all(pugs.map((pug) => pug['countFriends']!())), [0, 1, 2, 3]);
      assert.equal(selects(sql.statements), 1);
      sql.statements.length = 0;
      assert.deepEqual(await Promise.all(pugs.map((pug) => pug['countFriends']!({ where: { name: { [Op.ne]: 'friend0' } } }))), [0, 0, 1, 2]);
      assert.equal(selects(sql.statements), 2);
    });

    test('has accessors batch, each call asking about its own targets', async () => {
      sql.statements.length = 0;
      const answers = await Promise.all(pugs.map((pug, index) => pug['hasFriends']!([friends[0], friends[Math.max(0, index - 1)]!.get('id')])));
      assert.deepEqual(answers, [false, true, true, true]);
      const toyAnswers = await Promise.all(pugs.map((pug) => pug['hasToy']!(toys[0])));
      assert.deepEqual(toyAnswers, [false, true, false, false]);
      assert.equal(selects(sql.statements), 2);
    });

    test('get with equal finder options shares one batch; each pug still gets its own page', async () => {
      sql.statements.length = 0;
      const options = () => ({ order: [['name', 'DESC']], limit: 2, attributes: ['name'] });
      const lists = await Promise.all(pugs.map((pug) => pug['getFriends']!(options())));
      assert.equal(selects(sql.statements), 2, 'join rows and friends, for all four pugs');
      assert.deepEqual(lists.map(names), [[], ['friend0'], ['friend1', 'friend0'], ['friend2', 'friend1']]);
      for (const [index, list] of lists.entries()) {
        for (const friend of list as Model[]) assert.equal((friend.get('friendship') as Model).get('pugId'), pugs[index]!.get('id'));
      }
      sql.statements.length = 0;
      const toyLists = await Promise.all(pugs.map((pug) => pug['getToys']!({ where: { name: { [Op.like]: 'toy%' } }, order: [['name', 'ASC']], offset: 1 })));
      assert.equal(selects(sql.statements), 1);
      assert.deepEqual(toyLists.map(names), [[], [], ['toy2.1'], ['toy3.1', 'toy3.2']]);
    });

    test('differing options make separate batches, each correct; calls in a transaction batch inside it', async () => {
      sql.statements.length = 0;
      const lists = await Promise.all(pugs.map((pug, index) => pug['getFriends']!({ where: { name: `friend${index % 2}` } })));
      assert.deepEqual(lists.map(names), [[], [], ['friend0'], ['friend1']]);
      assert.equal(selects(sql.statements), 4, 'two distinct options, two queries each');
      await db.transaction(async (transaction) => {
        await pugs[0]!['createToy']!({ name: 'new toy' }, { transaction });
        sql.statements.length = 0;
        const counts = await Promise.all(pugs.map((pug) => pug['countToys']!({ transaction })));
        assert.deepEqual(counts, [1, 1, 2, 3], 'the batch runs inside the transaction and sees its rows');
        assert.equal(selects(sql.statements), 1);
        throw new Error('roll back');
      }).catch((error: Error) => assert.equal(error.message, 'roll back'));
      assert.equal(await pugs[0]!['countToys']!(), 0);
    });
  });
}
