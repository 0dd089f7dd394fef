import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, UsageError, col, literal, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, (...args: unknown[]) => Promise<unknown>>;
const names = (rows: unknown) => (rows as Model[]).map((row) => row.get('name'));

// v6 reads a belongsToMany getter's targets joined with the join table, so its order may name join-row columns.
for (const dialect of testDialects) {
  describe(`getFriends ordered by join-row columns on ${dialect}`, () => {
    let db: Sequelize;
    let Friend: ModelStatic;
    let Friendship: ModelStatic;
    let cody: Row;
    let rex: Row;

    before(async () => {
      db = await connect(dialect);
      const Pug = db.define('pug', { name: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING });
      Friendship = db.define('friendship', { level: DataTypes.INTEGER });
      Pug.belongsToMany(Friend, { through: Friendship });
      Friend.belongsToMany(Pug, { through: Friendship });
      await db.sync({ force: true });
      [cody, rex] = (await Pug.bulkCreate([{ name: 'cody' }, { name: 'rex' }])) as Row[];
      const [f, g, h, i] = await Friend.bulkCreate([{ name: 'f' }, { name: 'g' }, { name: 'h' }, { name: 'i' }]);
      await cody!['addFriend']!(f, { through: { level: 2 } });
      await cody!['addFriend']!(g, { through: { level: 3 } });
      await cody!['addFriend']!(h, { through: { level: 1 } });
      await cody!['addFriend']!(i);
      await rex!['addFriend']!(h, { through: { level: 9 } });
      await rex!['addFriend']!(f, { through: { level: 1 } });
    });
    after(async () => {
      await db.close();
    });

    test("[[col('friendship.level'), 'DESC']] sorts by the join row, NULLs where the dialect puts them; limit/offset page after", async () => {
      const nullsFirst = db.getDialect() !== 'postgres';
      const desc = names(await cody['getFriends']!({ order: [[col('friendship.level'), 'DESC']] }));
      assert.deepEqual(desc, nullsFirst ? ['g', 'f', 'h', 'i'] : ['i', 'g', 'f', 'h']);
      const asc = names(await cody['getFriends']!({ order: [[col('friendship.level'), 'ASC']] }));
      assert.deepEqual(asc, nullsFirst ? ['i', 'h', 'f', 'g'] : ['h', 'f', 'g', 'i']);
      assert.deepEqual(names(await cody['getFriends']!({ where: { name: ['f', 'g', 'h'] }, order: [[col('friendship.level'), 'DESC']], limit: 2, offset: 1 })), ['f', 'h']);
    });

    test('a literal naming the join column, the join model or its name work too, with target attributes after them', async () => {
      const quoted = db.getDialect() === 'mysql' ? '`friendship`.`level`' : '"friendship"."level"';
      const where = { name: ['f', 'g', 'h'] };
      assert.deepEqual(names(await cody['getFriends']!({ where, order: literal(`${quoted} DESC`) })), ['g', 'f', 'h']);
      assert.deepEqual(names(await cody['getFriends']!({ where, order: [[literal(quoted), 'ASC'], ['name', 'DESC']] })), ['h', 'f', 'g']);
      assert.deepEqual(names(await cody['getFriends']!({ where, order: [[Friendship, 'level', 'DESC']] })), ['g', 'f', 'h']);
      assert.deepEqual(names(await cody['getFriends']!({ where, order: [['friendship', 'level']] })), ['h', 'f', 'g']);
      await assert.rejects(cody['getFriends']!({ order: [[col('friendship.level'), 'DESC'], [literal('random()'), 'ASC']] }), UsageError);
    });

    test('pugs asking in the same tick each get their own friends in their own join order', async () => {
      const [forCody, forRex] = await Promise.all([cody, rex].map((pug) => pug!['getFriends']!({ where: { name: ['f', 'g', 'h'] }, order: [[col('friendship.level'), 'ASC']] })));
      assert.deepEqual([names(forCody), names(forRex)], [['h', 'f', 'g'], ['f', 'h']]);
      const rows = (await rex!['getFriends']!({ order: [[col('friendship.level'), 'DESC']], joinTableAttributes: [] })) as Array<Model & { friendship?: unknown }>;
      assert.deepEqual(rows.map((row) => [row.get('name'), row.friendship]), [['h', undefined], ['f', undefined]]);
    });
  });
}
