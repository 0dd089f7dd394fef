import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';
import { fc, propertyRuns as runs } from './setup/property.js';

// Values chosen at random must come back unchanged through create → findAll(where: equality) on every dialect.
const text = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((value) => !value.includes('\u0000'));
const date = fc.date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const jsonValue = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);

for (const dialect of testDialects) {
  describe(`round trips on ${dialect}`, () => {
    let sequelize: Sequelize;
    let Sample: ModelStatic<Model>;

    before(async () => {
      sequelize = await connect(dialect);
      Sample = sequelize.define('sample', {
        label: DataTypes.TEXT,
        count: DataTypes.INTEGER,
        ratio: DataTypes.DOUBLE,
        at: DataTypes.DATE,
        flag: DataTypes.BOOLEAN,
        data: DataTypes.JSON,
      });
      await sequelize.sync({ force: true });
    });
    after(async () => {
      await sequelize.close();
    });

    test('strings, integers, doubles, dates and booleans read back equal and are found by equality', async () => {
      await fc.assert(
        fc.asyncProperty(text, fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), date, fc.boolean(), async (label, count, ratio, at, flag) => {
          const created = await Sample.create({ label, count, ratio, at, flag });
          const [found] = await Sample.findAll({ where: { id: created.get('id'), label, count, flag } });
          assert.ok(found, `row with label ${JSON.stringify(label)} is found by equality`);
          assert.equal(found.get('label'), label);
          assert.equal(found.get('count'), count);
          assert.equal(found.get('ratio'), Object.is(ratio, -0) ? 0 : ratio);
          assert.equal((found.get('at') as Date).getTime(), at.getTime());
          assert.equal(found.get('flag'), flag);
          const byDate = await Sample.count({ where: { id: created.get('id'), at } });
          assert.equal(byDate, 1, 'found by date equality');
        }),
        { numRuns: runs },
      );
    });

    test('JSON values read back deeply equal', async () => {
      await fc.assert(
        fc.asyncProperty(jsonValue, async (data) => {
          const created = await Sample.create({ data });
          const found = await Sample.findByPk(created.get('id') as number);
          assert.deepEqual(found!.get('data'), data);
        }),
        { numRuns: runs },
      );
    });
  });
}
