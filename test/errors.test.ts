import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  AccessDeniedError, BaseError, ConnectionError, ConnectionRefusedError, DatabaseError, DataTypes, EmptyResultError, ExclusionConstraintError,
  ForeignKeyConstraintError, HostNotFoundError, InvalidConnectionError, Sequelize, TimeoutError, UniqueConstraintError, ValidationError, ValidationErrorItem,
} from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

async function caught(work: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await work;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  assert.fail('expected the promise to reject');
}

const serverUrl = (dialect: string) => (dialect === 'postgres' ? process.env['JOINERY_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' : process.env['JOINERY_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test');

// Classes, names and fields as sequelize@6.37 reports them for the same failure on the same dialect.
for (const dialect of testDialects) {
  const isMysql = dialect === 'mysql' || dialect === 'mariadb';
  describe(`errors on ${dialect}`, () => {
    let sequelize: Sequelize;
    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    function defineModels() {
      const Owner = sequelize.define('owner', { email: { type: DataTypes.STRING, unique: true }, a: DataTypes.STRING, b: DataTypes.STRING }, { indexes: [{ unique: true, fields: ['a', 'b'], name: 'owners_a_b' }] });
      const Pet = sequelize.define('pet', { name: DataTypes.STRING });
      Pet.belongsTo(Owner, { onDelete: 'RESTRICT' });
      return { Owner, Pet };
    }

    test('UniqueConstraintError: fields, errors items, parent/original, sql', async () => {
      const { Owner } = defineModels();
      await sequelize.sync({ force: true });
      await Owner.create({ email: 'x@y.z', a: '1', b: '2' });
      const error = await caught(Owner.create({ email: 'x@y.z' }));
      assert.ok(error instanceof UniqueConstraintError && error instanceof ValidationError && error instanceof BaseError);
      assert.ok(!(error instanceof DatabaseError));
      assert.equal(error.name, 'SequelizeUniqueConstraintError');
      assert.equal(error.message, 'Validation error');
      assert.deepEqual(error.fields, dialect === 'sqlite' ? ['email'] : { email: 'x@y.z' });
      const [item] = error.errors;
      assert.ok(item instanceof ValidationErrorItem);
      assert.deepEqual({ message: item.message, type: item.type, path: item.path, value: item.value, origin: item.origin, validatorKey: item.validatorKey },
        { message: 'email must be unique', type: 'unique violation', path: 'email', value: 'x@y.z', origin: 'DB', validatorKey: 'not_unique' });
      assert.ok(item.instance instanceof Owner);
      assert.ok(error.parent instanceof Error);
      assert.equal(error.original, error.parent);
      assert.match(String(error.sql), /INSERT INTO/);

      const composite = await caught(Owner.create({ a: '1', b: '2' }));
      assert.ok(composite instanceof UniqueConstraintError);
      if (isMysql) assert.deepEqual(composite.fields, { owners_a_b: '1-2' });
      else assert.deepEqual(composite.fields, dialect === 'sqlite' ? ['a', 'b'] : { a: '1', b: '2' });
      if (!isMysql) assert.deepEqual(composite.errors.map((each) => [each.path, each.value]), [['a', '1'], ['b', '2']]);
    });

    test('ForeignKeyConstraintError on insert (child) and delete (parent)', async () => {
      const { Owner, Pet } = defineModels();
      await sequelize.sync({ force: true });
      const child = await caught(Pet.create({ name: 'p', ownerId: 999 }));
      assert.ok(child instanceof ForeignKeyConstraintError && child instanceof DatabaseError && child instanceof BaseError);
      assert.equal(child.name, 'SequelizeForeignKeyConstraintError');
      assert.equal(child.original, child.parent);
      assert.match(String(child.sql), /INSERT INTO/);
      assert.ok((child.parameters as unknown[]).includes(999));
      if (dialect === 'postgres') {
        assert.equal(child.table, 'pets');
        assert.equal(child.index, 'pets_ownerId_fkey');
      }
      if (isMysql) {
        assert.equal(child.table, 'owners');
        assert.equal(child.index, 'pets_ibfk_1');
        assert.deepEqual(child.fields, ['ownerId']);
        assert.equal(child.reltype, 'child');
      }
      const owner = await Owner.create({ email: 'o@o.o' });
      await Pet.create({ name: 'p', ownerId: owner.get('id') });
      const parent = await caught(owner.destroy());
      assert.ok(parent instanceof ForeignKeyConstraintError, String(parent));
      if (isMysql) assert.equal(parent.reltype, 'parent');
      if (dialect === 'sqlite') {
        // v6's sqlite3 driver: the primary result code, its number, and the code before the message.
        const original = child.original as Error & { code: string; errno: number };
        assert.deepEqual([original.code, original.errno, child.message], ['SQLITE_CONSTRAINT', 19, 'SQLITE_CONSTRAINT: FOREIGN KEY constraint failed']);
      }
    });

    test('DatabaseError for a syntax error or a missing table: sql, parameters, parent, original', async () => {
      const syntax = await caught(sequelize.query('SELEC 1'));
      assert.ok(syntax instanceof DatabaseError && syntax instanceof BaseError);
      assert.equal(syntax.name, 'SequelizeDatabaseError');
      assert.equal(syntax.sql, 'SELEC 1');
      assert.equal(syntax.original, syntax.parent);
      assert.match(syntax.message, /syntax/);
      const missing = await caught(sequelize.query('SELECT * FROM nope WHERE x = ?', { replacements: [1] }));
      assert.ok(missing instanceof DatabaseError);
      assert.deepEqual(missing.parameters, [1]);
      assert.match(missing.message, /nope/);
      if (dialect === 'sqlite') {
        assert.equal(missing.message, 'SQLITE_ERROR: no such table: nope');
        assert.deepEqual([(missing.original as { code?: string }).code, (missing.original as { errno?: number }).errno], ['SQLITE_ERROR', 1]);
      }
    });

    test('EmptyResultError names the model', async () => {
      const { Owner } = defineModels();
      await sequelize.sync({ force: true });
      const error = await caught(Owner.findOne({ where: { email: 'none' }, rejectOnEmpty: true }));
      assert.ok(error instanceof EmptyResultError && error instanceof BaseError);
      assert.equal(error.name, 'SequelizeEmptyResultError');
      assert.match(error.message, /owner/);
    });

    test('TimeoutError when a lock wait runs out', async () => {
      if (dialect === 'sqlite') {
        // Two processes' worth of connections on one file: the second waits 50 ms for the writer, then gives up.
        const storage = join(mkdtempSync(join(tmpdir(), 'joinery-busy-')), 'busy.sqlite');
        const first = new Sequelize({ dialect: 'sqlite', storage, logging: false });
        const second = new Sequelize({ dialect: 'sqlite', storage, logging: false, dialectOptions: { timeout: 50 } });
        await first.query('CREATE TABLE t (a INTEGER)');
        const holding = await first.transaction({ type: 'IMMEDIATE' });
        const busy = await caught(second.query('INSERT INTO t VALUES (1)'));
        await holding.rollback();
        assert.ok(busy instanceof TimeoutError && busy instanceof DatabaseError, String(busy));
        await first.close();
        await second.close();
        return;
      }
      await sequelize.query('CREATE TABLE IF NOT EXISTS locks (id INTEGER PRIMARY KEY, v INTEGER)');
      await sequelize.query('DELETE FROM locks');
      await sequelize.query('INSERT INTO locks VALUES (1, 0)');
      const holder = await sequelize.transaction();
      await sequelize.query('UPDATE locks SET v = 1 WHERE id = 1', { transaction: holder });
      const waiter = await sequelize.transaction();
      await sequelize.query(isMysql ? 'SET SESSION innodb_lock_wait_timeout = 1' : "SET LOCAL lock_timeout = '100ms'", { transaction: waiter });
      const timeout = await caught(sequelize.query('UPDATE locks SET v = 2 WHERE id = 1', { transaction: waiter }));
      await waiter.rollback();
      await holder.rollback();
      assert.ok(timeout instanceof TimeoutError && timeout instanceof DatabaseError, String(timeout));
    });

    if (dialect === 'postgres') {
      test('ExclusionConstraintError', async () => {
        await sequelize.query('DROP TABLE IF EXISTS bookings');
        await sequelize.query('CREATE TABLE bookings (during tsrange, EXCLUDE USING gist (during WITH &&))');
        await sequelize.query("INSERT INTO bookings VALUES ('[2024-01-01 10:00, 2024-01-01 12:00)')");
        const error = await caught(sequelize.query("INSERT INTO bookings VALUES ('[2024-01-01 11:00, 2024-01-01 13:00)')"));
        assert.ok(error instanceof ExclusionConstraintError && error instanceof DatabaseError);
        assert.equal(error.name, 'SequelizeExclusionConstraintError');
        assert.equal(error.table, 'bookings');
        assert.match(String(error.constraint), /bookings_during_excl/);
      });
    }

    test('connection failures: refused, unknown host, unknown database, bad credentials; close() then query', async () => {
      if (dialect === 'sqlite') {
        const folder = new Sequelize({ dialect: 'sqlite', storage: tmpdir(), logging: false });
        assert.ok((await caught(folder.authenticate())) instanceof ConnectionError);
      } else {
        const base = new URL(serverUrl(dialect));
        const withUrl = async (change: (url: URL) => void) => {
          const url = new URL(base.href);
          change(url);
          const broken = new Sequelize(url.href, { logging: false, pool: { acquire: 5000 } });
          try {
            return await caught(broken.authenticate());
          } finally {
            await broken.close();
          }
        };
        const refused = await withUrl((url) => { url.port = '1'; });
        assert.ok(refused instanceof ConnectionRefusedError && refused instanceof ConnectionError && refused instanceof BaseError);
        assert.equal(refused.name, 'SequelizeConnectionRefusedError');
        assert.equal((refused.parent as { code?: string }).code, 'ECONNREFUSED');
        const badPort = new Sequelize({ dialect, host: '127.0.0.1', port: 99999, database: 'x', logging: false });
        assert.ok((await caught(badPort.authenticate())) instanceof InvalidConnectionError);
        await badPort.close();
        const host = await withUrl((url) => { url.hostname = 'no-such-host.invalid'; });
        assert.ok(host instanceof HostNotFoundError, String(host));
        const database = await withUrl((url) => { url.pathname = '/no_such_database_joinery'; });
        assert.ok(database instanceof ConnectionError, String(database));
        assert.match(database.message, /no_such_database_joinery/);
        if (dialect === 'postgres') {
          // v6 leaves this a plain ConnectionError; joinery says what it is (still a ConnectionError).
          const unknownRole = await withUrl((url) => { url.username = 'nobody_joinery'; url.password = 'x'; });
          assert.ok(unknownRole instanceof AccessDeniedError && unknownRole instanceof ConnectionError, String(unknownRole));
        }
        if (isMysql) {
          const denied = await withUrl((url) => { url.username = 'root'; url.password = 'wrong-password'; });
          assert.ok(denied instanceof AccessDeniedError && denied instanceof ConnectionError, String(denied));
          const unknownUser = await withUrl((url) => { url.username = 'nobody_joinery'; url.password = 'x'; });
          assert.ok(unknownUser instanceof AccessDeniedError, String(unknownUser));
        }
      }
      const closing = await connect(dialect);
      await closing.authenticate();
      await closing.close();
      const afterClose = await caught(closing.query('SELECT 1'));
      assert.ok(afterClose instanceof ConnectionError);
      assert.match(afterClose.message, /after the connection manager was closed/);
    });
  });
}
