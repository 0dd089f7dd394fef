import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Sequelize, ValidationError } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown>;
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const uuidV1 = /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

for (const dialect of testDialects) {
  describe(`data types on ${dialect}`, () => {
    let sequelize: Sequelize;
    // SQLite has no exact types: BIGINT and DECIMAL read back as numbers there, as with sequelize@6.
    const exactAsStrings = dialect !== 'sqlite';
    const isMysql = dialect === 'mysql' || dialect === 'mariadb';

    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    function defineThing() {
      return sequelize.define('thing', {
        str: DataTypes.STRING(10), chr: DataTypes.CHAR(3), txt: DataTypes.TEXT, int: DataTypes.INTEGER, big: DataTypes.BIGINT,
        small: DataTypes.SMALLINT, flt: DataTypes.FLOAT, dbl: DataTypes.DOUBLE, real: DataTypes.REAL, dec: DataTypes.DECIMAL(10, 2),
        bool: DataTypes.BOOLEAN, date: DataTypes.DATE, day: DataTypes.DATEONLY, time: DataTypes.TIME,
        uuid: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 }, uuid1: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV1 },
        json: DataTypes.JSON, kind: DataTypes.ENUM('a', 'b'), blob: DataTypes.BLOB, stamp: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
        shout: { type: DataTypes.VIRTUAL(DataTypes.STRING, ['str']), get(this: { get(key: string): unknown }) { return `${String(this.get('str'))}!`; } },
      });
    }

    test('every listed type round-trips through create and findByPk with the JavaScript type Sequelize gives', async () => {
      const Thing = defineThing();
      await sequelize.sync({ force: true });
      const date = new Date('2020-01-02T03:04:05.678Z');
      const created = (await Thing.create({
        str: 'abc', chr: 'xyz', txt: 'long text', int: 5, big: '9007199254740993', small: 3, flt: 1.5, dbl: 2.25, real: 3.5,
        dec: '12.50', bool: true, date, day: '2020-05-06', time: '10:11:12', json: { a: [1, { b: null }] }, kind: 'b', blob: Buffer.from('hi'),
      })) as unknown as Row;
      assert.match(created['uuid'] as string, uuidV4);
      assert.match(created['uuid1'] as string, uuidV1);
      assert.ok(created['stamp'] instanceof Date);
      const found = (await Thing.findByPk(created['id'] as number)) as unknown as Row;
      assert.equal(found['str'], 'abc');
      assert.equal(found['chr'], 'xyz');
      assert.equal(found['txt'], 'long text');
      assert.equal(found['int'], 5);
      assert.equal(found['small'], 3);
      if (exactAsStrings) {
        assert.equal(found['big'], '9007199254740993');
        assert.equal(found['dec'], '12.50');
      } else {
        assert.equal(typeof found['big'], 'number');
        assert.equal(found['dec'], 12.5);
      }
      assert.equal(found['flt'], 1.5);
      assert.equal(found['dbl'], 2.25);
      assert.equal(found['real'], 3.5);
      assert.equal(found['bool'], true);
      assert.ok(found['date'] instanceof Date);
      assert.equal((found['date'] as Date).getTime(), date.getTime());
      assert.equal(found['day'], '2020-05-06');
      assert.equal(found['time'], '10:11:12');
      assert.equal(found['uuid'], created['uuid']);
      assert.deepEqual(found['json'], { a: [1, { b: null }] });
      assert.equal(found['kind'], 'b');
      assert.ok(Buffer.isBuffer(found['blob']));
      assert.equal((found['blob'] as Buffer).toString(), 'hi');
      assert.equal(found['shout'], 'abc!');
      assert.equal(found['bool'] === true && typeof found['int'], 'number');
    });

    test('set converts as v6 does (dates to DATEONLY strings, 1 to true, strings to Dates) and keeps numbers and strings as given', async () => {
      const Thing = defineThing();
      await sequelize.sync({ force: true });
      const created = (await Thing.create({ int: '7' as never, str: 12 as never, day: new Date(2021, 1, 3, 10) as never, bool: 1 as never, date: '2020-01-02T03:04:05.000Z' as never })) as unknown as Row;
      // PostgreSQL's INSERT … RETURNING refreshes the instance with what was stored, as in v6.
      assert.deepEqual([created['int'], created['str']], dialect === 'postgres' ? [7, '12'] : ['7', 12]);
      const stored = (await Thing.findByPk(created['id'] as number, { attributes: ['int', 'str'], raw: true })) as unknown as Row;
      assert.deepEqual(stored, { int: 7, str: '12' });
      assert.equal(created['day'], '2021-02-03');
      assert.equal(created['bool'], true);
      assert.ok(created['date'] instanceof Date);
      const found = (await Thing.findByPk(created['id'] as number)) as unknown as Row;
      assert.deepEqual([found['int'], found['day'], found['bool']], [7, '2021-02-03', true]);
      const falsy = (await Thing.create({ bool: false })) as unknown as Row;
      assert.equal(((await Thing.findByPk(falsy['id'] as number)) as unknown as Row)['bool'], false);
    });

    test('defaults: fresh per instance, function defaults called per row', async () => {
      let counter = 0;
      const Thing = sequelize.define('thing', {
        tags: { type: DataTypes.JSON, defaultValue: [] },
        seq: { type: DataTypes.INTEGER, defaultValue: () => ++counter },
        label: { type: DataTypes.STRING, defaultValue: 'none' },
      });
      await sequelize.sync({ force: true });
      const first = Thing.build({});
      (first as unknown as { tags: unknown[] }).tags.push(1);
      assert.deepEqual((Thing.build({}) as unknown as Row)['tags'], []);
      const before = counter;
      const rows = (await Thing.bulkCreate([{}, {}])) as unknown as Row[];
      assert.deepEqual(rows.map((row) => row['seq']), [before + 1, before + 2]);
      const read = (await Thing.findAll({ order: [['id', 'ASC']] })) as unknown as Row[];
      assert.deepEqual(read.map((row) => [row['label'], row['seq']]), [['none', before + 1], ['none', before + 2]]);
    });

    test('a custom UUID primary key with a UUIDV4 default comes back on create and finds by key', async () => {
      const Token = sequelize.define('token', { id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true }, note: DataTypes.STRING });
      await sequelize.sync({ force: true });
      const token = (await Token.create({ note: 'x' })) as unknown as Row;
      assert.match(token['id'] as string, uuidV4);
      assert.equal(((await Token.findByPk(token['id'] as string)) as unknown as Row)['note'], 'x');
      const [a, b] = (await Token.bulkCreate([{ note: 'a' }, { note: 'b' }])) as unknown as Row[];
      assert.notEqual(a!['id'], b!['id']);
    });

    test('VIRTUAL attributes: no column, a getter over their dependencies and a setter writing real attributes', async () => {
      const Person = sequelize.define('person', {
        first: DataTypes.STRING,
        last: DataTypes.STRING,
        full: {
          type: DataTypes.VIRTUAL(DataTypes.STRING, ['first', 'last']),
          get(this: Row) {
            return `${String(this['first'])} ${String(this['last'])}`;
          },
          set(this: { setDataValue(key: string, value: unknown): void }, value: unknown) {
            const [first, last] = String(value).split(' ');
            this.setDataValue('first', first);
            this.setDataValue('last', last);
          },
        },
      });
      await sequelize.sync({ force: true });
      const ada = (await Person.create({ full: 'Ada Lovelace' })) as unknown as Row;
      assert.deepEqual([ada['first'], ada['last'], ada['full']], ['Ada', 'Lovelace', 'Ada Lovelace']);
      const columns = await sequelize.getQueryInterface().describeTable('people');
      assert.equal(Object.keys(columns).includes('full'), false);
      const slim = (await Person.findByPk(ada['id'] as number, { attributes: ['id', 'full'] })) as unknown as Row;
      assert.equal(slim['full'], 'Ada Lovelace', 'the dependencies are read for the virtual attribute');
    });

    test('INET, CIDR, MACADDR, TSVECTOR: PostgreSQL columns of those types (by name on SQLite), strings in JavaScript; STRING.BINARY', async () => {
      const types = () => ({ ip: DataTypes.INET, net: DataTypes.CIDR, mac: DataTypes.MACADDR, doc: DataTypes.TSVECTOR, bin: DataTypes.STRING.BINARY, dbl: DataTypes['DOUBLE PRECISION'] });
      if (isMysql) {
        await assert.rejects(sequelize.getQueryInterface().createTable('hosts', { ip: DataTypes.INET }), /INET data type is not supported by the mysql dialect/);
        return;
      }
      const Host = sequelize.define('host', types());
      await Host.sync({ force: true });
      await Host.create({ ip: '10.0.0.1', net: '10.0.0.0/8', mac: '08:00:2b:01:02:03', doc: 'a fat cat', dbl: 1.5 });
      const found = (await Host.findOne({ raw: true })) as unknown as Row;
      const doc = dialect === 'postgres' ? "'a' 'cat' 'fat'" : 'a fat cat';
      assert.deepEqual([found['ip'], found['net'], found['mac'], found['doc'], found['dbl']], ['10.0.0.1', '10.0.0.0/8', '08:00:2b:01:02:03', doc, 1.5]);
      await Host.drop();
    });

    test('JSONB is stored and read back as JSON on every dialect', async () => {
      const Doc = sequelize.define('doc', { body: DataTypes.JSONB });
      await sequelize.sync({ force: true });
      const doc = (await Doc.create({ body: { a: { b: [1, 2] }, s: 'x' } })) as unknown as Row;
      assert.deepEqual(((await Doc.findByPk(doc['id'] as number)) as unknown as Row)['body'], { a: { b: [1, 2] }, s: 'x' });
    });

    test('values a type cannot hold are refused before the database, naming model and attribute', async () => {
      const Thing = defineThing();
      await sequelize.sync({ force: true });
      for (const [key, value] of [['int', 'abc'], ['int', 1.5], ['bool', 'maybe'], ['date', 'notadate'], ['kind', 'c'], ['dec', 'x'], ['uuid', 'nope']] as const) {
        await assert.rejects(Thing.create({ [key]: value } as never), (error: unknown) => {
          assert.ok(error instanceof ValidationError, `${key}=${String(value)}`);
          assert.equal(error.errors[0]!.path, key);
          assert.match(error.message, new RegExp(`thing\\.${key}`));
          return true;
        });
      }
      assert.equal(await Thing.count(), 0);
    });
  });
}

