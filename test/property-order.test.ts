import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';
import { fc, propertyRuns as runs } from './setup/property.js';

// Random tables must sort, page, filter and aggregate as the same operations on a JavaScript array do.
const value = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null, freq: 5 });
const table = fc.array(fc.record({ n: value, x: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((x) => (x === 0 ? 0 : x)) }), { maxLength: 20 });

for (const dialect of testDialects) {
  describe(`order, limit and aggregates match JavaScript on ${dialect}`, () => {
    let sequelize: Sequelize;
    let Row: ModelStatic<Model>;

    before(async () => {
      sequelize = await connect(dialect);
      Row = sequelize.define('row', { n: DataTypes.INTEGER, x: DataTypes.DOUBLE }, { timestamps: false });
      await Row.sync({ force: true });
    });
    after(async () => {
      await sequelize.close();
    });

    test('order by n (NULLS LAST) then id, limit/offset, where ranges, count/sum/max/min', async () => {
      await fc.assert(
        fc.asyncProperty(table, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: -1000, max: 1000 }), async (rows, limit, offset, pivot) => {
          await Row.destroy({ truncate: true });
          const created = await Row.bulkCreate(rows);
          const expected = created.map((row) => ({ id: row.get('id') as number, n: row.get('n') as number | null, x: row.get('x') as number }));
          const sorted = [...expected].sort((a, b) => (a.n === null ? 1 : b.n === null ? -1 : b.n - a.n) || a.id - b.id);
          const page = await Row.findAll({ order: [['n', 'DESC NULLS LAST'], ['id', 'ASC']], limit, offset });
          assert.deepEqual(page.map((row) => row.get('id')), sorted.slice(offset, offset + limit).map((row) => row.id));
          const above = expected.filter((row) => row.n !== null && row.n > pivot);
          assert.equal(await Row.count({ where: { n: { [Op.gt]: pivot } } }), above.length);
          const numbers = expected.map((row) => row.n).filter((n): n is number => n !== null);
          assert.equal(await Row.sum('n'), numbers.length === 0 ? null : numbers.reduce((sum, n) => sum + n, 0));
          assert.equal(await Row.max('n'), numbers.length === 0 ? null : Math.max(...numbers));
          assert.equal(await Row.min('x'), expected.length === 0 ? null : Math.min(...expected.map((row) => row.x)));
          const byX = await Row.findAll({ order: [['x', 'ASC'], ['id', 'ASC']] });
          assert.deepEqual(byX.map((row) => row.get('id')), [...expected].sort((a, b) => a.x - b.x || a.id - b.id).map((row) => row.id));
        }),
        { numRuns: runs },
      );
    });
  });
}
