import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, ForeignKeyConstraintError, QueryTypes, Sequelize, UnknownConstraintError } from '../src/index.js';
import type { QueryInterface } from '../src/schema/query-interface.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

/** Index and constraint names, constraint listings, ENUM types, functions and triggers as migrations use them. */
for (const dialect of testDialects) {
  describe(`QueryInterface schema objects on ${dialect}`, () => {
    let sequelize: Sequelize;
    let qi: QueryInterface;
    const isMysql = dialect === 'mysql' || dialect === 'mariadb';
    const isPostgres = dialect === 'postgres';

    before(async () => {
      sequelize = await connect(dialect);
      qi = sequelize.getQueryInterface();
    });
    after(async () => {
      await sequelize.close();
    });
    beforeEach(async () => {
      await qi.dropAllTables();
      await qi.dropAllEnums();
      await qi.createTable('Owners', { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true } });
      await qi.createTable('Pets', {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        ownerId: DataTypes.INTEGER,
        firstName: DataTypes.STRING,
        kind: DataTypes.ENUM('cat', 'dog'),
        n: DataTypes.INTEGER,
      });
    });

    const indexNames = async () => (await qi.showIndex('Pets')).map((index) => index.name);

    test('addIndex names an index as v6 does (underscored table_fields); removeIndex by the same fields finds it', async () => {
      await qi.addIndex('Pets', ['ownerId', 'firstName']);
      assert.ok((await indexNames()).includes('pets_owner_id_first_name'), (await indexNames()).join());
      await qi.removeIndex('Pets', ['ownerId', 'firstName']);
      assert.ok(!(await indexNames()).includes('pets_owner_id_first_name'));
      await qi.addIndex('Pets', ['firstName'], { name: 'Pets_FirstName' });
      await qi.removeIndex('Pets', 'Pets_FirstName');
      assert.ok(!(await indexNames()).includes('Pets_FirstName'));
      assert.deepEqual(qi.queryGenerator.nameIndexes([{ fields: ['ownerId', { name: 'firstName' }] }, { fields: ['n'], name: 'kept' }], 'Pets').map((index) => index.name), ['pets_owner_id_first_name', 'kept']);
    });

    test('an index field length applies where the dialect has prefix indexes and is left out elsewhere; concurrently on PostgreSQL', async () => {
      await qi.addIndex('Pets', { fields: [{ name: 'firstName', length: 4, order: 'DESC' }], name: 'pets_prefix' });
      const [index] = (await qi.showIndex('Pets')).filter((candidate) => candidate.name === 'pets_prefix');
      assert.deepEqual(index!.fields.map((field) => field.attribute), ['firstName']);
      if (isMysql) assert.equal(Number(index!.fields[0]!.length), 4);
      const capture = captureSql();
      await qi.addIndex('Pets', ['n'], { concurrently: true, logging: capture.logging });
      await qi.removeIndex('Pets', ['n'], { concurrently: true, logging: capture.logging });
      if (isPostgres) {
        assert.match(capture.statements[0]!, /^CREATE INDEX CONCURRENTLY /);
        assert.match(capture.statements[1]!, /^DROP INDEX CONCURRENTLY /);
      } else {
        assert.ok(capture.statements.every((statement) => !/CONCURRENTLY/.test(statement)));
      }
      assert.ok(!(await indexNames()).includes('pets_n'));
    });

    test('addColumn with references creates an enforced foreign key (MySQL: the constraint v6 names table_column_foreign_idx)', async () => {
      await qi.addColumn('Pets', 'vetId', { type: DataTypes.INTEGER, references: { model: 'Owners', key: 'id' }, onDelete: 'CASCADE' });
      await assert.rejects(qi.bulkInsert('Pets', [{ vetId: 99 }]), ForeignKeyConstraintError);
      await qi.bulkInsert('Owners', [{ id: 1 }]);
      await qi.bulkInsert('Pets', [{ vetId: 1 }]);
      const reference = (await qi.getForeignKeyReferencesForTable('Pets')).find((candidate) => candidate.columnName === 'vetId');
      assert.equal(reference!.referencedTableName, 'Owners');
      if (isMysql) {
        assert.equal(reference!.constraintName, 'Pets_vetId_foreign_idx');
        await qi.removeConstraint('Pets', 'Pets_vetId_foreign_idx');
        await qi.bulkInsert('Pets', [{ vetId: 99 }]);
      }
      if (isPostgres) assert.equal(reference!.constraintName, 'Pets_vetId_fkey');
      await qi.bulkDelete('Owners', { id: 1 });
      assert.equal((await sequelize.query('SELECT id FROM "Pets"'.replaceAll('"', isMysql || dialect === 'sqlite' ? '`' : '"'), { type: QueryTypes.SELECT })).length, isMysql ? 2 : 0);
    });

    test('removeConstraint of a missing constraint is an UnknownConstraintError naming it and its table', async () => {
      const error = await qi.removeConstraint('Pets', 'nope').then(() => undefined, (caught: unknown) => caught);
      assert.ok(error instanceof UnknownConstraintError, String(error));
      assert.equal(error.constraint, 'nope');
      assert.equal(error.table, 'Pets');
      if (!isPostgres) assert.equal(error.message, 'Constraint nope on table Pets does not exist');
    });

    test('showConstraint lists the table constraints in v6s shape, or the one named', async () => {
      await qi.addConstraint('Pets', { type: 'unique', fields: ['firstName'], name: 'pets_first_uq' });
      await qi.addConstraint('Pets', { type: 'foreign key', fields: ['ownerId'], name: 'pets_owner_fk', references: { table: 'Owners', field: 'id' }, onDelete: 'cascade' });
      const all = await qi.showConstraint('Pets');
      const named = (await qi.showConstraint('Pets', 'pets_owner_fk'));
      assert.deepEqual(all.filter((row) => ['pets_first_uq', 'pets_owner_fk'].includes(String(row['constraintName']))).map((row) => [row['constraintName'], row['constraintType']]).sort(),
        [['pets_first_uq', 'UNIQUE'], ['pets_owner_fk', 'FOREIGN KEY']]);
      assert.deepEqual(named.map((row) => row['constraintName']), ['pets_owner_fk']);
      if (dialect === 'sqlite') {
        assert.deepEqual([named[0]!['deleteAction'], named[0]!['referenceTableName'], named[0]!['referenceTableKeys'], named[0]!['constraintCondition']], ['CASCADE', 'Owners', ['id'], '(`ownerId`)']);
      } else {
        assert.deepEqual([named[0]!['tableName'], typeof named[0]!['constraintSchema']], ['Pets', 'string']);
        if (isPostgres) assert.equal(named[0]!['isDeferrable'], 'NO');
      }
    });

    test('pgListEnums, dropEnum and dropAllEnums (named ENUM types on PostgreSQL, nothing elsewhere)', async () => {
      const enums = await qi.pgListEnums('Pets');
      if (!isPostgres) {
        assert.deepEqual(enums, []);
        return;
      }
      assert.deepEqual(enums.map((row) => row['enum_name']), ['enum_Pets_kind']);
      assert.deepEqual(await qi.pgListEnums('Owners'), []);
      await qi.dropTable('Pets');
      await qi.dropEnum('enum_Pets_kind');
      assert.deepEqual(await qi.pgListEnums(), []);
      await sequelize.query(`CREATE TYPE "enum_moods_mood" AS ENUM ('x')`);
      assert.equal((await qi.pgListEnums()).length, 1);
      await qi.dropAllEnums();
      assert.deepEqual(await qi.pgListEnums(), []);
    });

    test('createFunction, createTrigger and their drop/rename (PostgreSQL); a clear error elsewhere', async () => {
      if (!isPostgres) {
        await assert.rejects(qi.createFunction('f', [], 'integer', 'plpgsql', 'RETURN 1;'), /not supported/);
        return;
      }
      await qi.createFunction('add_one', [{ type: 'integer', name: 'x', direction: 'IN' }], 'integer', 'plpgsql', 'RETURN x + 1;', ['IMMUTABLE'], { force: true });
      assert.deepEqual(await sequelize.query('SELECT add_one(41) AS v', { type: QueryTypes.SELECT }), [{ v: 42 }]);
      await qi.renameFunction('add_one', [{ type: 'integer' }], 'plus_one');
      await qi.dropFunction('plus_one', [{ type: 'integer', name: 'x' }]);
      await assert.rejects(sequelize.query('SELECT plus_one(1)'));
      await qi.createFunction('set_n', [], 'trigger', 'plpgsql', 'NEW.n := 7; RETURN NEW;', [], { force: true });
      await qi.createTrigger('Pets', 'pets_set_n', 'before', { insert: true, update: ['firstName'] }, 'set_n', [], ['FOR EACH ROW']);
      await qi.bulkInsert('Pets', [{ firstName: 'a' }]);
      assert.equal(await qi.rawSelect('Pets', {}, 'n'), 7);
      await qi.renameTrigger('Pets', 'pets_set_n', 'pets_n');
      await qi.dropTrigger('Pets', 'pets_n');
      await qi.bulkInsert('Pets', [{ firstName: 'b', n: 1 }]);
      assert.equal(await qi.rawSelect('Pets', { where: { firstName: 'b' } }, 'n'), 1);
      await qi.dropFunction('set_n', []);
    });

    test('dropAllSchemas drops the schemas made (PostgreSQL), else the models tables', async () => {
      if (isPostgres) {
        await qi.createSchema('qi_extra');
        assert.ok((await qi.showAllSchemas()).includes('qi_extra'));
        await qi.dropAllSchemas();
        assert.ok(!(await qi.showAllSchemas()).includes('qi_extra'));
        return;
      }
      sequelize.define('Pet', { firstName: DataTypes.STRING }, { tableName: 'Pets', timestamps: false });
      await qi.dropAllSchemas();
      assert.equal(await qi.tableExists('Pets'), false);
      assert.equal(await qi.tableExists('Owners'), true);
    });
  });
}
