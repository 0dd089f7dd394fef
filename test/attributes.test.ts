import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Op, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';
import { names, seedPugs } from './setup/finder-fixtures.js';

const { col, fn, literal, cast, where } = Sequelize;
const json = (rows: readonly Model[]) => rows.map((row) => row.toJSON() as Record<string, unknown>);


/** A BOOLEAN in a raw row: v6 hands back the driver's 1/0 on SQLite and MySQL, true/false on PostgreSQL. */
const truth = (value: unknown) => (value === null ? null : Boolean(value));
for (const dialect of testDialects) {
  describe(`attributes, order, group and having on ${dialect}`, () => {
    let sequelize: Sequelize;
    let Pug: ModelStatic<Model>;
    const sql = captureSql();

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
      Pug = await seedPugs(sequelize);
    });
    after(async () => {
      await sequelize.close();
    });

    test('a list of attributes selects only those', async () => {
      const rows = await Pug.findAll({ attributes: ['name', 'otherAge'], order: [['id', 'ASC']], limit: 2 });
      assert.deepEqual(json(rows), [{ name: 'Cody', otherAge: 3 }, { name: 'ella', otherAge: 5 }]);
    });

    test('include adds computed attributes; exclude removes attributes', async () => {
      const [cody] = await Pug.findAll({ attributes: { include: [[literal('age * 2'), 'double']] }, where: { name: 'Cody' } });
      assert.equal(cody!.get('name'), 'Cody');
      assert.equal(Number(cody!.get('double')), 6);
      const [ella] = await Pug.findAll({ attributes: { exclude: ['meta', 'born', 'createdAt', 'updatedAt'] }, where: { name: 'ella' } });
      // The VIRTUAL label is not excluded, so it stays, as in Sequelize.
      assert.deepEqual(Object.keys(ella!.toJSON()).sort(), ['age', 'good', 'id', 'label', 'name', 'otherAge', 'score']);
    });

    test('aliases: [attribute, alias], [fn, alias], [col, alias], [cast, alias]', async () => {
      const rows = await Pug.findAll({
        attributes: ['id', ['name', 'title'], [fn('upper', col('name')), 'shout'], [col('age'), 'years'], [cast(col('age'), 'CHAR'), 'ageText']],
        where: { name: ['Cody', 'ella'] },
        order: [['id', 'ASC']],
      });
      assert.deepEqual(rows.map((row) => [row.get('title'), row.get('shout'), row.get('years'), row.get('ageText')]), [
        ['Cody', 'CODY', 3, '3'],
        ['ella', 'ELLA', 5, '5'],
      ]);
      assert.equal(rows[0]!.toJSON()['title'], 'Cody');
    });

    test('[fn(COUNT), alias] alone counts; raw gives it as a plain object', async () => {
      const [row] = (await Pug.findAll({ attributes: [[fn('COUNT', col('id')), 'n']], raw: true })) as unknown as Array<Record<string, unknown>>;
      assert.equal(Number(row!['n']), 4);
    });

    test('unaliased fn() attributes; raw + nest turns dotted aliases into objects', async () => {
      const [counted] = (await Pug.findAll({ attributes: [sequelize.fn('COUNT', sequelize.col('id'))], raw: true })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual(Object.values(counted!).map(Number), [4]);
      const [nested] = (await Pug.findAll({ attributes: ['id', ['name', 'owner.name'], ['age', 'owner.age']], where: { name: 'Cody' }, raw: true, nest: true })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual(nested!['owner'], { name: 'Cody', age: 3 });
    });

    test('an unknown attribute in attributes or order is an error before SQL', async () => {
      sql.statements.length = 0;
      await assert.rejects(Pug.findAll({ attributes: ['name', 'nope'] }), /pug has no attribute "nope" \(used in attributes\)/);
      await assert.rejects(Pug.findAll({ attributes: { exclude: ['nope'] } }), /pug has no attribute "nope"/);
      await assert.rejects(Pug.findAll({ order: [['nope', 'ASC']] }), /pug has no attribute "nope" \(used in order\)/);
      await assert.rejects(Pug.findAll({ order: ['nope'] }), /pug has no attribute "nope"/);
      await assert.rejects(Pug.findAll({ order: [['name', 'SIDEWAYS']] }), /Invalid order direction 'SIDEWAYS'/);
      await assert.rejects(Pug.findAll({ attributes: ['good'], group: ['nope'] }), /pug has no attribute "nope" \(used in group\)/);
      await assert.rejects(Pug.count({ group: ['nope'] }), /pug has no attribute "nope"/);
      assert.deepEqual(sql.statements, []);
    });

    test('order by string, [attribute, direction], a column name, fn and literal', async () => {
      const all = { where: { age: { [Op.ne]: null } } };
      assert.deepEqual(names(await Pug.findAll({ ...all, order: ['age'] })), ['Cody', 'ella', 'Dora_%']);
      assert.deepEqual(names(await Pug.findAll({ ...all, order: [['age', 'DESC']] })), ['Dora_%', 'ella', 'Cody']);
      assert.deepEqual(names(await Pug.findAll({ ...all, order: [['other_age', 'DESC'], ['name', 'ASC']] })), ['ella', 'Cody', 'Dora_%']);
      assert.deepEqual(names(await Pug.findAll({ ...all, order: [[fn('lower', col('name')), 'DESC']] })), ['ella', 'Dora_%', 'Cody']);
      assert.deepEqual(names(await Pug.findAll({ ...all, order: [fn('lower', col('name'))] })), ['Cody', 'Dora_%', 'ella']);
      assert.deepEqual(names(await Pug.findAll({ ...all, order: literal('age DESC') })), ['Dora_%', 'ella', 'Cody']);
      assert.deepEqual(names(await Pug.findAll({ ...all, order: [[literal('age'), 'DESC']] })), ['Dora_%', 'ella', 'Cody']);
      assert.equal((await Pug.findAll({ order: sequelize.random() })).length, 4);
    });

    test('order by a path into a JSON attribute, and by sequelize.json()', async () => {
      const withMeta = { where: { meta: { [Op.ne]: null } } };
      assert.deepEqual(names(await Pug.findAll({ ...withMeta, order: [['meta.tag', 'DESC']] })), ['ella', 'Cody', 'Dora_%']);
      assert.deepEqual(names(await Pug.findAll({ ...withMeta, order: [[Sequelize.json('meta.tag'), 'ASC']] })), ['Dora_%', 'Cody', 'ella']);
    });

    test('an empty attributes list is an error before SQL', async () => {
      sql.statements.length = 0;
      await assert.rejects(Pug.findAll({ attributes: [] }), /SELECT query for model 'pug' without selecting any columns/);
      assert.deepEqual(sql.statements, []);
    });

    test('NULLS FIRST / NULLS LAST on every dialect', async () => {
      assert.deepEqual(names(await Pug.findAll({ order: [['age', 'DESC NULLS LAST']] })), ['Dora_%', 'ella', 'Cody', 'Bob']);
      assert.deepEqual(names(await Pug.findAll({ order: [['age', 'ASC NULLS FIRST']] })), ['Bob', 'Cody', 'ella', 'Dora_%']);
      assert.deepEqual(names(await Pug.findAll({ order: [['age', 'NULLS LAST']] })), ['Cody', 'ella', 'Dora_%', 'Bob']);
    });

    test('limit and offset page through ordered rows', async () => {
      assert.deepEqual(names(await Pug.findAll({ order: [['id', 'ASC']], limit: 2 })), ['Cody', 'ella']);
      assert.deepEqual(names(await Pug.findAll({ order: [['id', 'ASC']], limit: 2, offset: 1 })), ['ella', 'Bob']);
      assert.deepEqual(names(await Pug.findAll({ order: [['id', 'ASC']], offset: 3 })), ['Dora_%']);
    });

    test('group with an aggregate alias, ordered by the alias', async () => {
      const rows = (await Pug.findAll({
        attributes: ['good', [fn('COUNT', col('id')), 'n']],
        group: ['good'],
        order: [['n', 'DESC']],
        raw: true,
      })) as unknown as Array<Record<string, unknown>>;
      assert.equal(rows.length, 3);
      assert.equal(truth(rows[0]!['good']), true);
      assert.equal(Number(rows[0]!['n']), 2);
    });

    test('fn() with plain values as arguments: COUNT(\'id\'), CONCAT(name, \'-x\')', async () => {
      const rows = (await Pug.findAll({
        attributes: ['good', [fn('COUNT', 'id'), 'cnt'], [fn('MAX', fn('CONCAT', col('name'), '-x')), 'tagged']],
        group: ['good'],
        where: { good: true },
        raw: true,
      })) as unknown as Array<Record<string, unknown>>;
      assert.equal(Number(rows[0]!['cnt']), 2);
      assert.equal(rows[0]!['tagged'], 'Dora_%-x');
    });

    test('group by fn(), order by col() of an alias, COUNT(DISTINCT …)', async () => {
      const rows = (await Pug.findAll({
        attributes: [[fn('lower', col('name')), 'lowered'], [fn('COUNT', col('id')), 'n']],
        group: [fn('lower', col('name'))],
        order: [[col('lowered'), 'DESC']],
        raw: true,
      })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual(rows.map((row) => row['lowered']), ['ella', 'dora_%', 'cody', 'bob']);
      const [distinct] = (await Pug.findAll({ attributes: [[fn('COUNT', fn('DISTINCT', col('good'))), 'n']], raw: true })) as unknown as Array<Record<string, unknown>>;
      assert.equal(Number(distinct!['n']), 2);
    });

    test('having on an aggregate alias, on sequelize.where(fn) and on literal', async () => {
      const base = { attributes: ['good', [fn('SUM', col('age')), 'total']] as never, group: ['good'], raw: true };
      const byAlias = (await Pug.findAll({ ...base, having: { total: { [Op.gt]: 4 } } })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual(byAlias.map((row) => [truth(row['good']), Number(row['total'])]).sort(), [[false, 5], [true, 13]]);
      const byWhere = (await Pug.findAll({ ...base, having: where(fn('SUM', col('age')), Op.gte, 13) })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual(byWhere.map((row) => truth(row['good'])), [true]);
      const byLiteral = (await Pug.findAll({ ...base, having: literal('SUM(age) < 6') })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual(byLiteral.map((row) => truth(row['good'])), [false]);
      const counted = (await Pug.findAll({ attributes: ['good', [fn('COUNT', col('id')), 'n']] as never, group: ['good'], having: { n: 2 }, raw: true })) as unknown as Array<Record<string, unknown>>;
      assert.deepEqual(counted.map((row) => truth(row['good'])), [true]);
    });
  });
}
