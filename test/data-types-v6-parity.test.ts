import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as joinery from '../src/index.js';
import { DataTypes, Deferrable, Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown>;

/** Every member of sequelize@6's DataTypes (its dialect namespaces aside). */
const v6DataTypes = [
  'ABSTRACT', 'STRING', 'CHAR', 'TEXT', 'NUMBER', 'TINYINT', 'SMALLINT', 'MEDIUMINT', 'INTEGER', 'BIGINT', 'FLOAT', 'TIME', 'DATE',
  'DATEONLY', 'BOOLEAN', 'NOW', 'BLOB', 'DECIMAL', 'NUMERIC', 'UUID', 'UUIDV1', 'UUIDV4', 'HSTORE', 'JSON', 'JSONB', 'VIRTUAL', 'ARRAY',
  'ENUM', 'RANGE', 'REAL', 'DOUBLE PRECISION', 'DOUBLE', 'GEOMETRY', 'GEOGRAPHY', 'CIDR', 'INET', 'MACADDR', 'CITEXT', 'TSVECTOR',
];

describe('DataTypes exports, as sequelize@6 has them', () => {
  test('every v6 data type is on DataTypes, on the Sequelize class and exported by name', () => {
    const statics = Sequelize as unknown as Row;
    const exported = joinery as unknown as Row;
    for (const name of v6DataTypes) {
      assert.ok((DataTypes as unknown as Row)[name], `DataTypes.${name}`);
      assert.equal(statics[name], (DataTypes as unknown as Row)[name], `Sequelize.${name}`);
      if (!name.includes(' ')) assert.ok(exported[name] ?? (exported['DataTypes'] as Row)[name], name);
    }
    assert.equal(statics['Deferrable'], Deferrable);
  });

  test('keys, toString() and toSql() of the added types', () => {
    assert.equal(DataTypes.ABSTRACT.key, 'ABSTRACT');
    assert.equal(DataTypes.NUMBER.key, 'NUMBER');
    assert.equal(new DataTypes.NUMBER().toSql(), 'NUMBER');
    assert.equal(DataTypes.RANGE(DataTypes.INTEGER).key, 'RANGE');
    assert.equal(DataTypes.RANGE(DataTypes.DATE).toString(), 'RANGE');
    assert.equal(DataTypes.HSTORE.key, 'HSTORE');
    assert.equal(DataTypes.GEOMETRY('POINT', 4326).key, 'GEOMETRY');
    assert.equal(DataTypes.GEOGRAPHY.key, 'GEOGRAPHY');
    assert.equal(DataTypes.CHAR.BINARY.key, 'CHAR');
    assert.equal(DataTypes.CHAR.BINARY.toString(), 'CHAR(255) BINARY');
    assert.equal(DataTypes.CHAR(5).BINARY.toSql(), 'CHAR(5) BINARY');
    assert.equal(DataTypes.DECIMAL.UNSIGNED.toString(), 'DECIMAL');
    assert.equal(DataTypes.DECIMAL(10, 2).UNSIGNED.ZEROFILL.toString(), 'DECIMAL(10,2)');
  });

  test('types expose v6’s options and private mirrors (type.options.length, _length, _unsigned, values…)', () => {
    const string = DataTypes.STRING(50).BINARY as unknown as Record<string, unknown>;
    assert.deepEqual([string['options'], string['_length'], string['_binary']], [{ length: 50, binary: true }, 50, true]);
    const text = DataTypes.TEXT('long') as unknown as Record<string, unknown>;
    assert.deepEqual([text['options'], text['_length']], [{ length: 'long' }, 'long']);
    const integer = DataTypes.INTEGER(11).UNSIGNED as unknown as Record<string, unknown>;
    assert.deepEqual([integer['_length'], integer['_unsigned']], [11, true]);
    const decimal = DataTypes.DECIMAL(10, 2) as unknown as Record<string, unknown>;
    assert.deepEqual([decimal['_precision'], decimal['_scale']], [10, 2]);
    assert.deepEqual((DataTypes.ENUM('a', 'b') as unknown as Record<string, unknown>)['options'], { values: ['a', 'b'] });
    assert.deepEqual((DataTypes.DATE(6) as unknown as Record<string, unknown>)['options'], { length: 6 });
    assert.equal((DataTypes.RANGE(DataTypes.DATE) as unknown as Record<string, unknown>)['_subtype'], 'DATE');
    assert.equal(((DataTypes.ARRAY(DataTypes.INTEGER) as unknown as Record<string, { type: { key: string } }>)['options'])!.type.key, 'INTEGER');
  });

  test('ABSTRACT and NUMBER are the bases of the other types, as in v6', () => {
    assert.ok(DataTypes.STRING(5) instanceof DataTypes.ABSTRACT);
    assert.ok(new DataTypes.RANGE() instanceof DataTypes.ABSTRACT);
    assert.ok(DataTypes.INTEGER() instanceof DataTypes.NUMBER);
    assert.ok(DataTypes.DECIMAL(10, 2) instanceof DataTypes.NUMBER);
    assert.ok(!(DataTypes.STRING() instanceof DataTypes.NUMBER));
  });

  test('Deferrable members are classes that can be called, with their SQL as toString()', () => {
    assert.equal(String(Deferrable.INITIALLY_DEFERRED), 'DEFERRABLE INITIALLY DEFERRED');
    assert.equal(new Deferrable.INITIALLY_IMMEDIATE().toString(), 'DEFERRABLE INITIALLY IMMEDIATE');
    assert.equal(String(Deferrable.NOT), 'NOT DEFERRABLE');
    assert.equal(String(Deferrable.SET_DEFERRED()), 'SET CONSTRAINTS ALL DEFERRED');
    assert.deepEqual((Deferrable.SET_IMMEDIATE(['a_fkey']) as unknown as { constraints: string[] }).constraints, ['a_fkey']);
  });
});

for (const dialect of testDialects) {
  describe(`data type DDL and values on ${dialect}`, () => {
    let sequelize: Sequelize;
    const isSqlite = dialect === 'sqlite';
    const isMysql = dialect === 'mysql' || dialect === 'mariadb';
    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    test('a custom type extending DataTypes.ABSTRACT declares its column with its toSql()', async () => {
      class Money extends DataTypes.ABSTRACT {
        static override readonly key = 'MONEY_AS_TEXT';
        override toSql(): string {
          return 'VARCHAR(40)';
        }
      }
      const Price = sequelize.define('price', { amount: { type: new Money() } }, { timestamps: false });
      await Price.sync({ force: true });
      assert.equal(new Money().key, 'MONEY_AS_TEXT');
      const columns = await sequelize.getQueryInterface().describeTable('prices');
      assert.match(columns['amount']!.type, /^(VARCHAR|CHARACTER VARYING)\(40\)$/);
      const price = (await Price.create({ amount: '12.00 EUR' })) as unknown as Row;
      assert.equal(((await Price.findByPk(price['id'] as number)) as unknown as Row)['amount'], '12.00 EUR');
    });

    test('{ type: DataTypes.ENUM, values } takes its values from the attribute, as v6 does; no values is an error', async () => {
      const Task = sequelize.define('task', { status: { type: DataTypes.ENUM, values: ['active', 'pending'] } }, { timestamps: false });
      await Task.sync({ force: true });
      const attribute = Task.getAttributes()['status'] as unknown as { type: { values: string[] }; values: string[] };
      assert.deepEqual(attribute.type.values, ['active', 'pending']);
      assert.deepEqual(attribute.values, ['active', 'pending']);
      const plain = sequelize.define('plainEnum', { kind: DataTypes.ENUM('x', 'y') }, { timestamps: false });
      assert.deepEqual((plain.getAttributes()['kind'] as unknown as { values: string[] }).values, ['x', 'y']);
      const { status } = await sequelize.getQueryInterface().describeTable('tasks');
      if (isMysql) assert.equal(status!.type, "ENUM('active','pending')");
      if (!isSqlite && !isMysql) assert.deepEqual(status!.special, ['active', 'pending']);
      await Task.create({ status: 'pending' });
      assert.equal(await Task.count({ where: { status: 'pending' } }), 1);
      await assert.rejects(Task.create({ status: 'done' }), /"done" is not a valid choice in \["active","pending"\]/);
      assert.throws(() => sequelize.define('broken', { status: { type: DataTypes.ENUM } }), /Values for ENUM have not been defined/);
    });

    test('CHAR.BINARY is a binary CHAR column (BYTEA on PostgreSQL), not a VARCHAR', async () => {
      await sequelize.define('code', { value: DataTypes.CHAR(4).BINARY }, { timestamps: false }).sync({ force: true });
      const { value } = await sequelize.getQueryInterface().describeTable('codes');
      assert.equal(value!.type, isSqlite ? 'CHAR BINARY(4)' : isMysql ? 'CHAR(4)' : 'BYTEA');
    });

    test('NUMBER is a SQLite column type; the other dialects say they have none before any SQL', async () => {
      const Measure = sequelize.define('measure', { amount: DataTypes.NUMBER }, { timestamps: false });
      if (!isSqlite) {
        await assert.rejects(Measure.sync({ force: true }), new RegExp(`NUMBER data type is not supported by the ${dialect} dialect`));
        return;
      }
      await Measure.sync({ force: true });
      assert.equal((await sequelize.getQueryInterface().describeTable('measures'))['amount']!.type, 'NUMBER');
      const measure = (await Measure.create({ amount: '2.5' })) as unknown as Row;
      assert.equal(((await Measure.findByPk(measure['id'] as number)) as unknown as Row)['amount'], 2.5);
      await assert.rejects(Measure.create({ amount: 'abc' }), /is not a valid number/);
    });

    test('lengths and variants in the DDL as v6 writes them', async () => {
      const Variant = sequelize.define('variant', {
        int11: DataTypes.INTEGER(11), big20: DataTypes.BIGINT(20).UNSIGNED, real: DataTypes.REAL(10, 2), jsonb: DataTypes.JSONB,
        longBlob: DataTypes.BLOB('long'), tinyBlob: DataTypes.BLOB('tiny'), longText: DataTypes.TEXT('long'), medium: DataTypes.MEDIUMINT.UNSIGNED,
        tiny: DataTypes.TINYINT, zerofill: DataTypes.INTEGER.UNSIGNED.ZEROFILL, decimal: DataTypes.DECIMAL(10, 2).UNSIGNED,
      }, { timestamps: false });
      await Variant.sync({ force: true });
      const columns = await sequelize.getQueryInterface().describeTable('variants');
      const types = Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, column.type]));
      if (isSqlite) {
        assert.deepEqual(types, {
          id: 'INTEGER', int11: 'INTEGER(11)', big20: 'BIGINT(20)', real: 'REAL(10,2)', jsonb: 'JSONB', longBlob: 'LONGBLOB', tinyBlob: 'TINYBLOB',
          longText: 'TEXT', medium: 'MEDIUMINT', tiny: 'TINYINT', zerofill: 'INTEGER', decimal: 'DECIMAL(10,2)',
        });
      } else if (isMysql) {
        assert.equal(types['big20'], 'BIGINT(20) UNSIGNED');
        assert.equal(types['longBlob'], 'LONGBLOB');
        assert.equal(types['longText'], 'LONGTEXT');
        assert.equal(types['medium'], 'MEDIUMINT(8) UNSIGNED');
        assert.equal(types['zerofill'], 'INT(10) UNSIGNED ZEROFILL');
        assert.equal(types['decimal'], 'DECIMAL(10,2) UNSIGNED');
      } else {
        assert.deepEqual([types['int11'], types['big20'], types['real'], types['jsonb'], types['longBlob'], types['longText'], types['medium'], types['tiny']],
          ['INTEGER', 'BIGINT', 'REAL', 'JSONB', 'BYTEA', 'TEXT', 'INTEGER', 'SMALLINT']);
      }
    });

    test('RANGE, HSTORE and GEOMETRY say where the dialect lacks them', async () => {
      if (isSqlite) return;
      if (isMysql) {
        const Span = sequelize.define('span', { during: DataTypes.RANGE(DataTypes.DATE) }, { timestamps: false });
        await assert.rejects(Span.sync({ force: true }), /RANGE data type is not supported by the (mysql|mariadb) dialect/);
        const Bag = sequelize.define('bag', { h: DataTypes.HSTORE }, { timestamps: false });
        await assert.rejects(Bag.sync({ force: true }), /HSTORE data type is not supported by the (mysql|mariadb) dialect/);
      } else {
        const Shape = sequelize.define('shape', { area: DataTypes.GEOMETRY('POINT') }, { timestamps: false });
        await assert.rejects(Shape.sync({ force: true }), /GEOMETRY needs the PostGIS extension/);
      }
    });
  });
}
