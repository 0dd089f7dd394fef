import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, QueryTypes, Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Every expectation below was observed on sequelize@6.37 with the same statement on the same dialect.
for (const dialect of testDialects) {
  describe(`sequelize.query result shapes on ${dialect}`, () => {
    let sequelize: Sequelize;
    const isMysql = dialect === 'mysql' || dialect === 'mariadb';
    const q = (name: string) => (isMysql ? `\`${name}\`` : `"${name}"`);

    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });
    beforeEach(async () => {
      await sequelize.query('DROP TABLE IF EXISTS shapes');
      const id = dialect === 'postgres' ? 'id SERIAL PRIMARY KEY' : isMysql ? 'id INTEGER AUTO_INCREMENT PRIMARY KEY' : 'id INTEGER PRIMARY KEY AUTOINCREMENT';
      await sequelize.query(`CREATE TABLE shapes (${id}, name VARCHAR(20))`);
      await sequelize.query("INSERT INTO shapes (name) VALUES ('a'), ('b'), ('c')");
    });

    test('a DATE column in sequelize.query rows: a Date on PostgreSQL and MySQL/MariaDB, the stored text on SQLite (v6)', async () => {
      const Stamp = sequelize.define('stamp', { at: DataTypes.DATE }, { timestamps: false });
      await Stamp.sync({ force: true });
      await Stamp.create({ at: new Date('2020-01-02T03:04:05.678Z') });
      const [row] = (await sequelize.query(`SELECT at FROM ${q('stamps')}`, { type: QueryTypes.SELECT })) as Array<{ at: unknown }>;
      if (dialect === 'sqlite') assert.equal(row!.at, '2020-01-02 03:04:05.678 +00:00');
      else assert.equal((row!.at as Date).toISOString(), '2020-01-02T03:04:05.678Z');
      assert.equal(((await Stamp.findOne())!.get('at') as Date).toISOString(), '2020-01-02T03:04:05.678Z');
      await Stamp.drop();
    });

    test('fieldMap renames the columns of SELECT rows (renamed keys last, as v6 leaves them)', async () => {
      const rows = await sequelize.query('SELECT id, name FROM shapes WHERE id = 1', { type: QueryTypes.SELECT, fieldMap: { id: 'key' } });
      assert.deepEqual(rows, [{ name: 'a', key: 1 }]);
      assert.deepEqual(Object.keys(rows[0] as object), ['name', 'key']);
    });

    test('SELECT: rows; plain: the first row or null; untyped and RAW: [rows, metadata]', async () => {
      const sql = 'SELECT id, name FROM shapes WHERE id < 3 ORDER BY id';
      const rows = [{ id: 1, name: 'a' }, { id: 2, name: 'b' }];
      assert.deepEqual(await sequelize.query(sql, { type: QueryTypes.SELECT }), rows);
      assert.deepEqual(await sequelize.query(sql, { type: QueryTypes.SELECT, plain: true }), rows[0]);
      assert.deepEqual(await sequelize.query(sql, { plain: true }), rows[0]);
      assert.equal(await sequelize.query('SELECT id FROM shapes WHERE id < 0', { type: QueryTypes.SELECT, plain: true }), null);
      for (const options of [{}, { type: QueryTypes.RAW }, { raw: true }]) {
        const [result, metadata] = (await sequelize.query(sql, options)) as [unknown, unknown];
        assert.deepEqual(result, rows);
        if (isMysql) assert.deepEqual(metadata, rows);
        if (dialect === 'postgres') assert.equal((metadata as { rowCount: number }).rowCount, 2);
      }
    });

    test('nest turns dotted column names into objects', async () => {
      const rows = await sequelize.query(`SELECT id AS ${q('a.b')}, name AS ${q('a.c')} FROM shapes WHERE id = 1`, { type: QueryTypes.SELECT, nest: true });
      assert.deepEqual(rows, [{ a: { b: 1, c: 'a' } }]);
    });

    test('INSERT with type INSERT: [id, affected] on SQLite and MySQL, [rows, affected] on PostgreSQL', async () => {
      const inserted = await sequelize.query("INSERT INTO shapes (name) VALUES ('d'), ('e')", { type: QueryTypes.INSERT });
      if (dialect === 'sqlite') assert.deepEqual(inserted, [5, 2]);
      else if (isMysql) assert.deepEqual(inserted, [4, 2]);
      else assert.deepEqual(inserted, [[], 2]);
      if (dialect === 'postgres') {
        assert.deepEqual(await sequelize.query("INSERT INTO shapes (name) VALUES ('f') RETURNING *", { type: QueryTypes.INSERT }), [[{ id: 6, name: 'f' }], 1]);
      }
    });

    test('INSERT without a type', async () => {
      const [first, second] = (await sequelize.query("INSERT INTO shapes (name) VALUES ('d')")) as [unknown, unknown];
      if (dialect === 'sqlite') {
        assert.equal(first, undefined);
        assert.deepEqual({ ...(second as object) }, { lastID: 4, changes: 1 });
      } else if (isMysql) {
        assert.deepEqual([first, second], [4, 1]);
      } else {
        assert.deepEqual([first, second], [[], 1]);
      }
    });

    test('UPDATE: [undefined, affected] (PostgreSQL: [rows, affected]); BULKUPDATE: affected', async () => {
      const updated = await sequelize.query("UPDATE shapes SET name = 'z' WHERE id < 3", { type: QueryTypes.UPDATE });
      assert.deepEqual(updated, [dialect === 'postgres' ? [] : undefined, 2]);
      if (dialect === 'postgres') {
        assert.deepEqual(await sequelize.query("UPDATE shapes SET name = 'y' WHERE id = 1 RETURNING id", { type: QueryTypes.UPDATE }), [[{ id: 1 }], 1]);
      }
      assert.equal(await sequelize.query("UPDATE shapes SET name = 'x' WHERE id < 4", { type: QueryTypes.BULKUPDATE }), 3);
      const [, metadata] = (await sequelize.query("UPDATE shapes SET name = 'w' WHERE id < 3")) as [unknown, Record<string, unknown>];
      if (isMysql) assert.equal(metadata['affectedRows'], 2);
      if (dialect === 'postgres') assert.equal(metadata['rowCount'], 2);
      if (dialect === 'sqlite') assert.equal(metadata['changes'], 2);
    });

    test('DELETE: undefined (PostgreSQL: rows); BULKDELETE: affected', async () => {
      const deleted = await sequelize.query('DELETE FROM shapes WHERE id = 1', { type: QueryTypes.DELETE });
      assert.deepEqual(deleted, dialect === 'postgres' ? [] : undefined);
      assert.equal(await sequelize.query('DELETE FROM shapes WHERE id > 1', { type: QueryTypes.BULKDELETE }), 2);
    });

    test('SHOWTABLES and DESCRIBE', async () => {
      const sql = dialect === 'sqlite' ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'shapes'"
        : dialect === 'postgres' ? "SELECT table_name FROM information_schema.tables WHERE table_name = 'shapes'" : "SHOW TABLES LIKE 'shapes'";
      assert.deepEqual(await sequelize.query(sql, { type: QueryTypes.SHOWTABLES }), dialect === 'postgres' ? [['shapes']] : ['shapes']);
      if (dialect === 'sqlite') {
        const described = (await sequelize.query('PRAGMA TABLE_INFO(shapes)', { type: QueryTypes.DESCRIBE })) as Record<string, Record<string, unknown>>;
        assert.deepEqual(described['name'], { type: 'VARCHAR(20)', allowNull: true, defaultValue: undefined, primaryKey: false });
      }
      if (isMysql) {
        const described = (await sequelize.query('DESCRIBE shapes', { type: QueryTypes.DESCRIBE })) as Record<string, Record<string, unknown>>;
        assert.deepEqual(described['id'], { type: 'INT(11)', allowNull: false, defaultValue: null, primaryKey: true, autoIncrement: true, comment: null });
      }
    });

    test('replacements (array, nested array for IN, named) and bind ($1, $name) are bound, never spliced', async () => {
      const select = { type: QueryTypes.SELECT } as const;
      assert.deepEqual(await sequelize.query('SELECT name FROM shapes WHERE id = ? OR name IN (?) ORDER BY name', { ...select, replacements: [3, ['a', 'b']] }), [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
      assert.deepEqual(await sequelize.query('SELECT name FROM shapes WHERE id = :id', { ...select, replacements: { id: 2 } }), [{ name: 'b' }]);
      assert.deepEqual(await sequelize.query('SELECT name FROM shapes WHERE id = $1', { ...select, bind: [3] }), [{ name: 'c' }]);
      assert.deepEqual(await sequelize.query('SELECT name FROM shapes WHERE id = $id OR id = $id', { ...select, bind: { id: 1 } }), [{ name: 'a' }]);
      const hostile = "'; DROP TABLE shapes; --";
      assert.deepEqual(await sequelize.query('SELECT name FROM shapes WHERE name = :name', { ...select, replacements: { name: hostile } }), []);
      assert.deepEqual(await sequelize.query("SELECT ':notareplacement' AS t", { ...select, replacements: {} }), [{ t: ':notareplacement' }]);
      await assert.rejects(sequelize.query('SELECT :missing', { replacements: { other: 1 } }), /missing/);
    });

    test('model and mapToModel build instances; raw keeps rows; transaction is honoured', async () => {
      const Shape = sequelize.define('shape', { name: DataTypes.STRING }, { tableName: 'shapes', timestamps: false });
      const shapes = (await sequelize.query('SELECT * FROM shapes ORDER BY id', { model: Shape, mapToModel: true })) as InstanceType<typeof Shape>[];
      assert.ok(shapes[0] instanceof Shape);
      assert.equal(shapes[0]!.get('name'), 'a');
      assert.equal(shapes[0]!.isNewRecord, false);
      const raw = (await sequelize.query('SELECT * FROM shapes ORDER BY id', { model: Shape, raw: true, type: QueryTypes.SELECT })) as unknown[];
      assert.ok(!(raw[0] instanceof Shape));
      const Person = sequelize.define('person', { firstName: DataTypes.STRING }, { underscored: true, timestamps: false });
      await Person.sync({ force: true });
      await Person.create({ firstName: 'Ann' });
      const [mapped] = (await sequelize.query('SELECT * FROM people', { model: Person, mapToModel: true })) as InstanceType<typeof Person>[];
      assert.equal(mapped!.get('firstName'), 'Ann');
      const [unmapped] = (await sequelize.query('SELECT * FROM people', { model: Person })) as InstanceType<typeof Person>[];
      assert.equal((unmapped!.get({ plain: true }) as Record<string, unknown>)['first_name'], 'Ann');
      // Replacements are bound, not spliced: PostgreSQL types an untyped parameter as text.
      const [fromObject] = (await sequelize.query({ query: 'SELECT ? AS v', values: [5] }, { type: QueryTypes.SELECT })) as { v: unknown }[];
      assert.equal(Number(fromObject!.v), 5);
      const transaction = await sequelize.transaction();
      await sequelize.query("INSERT INTO shapes (name) VALUES ('t')", { transaction });
      await transaction.rollback();
      assert.deepEqual(await sequelize.query("SELECT name FROM shapes WHERE name = 't'", { type: QueryTypes.SELECT }), []);
    });
  });
}
