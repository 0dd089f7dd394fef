import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DatabaseError, DataTypes, QueryTypes, Sequelize } from '../src/index.js';
import { connect, testDatabaseUrl, testDialects } from './setup/dialects.js';

for (const dialect of testDialects) {
  const isMysql = dialect === 'mysql' || dialect === 'mariadb';
  describe(`the Sequelize instance's surface as v6 on ${dialect}: escape, set, retry, config`, () => {
    let sequelize: Sequelize;
    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    test('escape() writes literals as v6 does on the dialect', () => {
      const date = new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 678));
      const values: unknown[] = ["it's", 5, 10n, true, null, undefined, ['a', 1], date, Buffer.from('hi')];
      const expected: Record<string, string[]> = {
        postgres: ["'it''s'", '5', '10', 'true', 'NULL', 'NULL', "ARRAY['a',1]", "'2020-01-02 03:04:05.678 +00:00'", "E'\\\\x6869'"],
        mysql: ["'it\\'s'", '5', '10', 'true', 'NULL', 'NULL', "'a', 1", "'2020-01-02 03:04:05'", "X'6869'"],
        sqlite: ["'it''s'", '5', '10', '1', 'NULL', 'NULL', "'a', 1", "'2020-01-02 03:04:05.678 +00:00'", "X'6869'"],
      };
      assert.deepEqual(values.map((value) => sequelize.escape(value)), expected[isMysql ? 'mysql' : dialect]);
      if (isMysql) assert.equal(sequelize.escape('a\nb\\c"\x1a'), "'a\\nb\\\\c\\\"\\Z'");
      if (dialect !== 'sqlite') {
        // The timezone option moves the wall-clock text (and the offset PostgreSQL shows).
        const shifted = new Sequelize(testDatabaseUrl(dialect), { logging: false, timezone: '+02:00' });
        assert.equal(shifted.escape(date), isMysql ? "'2020-01-02 05:04:05'" : "'2020-01-02 05:04:05.678 +02:00'");
        const named = new Sequelize(testDatabaseUrl(dialect), { logging: false, timezone: 'America/New_York' });
        assert.equal(named.escape(new Date(Date.UTC(2020, 6, 2, 12))), isMysql ? "'2020-07-02 08:00:00'" : "'2020-07-02 08:00:00.000 -04:00'");
      }
    });

    test('escaped text round-trips through the database', async () => {
      const text = `it's "q" \\ back\nline`;
      const [row] = (await sequelize.query(`SELECT ${sequelize.escape(text)} AS v`, { type: QueryTypes.SELECT })) as Array<{ v: string }>;
      assert.equal(row!.v, text);
    });

    test('set({ … }, { transaction }): user variables on MySQL/MariaDB; v6\'s errors elsewhere and without a transaction', async () => {
      if (!isMysql) {
        await assert.rejects(sequelize.set({ a: 1 }), /sequelize\.set is only supported for mysql or mariadb/);
        return;
      }
      await assert.rejects(sequelize.set({ a: 1 }), (error: Error) => error instanceof TypeError && error.message === 'options.transaction is required');
      const row = await sequelize.transaction(async (t) => {
        await sequelize.set({ greeting: "it's", n: 3 }, { transaction: t });
        return sequelize.query('SELECT @greeting AS greeting, @n AS n', { type: QueryTypes.SELECT, transaction: t, plain: true });
      });
      assert.deepEqual({ ...(row as object) }, { greeting: "it's", n: 3 });
      await assert.rejects(sequelize.transaction((t) => sequelize.set({ 'a; DROP': 1 }, { transaction: t })), /not a variable name/);
    });

    test('retry: { max, match } runs a failing statement again while the error matches, as v6 (each attempt logged)', async () => {
      let attempts = 0;
      const logging = () => {
        attempts += 1;
      };
      const missing = 'SELECT * FROM no_such_table_for_retry';
      await assert.rejects(sequelize.query(missing, { logging, retry: { max: 3, match: [/no_such_table_for_retry/], backoffBase: 1 } }), DatabaseError);
      assert.equal(attempts, 3);
      attempts = 0;
      await assert.rejects(sequelize.query(missing, { logging, retry: { max: 3, match: ['something else'], backoffBase: 1 } }), DatabaseError);
      assert.equal(attempts, 1);
      attempts = 0;
      await assert.rejects(sequelize.query(missing, { logging, retry: { max: 2, match: [DatabaseError], backoffBase: 1 } }), DatabaseError);
      assert.equal(attempts, 2);
      // The constructor's retry applies to finders too; a statement that succeeds runs once.
      const retrying = new Sequelize(testDatabaseUrl(dialect), { logging, retry: { max: 2, match: [/no_such|does not exist|doesn't exist/], backoffBase: 1 } });
      const Missing = retrying.define('no_such_table_for_retry', { name: DataTypes.STRING });
      attempts = 0;
      await assert.rejects(Missing.findAll(), DatabaseError);
      assert.equal(attempts, 2);
      attempts = 0;
      await retrying.query('SELECT 1 AS one');
      assert.equal(attempts, 1);
      assert.deepEqual(sequelize.options.retry, { max: 5, match: ['SQLITE_BUSY: database is locked'] });
      await retrying.close();
    });

    if (dialect !== 'sqlite') {
      test('timezone: "+02:00" writes and reads dates as wall-clock time there; the session has that time zone', async () => {
        const zoned = new Sequelize(testDatabaseUrl(dialect), { logging: false, timezone: '+02:00' });
        try {
          const Event = zoned.define('tz_event', { at: DataTypes.DATE, day: DataTypes.DATEONLY }, { timestamps: false });
          await Event.sync({ force: true });
          const at = new Date(Date.UTC(2020, 0, 1, 23, 30, 0, 250));
          const created = await Event.create({ at, day: '2020-01-01' });
          const text = isMysql ? 'CAST(at AS CHAR) AS t' : 'at::text AS t';
          const [row] = (await zoned.query(`SELECT ${text} FROM tz_events`, { type: QueryTypes.SELECT })) as Array<{ t: string }>;
          assert.match(row!.t, isMysql ? /^2020-01-02 01:30:00\.250/ : /^2020-01-02 01:30:00\.25\+02$/);
          const found = await Event.findByPk(created.get('id') as number);
          assert.equal((found!.get('at') as Date).toISOString(), at.toISOString());
          assert.equal(found!.get('day'), '2020-01-01');
          assert.equal(await Event.count({ where: { at } }), 1);
          const [raw] = (await zoned.query('SELECT at FROM tz_events', { type: QueryTypes.SELECT })) as Array<{ at: Date }>;
          assert.equal(raw!.at.toISOString(), at.toISOString());
          const zone = isMysql ? 'SELECT @@session.time_zone AS tz' : "SELECT to_char(now(), 'TZH:TZM') AS tz";
          assert.deepEqual({ ...(await zoned.query(zone, { type: QueryTypes.SELECT, plain: true }) as object) }, { tz: '+02:00' });
          // A connection in UTC reads the stored wall-clock text as UTC on MySQL (DATETIME has no zone); PostgreSQL stores the instant.
          const [utc] = (await sequelize.query('SELECT at FROM tz_events', { type: QueryTypes.SELECT })) as Array<{ at: Date }>;
          assert.equal(utc!.at.toISOString(), isMysql ? '2020-01-02T01:30:00.250Z' : at.toISOString());
          await Event.drop();
        } finally {
          await zoned.close();
        }
      });
    }

    test('config carries v6\'s keys; a custom timezone is refused on SQLite, as v6 refuses it', () => {
      assert.deepEqual(Object.keys(sequelize.config).sort(), ['database', 'dialectModule', 'dialectModulePath', 'dialectOptions', 'host', 'keepDefaultTimezone', 'native', 'password', 'pool', 'port', 'protocol', 'replication', 'ssl', 'username'].sort());
      assert.deepEqual([sequelize.config.native, sequelize.config.replication, sequelize.config.protocol, sequelize.config.dialectModule], [false, false, 'tcp', null]);
      if (dialect === 'sqlite') {
        assert.throws(() => new Sequelize('sqlite::memory:', { timezone: '+02:00' }), /Setting a custom timezone is not supported by SQLite/);
        assert.doesNotThrow(() => new Sequelize('sqlite::memory:', { timezone: '+00:00', logging: false }));
      } else {
        assert.equal(new Sequelize(testDatabaseUrl(dialect), { timezone: '+02:00', logging: false }).options.timezone, '+02:00');
      }
    });
  });
}
