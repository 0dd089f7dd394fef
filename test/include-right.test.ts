import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, unknown>;
const names = (rows: unknown) => (rows as Row[]).map((row) => row.get('name'));
const childNames = (rows: unknown, as: string) => (rows as Row[]).map((row) => names(row[as]).sort());

for (const dialect of testDialects) {
  describe(`right: true is v6's RIGHT OUTER JOIN on ${dialect}`, () => {
    let db: Sequelize;
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Toy: ModelStatic;
    let nullsFirst: boolean;

    before(async () => {
      db = await connect(dialect);
      nullsFirst = db.getDialect() !== 'postgres';
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', { name: DataTypes.STRING, rank: DataTypes.INTEGER });
      Toy = db.define('toy', { name: DataTypes.STRING, color: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Owner.hasMany(Pug);
      Pug.hasMany(Toy);
      await db.sync({ force: true });
      const [ann] = await Owner.bulkCreate([{ name: 'Ann' }, { name: 'Cy' }]);
      const pugs = await Pug.bulkCreate(['p1', 'p2', 'p3', 'p4'].map((name, i) => ({ name, rank: 4 - i, ownerId: i < 2 ? ann!.get('id') : null })));
      const id = (i: number) => pugs[i]!.get('id');
      await Toy.bulkCreate([
        { name: 'ball', color: 'red', pugId: id(0) }, { name: 'rope', color: 'blue', pugId: id(0) },
        { name: 'bone', color: 'blue', pugId: id(1) }, { name: 'duck', color: 'red', pugId: id(2) }, { name: 'cube', color: 'green', pugId: null },
      ]);
    });
    after(async () => {
      await db.close();
    });

    const withNull = (rows: unknown[], extra: unknown) => (nullsFirst ? [extra, ...rows] : [...rows, extra]);

    test('parents without a match drop out; the rows matching no parent come under one all-NULL parent, sorted as NULLs', async () => {
      const rows = await Pug.findAll({ include: [{ model: Toy, right: true }], order: [['id', 'ASC']] });
      assert.deepEqual(names(rows), withNull(['p1', 'p2', 'p3'], null));
      assert.deepEqual(childNames(rows, 'toys'), withNull([['ball', 'rope'], ['bone'], ['duck']], ['cube']));
      const orphan = (rows as Row[]).find((row) => row.get('id') === null)!;
      assert.equal(orphan.get('rank'), null);
      const desc = await Pug.findAll({ include: [{ model: Toy, right: true }], order: [['id', 'DESC']] });
      assert.deepEqual(names(desc), nullsFirst ? ['p3', 'p2', 'p1', null] : [null, 'p3', 'p2', 'p1']);
    });

    test("the root's where applies to the NULL parent; an include where makes it required (INNER) unless required: false", async () => {
      const filtered = await Pug.findAll({ where: { rank: { [Op.gte]: 3 } }, include: [{ model: Toy, right: true }], order: [['id', 'ASC']] });
      assert.deepEqual(names(filtered), ['p1', 'p2']);
      const inner = await Pug.findAll({ include: [{ model: Toy, right: true, where: { color: 'red' } }], order: [['id', 'ASC']] });
      assert.deepEqual(names(inner), ['p1', 'p3']);
      const outer = await Pug.findAll({ include: [{ model: Toy, right: true, required: false, where: { color: 'red' } }], order: [['id', 'ASC']] });
      assert.deepEqual(names(outer), withNull(['p1', 'p3'], null));
      assert.deepEqual(childNames(outer, 'toys'), withNull([['ball'], ['duck']], ['bone', 'cube', 'rope']));
    });

    test('a to-one include gives one NULL parent per unmatched row; raw rows are the join rows', async () => {
      const pugs = await Pug.findAll({ include: [{ model: Owner, right: true }], order: [['id', 'ASC']] });
      assert.deepEqual(names(pugs), withNull(['p1', 'p2'], null));
      assert.equal(((pugs as Row[]).find((row) => row.get('id') === null)!['owner'] as Row).get('name'), 'Cy');
      const raw = (await Pug.findAll({ include: [{ model: Toy, right: true }], raw: true, order: [['id', 'ASC']] })) as unknown as Record<string, unknown>[];
      assert.equal(raw.length, 5);
      assert.deepEqual(raw.filter((row) => row['id'] === null).map((row) => row['toys.name']), ['cube']);
    });

    test('limit counts matched parents; the NULL parent only joins a page that is not full', async () => {
      assert.deepEqual(names(await Pug.findAll({ include: [{ model: Toy, right: true }], order: [['id', 'ASC']], limit: 2 })), ['p1', 'p2']);
      assert.equal((await Pug.findAll({ include: [{ model: Toy, right: true }], order: [['id', 'ASC']], limit: 10 })).length, 4);
    });

    test('a nested right: true requires every include above it and adds one all-NULL root with empty includes (v6)', async () => {
      const shape = (rows: unknown) => (rows as Row[]).map((owner) => [owner.get('name'), (owner['pugs'] as Row[]).map((pug) => [pug.get('name'), names(pug['toys']).sort()])]);
      const include = [{ model: Pug, include: [{ model: Toy, right: true }] }];
      const ann = ['Ann', [['p1', ['ball', 'rope']], ['p2', ['bone']]]];
      // Cy has no pug with toys: dropped; duck (under an ownerless pug) and cube reach no owner: the NULL root.
      assert.deepEqual(shape(await Owner.findAll({ include, order: [['id', 'ASC'], [Pug, 'id', 'ASC']] })), withNull([ann], [null, []]));
      assert.deepEqual(shape(await Owner.findAll({ include, order: [['id', 'DESC'], [Pug, 'id', 'ASC']] })), nullsFirst ? [ann, [null, []]] : [[null, []], ann]);
      assert.deepEqual(shape(await Owner.findAll({ where: { name: 'Ann' }, include, order: [['id', 'ASC'], [Pug, 'id', 'ASC']] })), [ann]);
      // With a where the right include is required (INNER): only its own level is restricted.
      const inner = await Owner.findAll({ include: [{ model: Pug, include: [{ model: Toy, right: true, where: { color: 'red' } }] }], order: [['id', 'ASC']] });
      assert.deepEqual(shape(inner), [['Ann', [['p1', ['ball']]]], ['Cy', []]]);
    });
  });
}
