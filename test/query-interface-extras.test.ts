import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, QueryTypes, Sequelize, UniqueConstraintError } from '../src/index.js';
import type { QueryInterface } from '../src/schema/query-interface.js';
import { connect, testDialects } from './setup/dialects.js';

/** What migrations reach through `queryInterface` besides tables: the instance's QueryTypes, databases, versions, describe shapes. */
for (const dialect of testDialects) {
  describe(`QueryInterface extras on ${dialect}`, () => {
    let sequelize: Sequelize;
    let qi: QueryInterface;
    const isMysql = dialect === 'mysql' || dialect === 'mariadb';

    before(async () => {
      sequelize = await connect(dialect);
      qi = sequelize.getQueryInterface();
    });
    after(async () => {
      await sequelize.close();
    });
    beforeEach(async () => {
      await qi.dropAllTables();
    });

    test('queryInterface.sequelize carries QueryTypes and Sequelize, as migrations use them', async () => {
      assert.equal(qi.sequelize.QueryTypes, QueryTypes);
      assert.equal(qi.sequelize.Sequelize, Sequelize);
      await qi.createTable('users', { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, name: DataTypes.STRING });
      await qi.bulkInsert('users', [{ name: 'a' }]);
      const rows = await qi.sequelize.query('SELECT name FROM users', { type: qi.sequelize.QueryTypes.SELECT });
      assert.deepEqual(rows, [{ name: 'a' }]);
      assert.match(await qi.databaseVersion(), /^\d+\.\d+/);
    });

    test('createDatabase and dropDatabase on servers; a clear error on SQLite', async () => {
      if (dialect === 'sqlite') {
        await assert.rejects(qi.createDatabase('other'), /not supported/);
        return;
      }
      const name = `${sequelize.config.database}_extra`;
      await qi.dropDatabase(name);
      await qi.createDatabase(name, isMysql ? { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' } : { encoding: 'UTF8', template: 'template0' });
      const listed = isMysql
        ? await sequelize.query(`SELECT DEFAULT_CHARACTER_SET_NAME AS charset FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${name}'`, { type: QueryTypes.SELECT })
        : await sequelize.query(`SELECT pg_encoding_to_char(encoding) AS charset FROM pg_database WHERE datname = '${name}'`, { type: QueryTypes.SELECT });
      assert.deepEqual(listed, [{ charset: isMysql ? 'utf8mb4' : 'UTF8' }]);
      await qi.dropDatabase(name);
      const gone = isMysql
        ? await sequelize.query(`SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${name}'`, { type: QueryTypes.SELECT })
        : await sequelize.query(`SELECT 1 FROM pg_database WHERE datname = '${name}'`, { type: QueryTypes.SELECT });
      assert.deepEqual(gone, []);
    });

    test('describeTable of an ENUM column has v6s keys only; changeColumn keeps a column UNIQUE; tableExists with a schema', async () => {
      await qi.createTable('moods', { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, mood: { type: DataTypes.ENUM('a', 'b'), defaultValue: 'a' }, code: { type: DataTypes.STRING, unique: true } });
      const mood = (await qi.describeTable('moods'))['mood']!;
      if (isMysql) assert.deepEqual(mood, { type: "ENUM('a','b')", allowNull: true, defaultValue: 'a', primaryKey: false, autoIncrement: false, comment: null });
      await qi.changeColumn('moods', 'code', { type: DataTypes.STRING(40), comment: 'the code' });
      await qi.bulkInsert('moods', [{ code: 'x' }]);
      await assert.rejects(qi.bulkInsert('moods', [{ code: 'x' }]), UniqueConstraintError);
      if (dialect === 'postgres') {
        await qi.createSchema('qi_extras');
        await qi.createTable({ tableName: 'inner', schema: 'qi_extras' }, { id: { type: DataTypes.INTEGER, primaryKey: true } });
        assert.equal(await qi.tableExists({ tableName: 'inner', schema: 'qi_extras' }), true);
        assert.equal(await qi.tableExists({ tableName: 'moods', schema: 'qi_extras' }), false);
        await qi.dropSchema('qi_extras');
      }
    });
  });
}
