import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, DatabaseError, Op, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';
import { fc, propertyRuns as runs } from './setup/property.js';

// Random values must be found again through where equality, IN lists and ranges, and read back unchanged.
const awkward = fc.constantFrom("'", '"', '\\', '%', '_', '`', '$1', '?', ';', '--', '\n', '\t', '😀', 'e\u0301', '\u00a0', '\u2028');
/** Any Unicode text (astral planes too) with SQL-awkward characters mixed in; NUL only where the dialect stores it. */
const textFor = (nul: boolean) =>
  fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), awkward), { maxLength: 8 })
    .map((parts) => parts.join(''))
    .filter((value) => nul || !value.includes('\u0000'));
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const safeInteger = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const double = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).map((value) => (Object.is(value, -0) ? 0 : value));
const decimal = fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }).map((units) => {
  const sign = units < 0n ? '-' : '';
  const digits = (units < 0n ? -units : units).toString().padStart(5, '0');
  return `${sign}${digits.slice(0, -4)}.${digits.slice(-4)}`;
});
const date = fc.date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), double, fc.boolean());

for (const dialect of testDialects) {
  describe(`where round trips on ${dialect}`, () => {
    let sequelize: Sequelize;
    let Sample: ModelStatic<Model>;
    let storesNul: boolean;

    before(async () => {
      sequelize = await connect(dialect);
      // PostgreSQL text cannot hold U+0000; SQLite and MySQL/MariaDB store it like any other character.
      storesNul = sequelize.getDialect() !== 'postgres';
      Sample = sequelize.define('sample', {
        label: DataTypes.TEXT,
        short: DataTypes.STRING,
        big: DataTypes.BIGINT,
        ratio: DataTypes.DOUBLE,
        price: DataTypes.DECIMAL(16, 4),
        at: DataTypes.DATE,
        flag: DataTypes.BOOLEAN,
        data: DataTypes.JSON,
      });
      await sequelize.sync({ force: true });
    });
    after(async () => {
      await sequelize.close();
    });

    const ids = (rows: readonly Model[]) => rows.map((row) => row.get('id'));

    test('text: equality, IN and Op.ne find the row; the value reads back unchanged', async () => {
      await fc.assert(
        fc.asyncProperty(textFor(storesNul), textFor(storesNul).filter((value) => value.length <= 255), async (label, short) => {
          const { id } = (await Sample.create({ label, short })).get() as { id: number };
          const back = await Sample.findByPk(id);
          assert.equal(back!.get('label'), label);
          assert.equal(back!.get('short'), short);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, label, short } })), [id]);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, label: [label, `${label}x`] } })), [id]);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, short: { [Op.in]: [short] } } })), [id]);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, label: { [Op.startsWith]: label } } })), [id], 'startsWith matches its own text literally');
        }),
        { numRuns: runs },
      );
    });

    test('numbers: BIGINT, DOUBLE and DECIMAL are found by equality and by ranges around them', async () => {
      const exactBigints = sequelize.getDialect() !== 'sqlite';
      await fc.assert(
        fc.asyncProperty(exactBigints ? int64.map(String) : safeInteger, double, decimal, async (big, ratio, price) => {
          const { id } = (await Sample.create({ big, ratio, price })).get() as { id: number };
          const back = await Sample.findByPk(id);
          assert.equal(String(back!.get('big')), String(big));
          assert.equal(back!.get('ratio'), ratio);
          assert.equal(Number(back!.get('price')), Number(price));
          assert.deepEqual(ids(await Sample.findAll({ where: { id, big, ratio, price } })), [id]);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, big: { [Op.between]: [big, big] }, ratio: { [Op.gte]: ratio, [Op.lte]: ratio } } })), [id]);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, price: { [Op.gte]: price }, ratio: [ratio] } })), [id]);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, ratio: { [Op.gt]: ratio } } })), []);
        }),
        { numRuns: runs },
      );
    });

    test('dates and booleans: equality, ranges and IS', async () => {
      await fc.assert(
        fc.asyncProperty(date, fc.boolean(), async (at, flag) => {
          const { id } = (await Sample.create({ at, flag })).get() as { id: number };
          const back = await Sample.findByPk(id);
          assert.equal((back!.get('at') as Date).toISOString(), at.toISOString());
          assert.equal(back!.get('flag'), flag);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, at, flag } })), [id]);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, at: { [Op.between]: [at, new Date(at.getTime() + 1)] }, flag: { [Op.is]: flag } } })), [id]);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, at: { [Op.lt]: at } } })), []);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, at: at.toISOString(), flag: { [Op.not]: !flag } } })), [id]);
        }),
        { numRuns: runs },
      );
    });

    test('JSON: documents read back deeply equal; scalars are found through a JSON path', async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), scalar, async (document, value) => {
          const data = { doc: JSON.parse(JSON.stringify(document)) as unknown, key: value };
          const { id } = (await Sample.create({ data })).get() as { id: number };
          assert.deepEqual((await Sample.findByPk(id))!.get('data'), data);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, 'data.key': value } })), [id], `found by data.key = ${JSON.stringify(value)}`);
          assert.deepEqual(ids(await Sample.findAll({ where: { id, data: { key: value } } })), [id]);
          if (typeof value === 'number') {
            assert.deepEqual(ids(await Sample.findAll({ where: { id, 'data.key': { [Op.between]: [value, value] } } })), [id]);
          }
        }),
        { numRuns: runs },
      );
    });

    test('NUL in text: stored where the dialect can, a DatabaseError that writes nothing where it cannot', async () => {
      const label = 'a\u0000b';
      if (storesNul) {
        const { id } = (await Sample.create({ label })).get() as { id: number };
        assert.equal((await Sample.findByPk(id))!.get('label'), label);
        return;
      }
      const before = await Sample.count();
      await assert.rejects(Sample.create({ label }), DatabaseError);
      assert.equal(await Sample.count(), before);
    });
  });
}
