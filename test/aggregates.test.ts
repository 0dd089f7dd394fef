import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';
import { seedPugs } from './setup/finder-fixtures.js';

for (const dialect of testDialects) {
  describe(`aggregates on ${dialect}`, () => {
    let sequelize: Sequelize;
    let Pug: ModelStatic<Model>;
    let Sale: ModelStatic<Model>;
    const sql = captureSql();

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
      Pug = await seedPugs(sequelize);
      Sale = sequelize.define('sale', { price: DataTypes.DECIMAL(10, 2), units: DataTypes.BIGINT, region: DataTypes.STRING });
      await Sale.sync({ force: true });
      await Sale.bulkCreate([
        { price: '10.50', units: 3, region: 'north' },
        { price: '3.25', units: 4, region: 'north' },
        { price: '1.00', units: 5, region: 'south' },
      ]);
    });
    after(async () => {
      await sequelize.close();
    });

    test('max, min and sum of integers and doubles are numbers', async () => {
      assert.equal(await Pug.max('age'), 10);
      assert.equal(await Pug.min('age'), 3);
      assert.equal(await Pug.sum('age'), 18);
      assert.equal(await Pug.sum('score'), -0.25);
      assert.equal(await Pug.max('score', { where: { good: true } }), 1.5);
    });

    test('sum of BIGINT and DECIMAL columns are numbers too (PostgreSQL sends them as text)', async () => {
      const units = await Sale.sum('units');
      assert.equal(units, 12);
      assert.equal(typeof units, 'number');
      assert.equal(await Sale.sum('price'), 14.75);
      assert.equal(await Sale.max('price'), 10.5);
      assert.equal(await Sale.min('units'), 3);
    });

    test('max and min of strings and dates keep their types', async () => {
      assert.equal(await Pug.min('name', { where: { name: { [Op.ne]: 'Bob' } } }), 'Cody');
      const latest = await Pug.max('born');
      assert.ok(latest instanceof Date);
      assert.equal((latest as Date).toISOString(), '2021-06-15T12:30:00.250Z');
      assert.equal(((await Pug.min('born')) as Date).toISOString(), '1999-12-31T23:59:59.999Z');
    });

    test('aggregates over no rows are null, as in Sequelize', async () => {
      assert.equal(await Pug.sum('age', { where: { age: 1000 } }), null);
      assert.equal(await Pug.max('age', { where: { age: 1000 } }), null);
      assert.equal(await Pug.count({ where: { age: 1000 } }), 0);
    });

    test('aggregate with avg, count, distinct and group', async () => {
      assert.equal(await Pug.aggregate('age', 'avg'), 6);
      assert.equal(await Pug.aggregate('age', 'count'), 3);
      assert.equal(await Pug.aggregate('good', 'count', { distinct: true }), 2);
      const byRegion = (await Sale.aggregate('units', 'sum', { group: ['region'], plain: false })) as Array<Record<string, unknown>>;
      const sums = Object.fromEntries(byRegion.map((row) => [row['region'], row['sum']]));
      assert.deepEqual(sums, { north: 7, south: 5 });
    });

    test('an unknown attribute in an aggregate is an error before SQL', async () => {
      sql.statements.length = 0;
      await assert.rejects(Pug.max('nope'), /pug has no attribute "nope" \(used in max\(\)\)/);
      await assert.rejects(Pug.sum('weight'), /pug has no attribute "weight"/);
      assert.deepEqual(sql.statements, []);
    });

    test('count with group gives one row per group with numeric counts', async () => {
      const rows = (await Sale.count({ group: ['region'] })) as unknown as Array<{ region: string; count: number }>;
      assert.deepEqual(rows.map((row) => [row.region, row.count]).sort(), [['north', 2], ['south', 1]]);
    });
  });
}
