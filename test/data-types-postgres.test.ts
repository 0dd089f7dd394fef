import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Deferrable, ForeignKeyConstraintError, Op, Sequelize, ValidationError } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown>;
const bound = (value: unknown, inclusive: boolean) => ({ value, inclusive });

for (const dialect of testDialects.filter((name) => name === 'postgres')) {
  describe(`PostgreSQL-only data types on ${dialect}`, () => {
    let sequelize: Sequelize;
    before(async () => {
      sequelize = await connect(dialect);
      await sequelize.query('CREATE EXTENSION IF NOT EXISTS hstore');
    });
    after(async () => {
      await sequelize.close();
    });

    function defineSpan() {
      return sequelize.define('span', {
        r: DataTypes.RANGE(DataTypes.INTEGER), d: DataTypes.RANGE(DataTypes.DATE), o: DataTypes.RANGE(DataTypes.DATEONLY),
        n: DataTypes.RANGE(DataTypes.DECIMAL), b: DataTypes.RANGE(DataTypes.BIGINT), plain: DataTypes.RANGE,
      }, { timestamps: false });
    }

    test('RANGE columns get the range type of their subtype, as v6 declares them', async () => {
      defineSpan();
      await sequelize.sync({ force: true });
      const columns = await sequelize.getQueryInterface().describeTable('spans');
      assert.deepEqual(
        Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, column.type])),
        { id: 'INTEGER', r: 'INT4RANGE', d: 'TSTZRANGE', o: 'DATERANGE', n: 'NUMRANGE', b: 'INT8RANGE', plain: 'INT4RANGE' },
      );
    });

    test('range values round-trip as [{ value, inclusive }, …] with each subtype’s JavaScript values', async () => {
      const Span = defineSpan();
      await sequelize.sync({ force: true });
      const jan = new Date('2020-01-01T00:00:00.000Z');
      const jun = new Date('2020-06-01T00:00:00.000Z');
      const created = (await Span.create({ r: [1, 10], d: [jan, jun], o: ['2020-01-01', '2020-02-01'], n: [1.5, '2.5'], b: [null, '9007199254740993'] })) as unknown as Row;
      // RETURNING gives the stored (canonical) form back on create, as in v6.
      assert.deepEqual(created['r'], [bound(1, true), bound(10, false)]);
      const found = (await Span.findByPk(created['id'] as number)) as unknown as Row;
      assert.deepEqual(found['r'], [bound(1, true), bound(10, false)]);
      assert.deepEqual(found['d'], [bound(jan, true), bound(jun, false)]);
      assert.deepEqual(found['o'], [bound('2020-01-01', true), bound('2020-02-01', false)]);
      assert.deepEqual(found['n'], [bound('1.5', true), bound('2.5', false)]);
      assert.deepEqual(found['b'], [bound(null, false), bound('9007199254740993', false)]);
      const other = (await Span.create({ r: [bound(20, false), bound(30, true)], o: [], n: [-Infinity, 3] })) as unknown as Row;
      const again = (await Span.findByPk(other['id'] as number, { raw: true })) as unknown as Row;
      // (20,30] is canonicalised by PostgreSQL to [21,31); the empty range reads back as []; numeric has its own -Infinity.
      assert.deepEqual(again['r'], [bound(21, true), bound(31, false)]);
      assert.deepEqual(again['o'], []);
      assert.deepEqual(again['n'], [bound('-Infinity', true), bound('3', false)]);
      const [rows] = await sequelize.query('SELECT r FROM spans ORDER BY id');
      assert.deepEqual((rows as Row[]).map((row) => row['r']), [[bound(1, true), bound(10, false)], [bound(21, true), bound(31, false)]]);
    });

    test('range operators: contains (a range or one element), contained, overlap, adjacent, strictLeft/Right, noExtend…', async () => {
      const Span = defineSpan();
      await sequelize.sync({ force: true });
      await Span.bulkCreate([
        { r: [1, 10], d: [new Date('2020-01-01T00:00:00Z'), new Date('2020-06-01T00:00:00Z')], o: ['2020-01-01', '2020-02-01'], n: [1.5, 2.5], b: [null, 100] },
        { r: [20, 30] },
      ]);
      const ids = async (where: Record<string, unknown>) => (await Span.findAll({ where, order: ['id'] })).map((row) => (row as unknown as Row)['id']);
      assert.deepEqual(await ids({ r: [1, 10] }), [1]);
      assert.deepEqual(await ids({ r: { [Op.contains]: 5 } }), [1]);
      assert.deepEqual(await ids({ r: { [Op.contains]: [2, 4] } }), [1]);
      assert.deepEqual(await ids({ r: { [Op.contained]: [0, 100] } }), [1, 2]);
      assert.deepEqual(await ids({ r: { [Op.overlap]: [5, 25] } }), [1, 2]);
      assert.deepEqual(await ids({ r: { [Op.adjacent]: [10, 15] } }), [1]);
      assert.deepEqual(await ids({ r: { [Op.strictLeft]: [15, 18] } }), [1]);
      assert.deepEqual(await ids({ r: { [Op.strictRight]: [11, 15] } }), [2]);
      assert.deepEqual(await ids({ r: { [Op.noExtendRight]: [0, 15] } }), [1]);
      assert.deepEqual(await ids({ r: { [Op.noExtendLeft]: [0, 15] } }), [1, 2]);
      assert.deepEqual(await ids({ d: { [Op.contains]: new Date('2020-03-01T00:00:00Z') } }), [1]);
      assert.deepEqual(await ids({ o: { [Op.contains]: '2020-01-15' } }), [1]);
      assert.deepEqual(await ids({ n: { [Op.contains]: 2 } }), [1]);
      assert.deepEqual(await ids({ b: { [Op.contains]: 50 } }), [1]);
    });

    test('a value that is not a range is a ValidationError naming the attribute, and nothing is written', async () => {
      const Span = defineSpan();
      await sequelize.sync({ force: true });
      await assert.rejects(Span.create({ r: 5 }), (error: unknown) => error instanceof ValidationError && /span\.r: 5 is not a valid range/.test(error.message));
      await assert.rejects(Span.create({ r: [1] }), ValidationError);
      await assert.rejects(Span.create({ r: ['a', 'b'] }), /"a" is not a valid integer/);
      assert.equal(await Span.count(), 0);
    });

    test('HSTORE stores objects and reads them back with string values; where compares and Op.contains', async () => {
      const Bag = sequelize.define('bag', { h: DataTypes.HSTORE }, { timestamps: false });
      await sequelize.sync({ force: true });
      const value = { a: '1', b: 2, 'we"ird\\key': 'v,"x"=>', n: null };
      const bag = (await Bag.create({ h: value })) as unknown as Row;
      const stored = { a: '1', b: '2', 'we"ird\\key': 'v,"x"=>', n: null };
      assert.deepEqual((await Bag.findByPk(bag['id'] as number) as unknown as Row)['h'], stored);
      assert.equal(await Bag.count({ where: { h: stored } }), 1);
      assert.equal(await Bag.count({ where: { h: { [Op.contains]: { a: '1' } } } }), 1);
      assert.equal(await Bag.count({ where: { h: { [Op.contains]: { a: '2' } } } }), 0);
      await assert.rejects(Bag.create({ h: 'a=>1' }), /is not a valid hstore/);
    });

    test('RANGE and HSTORE defaults are written in their own text forms', async () => {
      const Slot = sequelize.define('slot', {
        hours: { type: DataTypes.RANGE(DataTypes.INTEGER), defaultValue: [9, 17] },
        tags: { type: DataTypes.HSTORE, defaultValue: { kind: 'std' } },
      }, { timestamps: false });
      await Slot.sync({ force: true });
      await sequelize.query('INSERT INTO slots DEFAULT VALUES');
      const slot = (await Slot.findOne()) as unknown as Row;
      assert.deepEqual(slot['hours'], [bound(9, true), bound(17, false)]);
      assert.deepEqual(slot['tags'], { kind: 'std' });
    });

    test('references.deferrable: DEFERRABLE INITIALLY DEFERRED in the DDL, checked at commit', async () => {
      const Parent = sequelize.define('parent', { name: DataTypes.STRING }, { timestamps: false });
      const Kid = sequelize.define('kid', {
        parentId: { type: DataTypes.INTEGER, references: { model: Parent, key: 'id', deferrable: Deferrable.INITIALLY_DEFERRED } },
        otherId: { type: DataTypes.INTEGER, references: { model: 'parents', key: 'id', deferrable: Deferrable.INITIALLY_IMMEDIATE } },
      }, { timestamps: false });
      const capture = captureSql();
      await Parent.sync({ force: true, logging: capture.logging });
      await Kid.sync({ force: true, logging: capture.logging });
      const create = capture.statements.find((statement) => statement.includes('CREATE TABLE IF NOT EXISTS "kids"'))!;
      assert.match(create, /REFERENCES "parents" \("id"\) DEFERRABLE INITIALLY DEFERRED/);
      assert.match(create, /REFERENCES "parents" \("id"\) DEFERRABLE INITIALLY IMMEDIATE/);
      const references = await sequelize.getQueryInterface().getForeignKeyReferencesForTable('kids');
      assert.deepEqual(references.map((reference) => [reference.columnName, reference.deferrable]).sort(), [['otherId', 'INITIALLY_IMMEDIATE'], ['parentId', 'INITIALLY_DEFERRED']]);
      // The kid comes first, its parent later in the same transaction: fine when deferred.
      await sequelize.transaction(async (transaction) => {
        await Kid.create({ parentId: 1 }, { transaction });
        await Parent.create({ id: 1, name: 'p' }, { transaction });
      });
      assert.equal(await Kid.count(), 1);
      // A missing parent is reported at COMMIT, and nothing is kept.
      let insideSucceeded = false;
      await assert.rejects(sequelize.transaction(async (transaction) => {
        await Kid.create({ parentId: 99 }, { transaction });
        insideSucceeded = true;
      }), ForeignKeyConstraintError);
      assert.equal(insideSucceeded, true);
      assert.equal(await Kid.count(), 1);
      await assert.rejects(Kid.create({ otherId: 98 }), ForeignKeyConstraintError);
    });

    test('transaction({ deferrable: SET_DEFERRED / SET_IMMEDIATE }) runs SET CONSTRAINTS after BEGIN', async () => {
      const Parent = sequelize.define('parent', { name: DataTypes.STRING }, { timestamps: false });
      const Kid = sequelize.define('kid', {
        parentId: { type: DataTypes.INTEGER, references: { model: Parent, key: 'id', deferrable: Deferrable.INITIALLY_DEFERRED } },
        otherId: { type: DataTypes.INTEGER, references: { model: Parent, key: 'id', deferrable: Deferrable.INITIALLY_IMMEDIATE } },
      }, { timestamps: false });
      await sequelize.sync({ force: true });
      const capture = captureSql();
      await sequelize.transaction({ deferrable: Deferrable.SET_DEFERRED, logging: capture.logging }, async (transaction) => {
        await Kid.create({ otherId: 7 }, { transaction });
        await Parent.create({ id: 7, name: 'late' }, { transaction });
      });
      await sequelize.transaction({ deferrable: Deferrable.SET_DEFERRED(['kids_otherId_fkey']), logging: capture.logging }, async (transaction) => {
        await Kid.create({ otherId: 8 }, { transaction });
        await Parent.create({ id: 8, name: 'late' }, { transaction });
      });
      await assert.rejects(sequelize.transaction({ deferrable: Deferrable.SET_IMMEDIATE, logging: capture.logging }, async (transaction) => {
        await Kid.create({ parentId: 9 }, { transaction });
      }), ForeignKeyConstraintError);
      assert.deepEqual(capture.statements.filter((statement) => statement.startsWith('SET CONSTRAINTS')), [
        'SET CONSTRAINTS ALL DEFERRED', 'SET CONSTRAINTS "kids_otherId_fkey" DEFERRED', 'SET CONSTRAINTS ALL IMMEDIATE',
      ]);
      assert.equal(await Kid.count(), 2);
    });

    test('addConstraint takes deferrable on foreign keys and unique constraints', async () => {
      const Parent = sequelize.define('parent', { name: DataTypes.STRING }, { timestamps: false });
      sequelize.define('kid', { parentId: DataTypes.INTEGER, code: DataTypes.STRING }, { timestamps: false });
      await sequelize.sync({ force: true });
      const queryInterface = sequelize.getQueryInterface();
      await queryInterface.addConstraint('kids', { type: 'foreign key', fields: ['parentId'], name: 'kids_parent_late', references: { table: 'parents', field: 'id' }, deferrable: Deferrable.INITIALLY_DEFERRED });
      await queryInterface.addConstraint('kids', { type: 'unique', fields: ['code'], name: 'kids_code_late', deferrable: Deferrable.INITIALLY_DEFERRED });
      const [rows] = await sequelize.query(`SELECT conname, condeferred FROM pg_constraint WHERE conname IN ('kids_parent_late', 'kids_code_late') ORDER BY conname`);
      assert.deepEqual(rows, [{ conname: 'kids_code_late', condeferred: true }, { conname: 'kids_parent_late', condeferred: true }]);
      await sequelize.transaction(async (transaction) => {
        await sequelize.models['kid']!.create({ parentId: 3 }, { transaction });
        await Parent.create({ id: 3 }, { transaction });
      });
    });
  });
}
