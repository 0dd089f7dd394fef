import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ConnectionAcquireTimeoutError, DataTypes, QueryTypes, Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

const serverUrl = (dialect: string) => (dialect === 'postgres' ? process.env['JOINERY_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' : process.env['JOINERY_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test');

describe('connection options, parsed as sequelize@6 parses them (no server needed)', () => {
  test('URLs: postgres://, postgresql://, mysql://, mariadb:// with credentials, port and query parameters', () => {
    const pg = new Sequelize('postgres://u:p%40ss@db.example:6543/app?sslmode=require&application_name=x', { logging: false });
    assert.equal(pg.getDialect(), 'postgres');
    assert.deepEqual([pg.config.database, pg.config.username, pg.config.password, pg.config.host, pg.config.port], ['app', 'u', 'p@ss', 'db.example', 6543]);
    assert.deepEqual(pg.options.dialectOptions, { ssl: {}, application_name: 'x' });
    assert.equal(new Sequelize('postgresql://u@h/db', { logging: false }).getDialect(), 'postgres');
    assert.equal(new Sequelize('postgres://u@h/db?ssl=true', { logging: false }).options.dialectOptions?.['ssl'], true);
    assert.equal(new Sequelize('postgres://u@h/db?sslmode=disable', { logging: false }).options.dialectOptions?.['ssl'], false);
    assert.deepEqual(new Sequelize('postgres://u@h/db?sslmode=no-verify', { logging: false }).options.dialectOptions?.['ssl'], { rejectUnauthorized: false });
    const my = new Sequelize('mysql://root@localhost/shop', { logging: false });
    assert.deepEqual([my.getDialect(), my.config.port, my.config.host, my.config.database], ['mysql', 3306, 'localhost', 'shop']);
    assert.equal(new Sequelize('mariadb://root@localhost/shop', { logging: false }).dialect.name, 'mariadb');
  });

  test('(database, username, password, options) and an options object', () => {
    const four = new Sequelize('db', 'user', 'pw', { dialect: 'postgres', host: 'h', port: 1234, logging: false });
    assert.deepEqual([four.config.database, four.config.username, four.config.password, four.config.host, four.config.port], ['db', 'user', 'pw', 'h', 1234]);
    const object = new Sequelize({ dialect: 'mysql', host: 'h', database: 'd', username: 'u', password: 'p', logging: false });
    assert.deepEqual([object.config.database, object.config.username, object.config.host, object.config.port], ['d', 'u', 'h', 3306]);
    assert.throws(() => new Sequelize({ logging: false } as never), /Dialect needs to be explicitly supplied/);
  });
});

describe('SQLite storage', () => {
  test('sqlite::memory:, sqlite:path and { storage } (its folder created, as Sequelize does)', async () => {
    const memory = new Sequelize('sqlite::memory:', { logging: false });
    assert.equal(memory.options.storage, ':memory:');
    await memory.authenticate();
    await memory.close();
    const folder = join(mkdtempSync(join(tmpdir(), 'joinery-storage-')), 'nested', 'deeper');
    const file = join(folder, 'app.sqlite');
    const byUrl = new Sequelize(`sqlite:${file}`, { logging: false });
    assert.equal(byUrl.options.storage, file);
    const Row = byUrl.define('row', { n: DataTypes.INTEGER });
    await byUrl.sync();
    await Row.create({ n: 1 });
    await byUrl.close();
    assert.ok(existsSync(file));
    const byObject = new Sequelize({ dialect: 'sqlite', storage: file, logging: false });
    assert.equal(await byObject.define('row', { n: DataTypes.INTEGER }).count(), 1);
    await byObject.close();
    const readonly = new Sequelize({ dialect: 'sqlite', storage: file, logging: false, dialectOptions: { readonly: true } });
    await assert.rejects(readonly.query('INSERT INTO rows (n) VALUES (2)'), /readonly/i);
    await readonly.close();
    // sqlite3's mode flags, as Sequelize apps pass them: OPEN_READONLY.
    const byMode = new Sequelize({ dialect: 'sqlite', storage: file, logging: false, dialectOptions: { mode: 1 } });
    await assert.rejects(byMode.query('INSERT INTO rows (n) VALUES (2)'), /readonly/i);
    await byMode.close();
    const relative = new Sequelize('sqlite:./relative.sqlite?cache=shared', { logging: false });
    assert.equal(relative.options.storage, join(process.cwd(), 'relative.sqlite'));
    assert.equal(new Sequelize('sqlite::memory:?cache=shared', { logging: false }).options.storage, ':memory:');
  });
});

for (const dialect of testDialects) {
  describe(`connection on ${dialect}`, () => {
    test('logging gets (sql, options); benchmark adds the milliseconds; false is silent', async () => {
      const calls: unknown[][] = [];
      const logged = await connect(dialect, { logging: (...args: unknown[]) => calls.push(args) });
      calls.length = 0;
      await logged.query('SELECT 1 AS one', { type: QueryTypes.SELECT, replacements: [] });
      assert.equal(calls.length, 1);
      assert.equal(calls[0]![0], 'Executing (default): SELECT 1 AS one');
      assert.equal(typeof calls[0]![1], 'object');
      await logged.query('SELECT 2 AS two', { logging: false });
      assert.equal(calls.length, 1);
      const perQuery: string[] = [];
      await logged.query('SELECT 3 AS three', { logging: (sql: string) => perQuery.push(sql) });
      assert.deepEqual(perQuery, ['Executing (default): SELECT 3 AS three']);
      await logged.close();
      const timed: unknown[][] = [];
      const benchmarked = await connect(dialect, { benchmark: true, logging: (...args: unknown[]) => timed.push(args) });
      timed.length = 0;
      await benchmarked.query('SELECT 1 AS one');
      assert.match(String(timed[0]![0]), /^Executed \(default\): SELECT 1 AS one$/);
      assert.equal(typeof timed[0]![1], 'number');
      await benchmarked.close();
      const withValues: string[] = [];
      const parameters = await connect(dialect, { logQueryParameters: true, logging: (sql: string) => withValues.push(sql) });
      withValues.length = 0;
      await parameters.query('SELECT ? AS a, ? AS b', { replacements: [5, 'x'] });
      assert.match(withValues[0]!, /^Executing \(default\): SELECT .+ AS a, .+ AS b; 5, "x"$/);
      await parameters.close();
    });

    test('define defaults apply to every model; a model may override them', async () => {
      const sequelize = await connect(dialect, { define: { underscored: true, timestamps: false, freezeTableName: true } });
      const Pet = sequelize.define('petOwner', { firstName: DataTypes.STRING });
      assert.equal(Pet.tableName, 'petOwner');
      assert.equal(Pet.rawAttributes['firstName']!.field, 'first_name');
      assert.ok(!('createdAt' in Pet.rawAttributes));
      const Stamped = sequelize.define('stamped', { n: DataTypes.INTEGER }, { timestamps: true });
      assert.ok('created_at' in (Object.fromEntries(Object.values(Stamped.rawAttributes).map((attribute) => [attribute.field, true]))));
      await sequelize.sync({ force: true });
      await Pet.create({ firstName: 'Ann' });
      assert.deepEqual(await sequelize.query('SELECT first_name FROM ' + sequelize.getQueryInterface().quoteIdentifier('petOwner'), { type: QueryTypes.SELECT }), [{ first_name: 'Ann' }]);
      await sequelize.close();
    });

    test('beforeConnect may change the config; afterConnect sees the connection', async () => {
      const seen: string[] = [];
      const hooked = await connect(dialect);
      await hooked.close();
      const storage = join(mkdtempSync(join(tmpdir(), 'joinery-hook-')), 'hooked.sqlite');
      const sequelize = new Sequelize(dialect === 'sqlite' ? 'sqlite::memory:' : serverUrl(dialect), {
        logging: false,
        hooks: {
          beforeConnect: (config: Record<string, unknown>) => {
            seen.push('beforeConnect');
            if (dialect === 'sqlite') config['storage'] = storage;
            else if (dialect === 'postgres') (config['dialectOptions'] as Record<string, unknown>)['application_name'] = 'joinery-hooked';
            else (config['dialectOptions'] as Record<string, unknown>)['charset'] = 'latin1_swedish_ci';
          },
          afterConnect: (connection: unknown) => {
            seen.push(`afterConnect ${typeof connection}`);
          },
        },
      });
      await sequelize.authenticate();
      if (dialect === 'sqlite') assert.ok(existsSync(storage));
      if (dialect === 'postgres') assert.deepEqual(await sequelize.query('SHOW application_name', { plain: true }), { application_name: 'joinery-hooked' });
      if (dialect !== 'sqlite' && dialect !== 'postgres') assert.deepEqual(await sequelize.query('SELECT @@character_set_connection AS cs', { plain: true }), { cs: 'latin1' });
      assert.deepEqual(seen.slice(0, 2), ['beforeConnect', 'afterConnect object']);
      await sequelize.close();
    });

    test('close() fires beforeDisconnect then afterDisconnect for every open connection, with that connection', async () => {
      const connected: unknown[] = [];
      const events: Array<[string, unknown]> = [];
      const sequelize = await connect(dialect, {
        hooks: {
          afterConnect: (connection: unknown) => { connected.push(connection); },
          beforeDisconnect: (connection: unknown) => { events.push(['before', connection]); },
          afterDisconnect: (connection: unknown) => { events.push(['after', connection]); },
        },
      });
      await Promise.all([sequelize.query('SELECT 1'), sequelize.query('SELECT 1'), sequelize.transaction(async () => sequelize.query('SELECT 1'))]);
      assert.deepEqual(events, []);
      assert.ok(connected.length >= 1);
      await sequelize.close();
      const opened = new Set(connected);
      const befores = events.filter(([kind]) => kind === 'before').map(([, connection]) => connection);
      const afters = events.filter(([kind]) => kind === 'after').map(([, connection]) => connection);
      assert.equal(befores.length, opened.size);
      assert.deepEqual(new Set(befores), opened);
      assert.deepEqual(new Set(afters), opened);
      for (const connection of opened) {
        assert.ok(events.findIndex((event) => event[0] === 'before' && event[1] === connection) < events.findIndex((event) => event[0] === 'after' && event[1] === connection));
      }
      if (dialect !== 'sqlite' && dialect !== 'postgres') {
        // As in v6 on MySQL: one connection after another, its before and after together.
        assert.deepEqual(events.map(([kind]) => kind), [...opened].flatMap(() => ['before', 'after']));
        assert.equal(typeof (befores[0] as { threadId?: unknown }).threadId, 'number');
      }
    });

    if (dialect !== 'sqlite') {
      test('dialectOptions reach the driver; pool.acquire bounds the wait for a free connection', async () => {
        const options = dialect === 'postgres' ? { application_name: 'joinery-test' } : { charset: 'latin1_swedish_ci' };
        const sequelize = await connect(dialect, { dialectOptions: options, pool: { max: 1, acquire: 300 } });
        if (dialect === 'postgres') assert.deepEqual(await sequelize.query('SHOW application_name', { plain: true }), { application_name: 'joinery-test' });
        else assert.deepEqual(await sequelize.query('SELECT @@character_set_connection AS cs', { plain: true }), { cs: 'latin1' });
        const holder = await sequelize.transaction();
        const waiting = await sequelize.query('SELECT 1', { transaction: null }).then(() => 'ran', (error: unknown) => error);
        await holder.commit();
        assert.ok(waiting instanceof ConnectionAcquireTimeoutError, String(waiting));
        assert.deepEqual(await sequelize.query('SELECT 1 AS one', { plain: true }), { one: 1 });
        await sequelize.close();
      });
    }

    test('authenticate() resolves; databaseVersion() names the server version', async () => {
      const sequelize = await connect(dialect);
      await sequelize.authenticate();
      assert.match(await sequelize.databaseVersion(), /^\d+\.\d+/);
      await sequelize.close();
    });
  });
}