describe('DataTypes print as sequelize@6 prints them', () => {
  test('String(type), type.toString() and type.toSql() give v6\'s dialect-neutral text, arguments included', () => {
    const cases: Array<[unknown, string]> = [
      [DataTypes.STRING(100), 'VARCHAR(100)'], [DataTypes.STRING.BINARY, 'VARCHAR(255) BINARY'], [DataTypes.CHAR(5), 'CHAR(5)'],
      [DataTypes.TEXT('tiny'), 'TINYTEXT'], [DataTypes.DECIMAL(10, 2), 'DECIMAL(10,2)'], [DataTypes.DECIMAL(10), 'DECIMAL(10)'],
      [DataTypes.FLOAT(5), 'FLOAT(5)'], [DataTypes.FLOAT(5, 2), 'FLOAT(5,2)'], [DataTypes.DOUBLE(5, 2), 'DOUBLE PRECISION(5,2)'],
      [DataTypes.REAL(3, 1), 'REAL(3,1)'], [DataTypes.INTEGER(5).UNSIGNED.ZEROFILL, 'INTEGER(5) UNSIGNED ZEROFILL'],
      [DataTypes.INTEGER.UNSIGNED, 'INTEGER UNSIGNED'], [DataTypes.BIGINT(20), 'BIGINT(20)'], [DataTypes.TINYINT(2), 'TINYINT(2)'],
      [DataTypes.ENUM('a', 'b'), 'ENUM'], [DataTypes.DATE(3), 'DATETIME'], [DataTypes.BLOB('long'), 'LONGBLOB'],
      [DataTypes.ARRAY(DataTypes.INTEGER), 'INTEGER[]'], [DataTypes.ARRAY(DataTypes.ENUM('a')), 'ENUM[]'],
    ];
    for (const [type, text] of cases) {
      assert.equal(String(type), text);
      assert.equal((type as { toString(): string }).toString(), text);
      assert.equal((type as { toSql(): string }).toSql(), text);
    }
    // The bare members print their key, their instances v6's default text.
    assert.deepEqual([String(DataTypes.STRING), String(DataTypes.DATE), String(DataTypes.DECIMAL), String(DataTypes.BOOLEAN)], ['STRING', 'DATE', 'DECIMAL', 'BOOLEAN']);
    assert.deepEqual([new DataTypes.STRING().toSql(), new DataTypes.CHAR().toSql(), new DataTypes.DATEONLY().toSql(), new DataTypes.BOOLEAN().toSql()], ['VARCHAR(255)', 'CHAR(255)', 'DATE', 'TINYINT(1)']);
  });
});
