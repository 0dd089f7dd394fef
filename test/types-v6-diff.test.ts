import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import SequelizeDefault, { Association, BelongsTo, BelongsToMany, DataTypes, ExclusionConstraintError, ForeignKeyConstraintError, HasMany, HasOne, QueryInterface, Sequelize, UnknownConstraintError } from '../src/index.js';
import type { QueryInterface } from '../src/schema/query-interface.js';
import { connect, testDialects } from './setup/dialects.js';

/** Run-time sides of sequelize@6's TypeScript signatures that typed apps call (the types are in test/types/v6-*.ts). */
test("the ES module's default export is v6's: the class, also as .Sequelize and .default, with the association classes and QueryInterface", () => {
  assert.equal(SequelizeDefault, Sequelize);
  assert.equal(SequelizeDefault.Sequelize, Sequelize);
  assert.equal(SequelizeDefault.default, Sequelize);
  assert.deepEqual(
    [SequelizeDefault.QueryInterface, SequelizeDefault.Association, SequelizeDefault.BelongsTo, SequelizeDefault.HasOne, SequelizeDefault.HasMany, SequelizeDefault.BelongsToMany],
    [QueryInterface, Association, BelongsTo, HasOne, HasMany, BelongsToMany],
  );
  const db = new SequelizeDefault.Sequelize('sqlite::memory:', { logging: false });
  assert.ok(db instanceof Sequelize);
  return db.close();
});

for (const dialect of testDialects) {
  describe(`v6 typed calls at run time on ${dialect}`, () => {
    let sequelize: Sequelize;
    let qi: QueryInterface;

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

    test('QueryInterface calls with v6 Logging `logging: true` log through console.log', async () => {
      const logged: string[] = [];
      const original = console.log;
      console.log = (text: unknown) => void logged.push(String(text));
      try {
        await qi.createTable('logged_rows', { id: { type: DataTypes.INTEGER, primaryKey: true }, name: DataTypes.STRING }, { logging: true });
        await qi.bulkInsert('logged_rows', [{ id: 1, name: 'a' }], { logging: true });
        await qi.addColumn('logged_rows', 'extra', { type: DataTypes.STRING }, { logging: true });
      } finally {
        console.log = original;
      }
      assert.equal(logged.length >= 3, true, logged.join('\n'));
      assert.match(logged[0]!, /^Executing \(default\): CREATE TABLE/);
      assert.ok(logged.some((line) => /INSERT INTO/.test(line)));
      assert.deepEqual(Object.keys(await qi.describeTable('logged_rows')).sort(), ['extra', 'id', 'name']);
    });

    test("constraint errors take v6's one options object, and a violation still builds them from the driver's error", async () => {
      const parent = Object.assign(new Error('violates'), { sql: 'INSERT INTO t VALUES (1)' });
      const fk = new ForeignKeyConstraintError({ parent, message: 'no owner', fields: ['ownerId'], table: 'pets', value: 3, index: 'pets_owner', reltype: 'child' });
      assert.deepEqual(
        { name: fk.name, message: fk.message, fields: fk.fields, table: fk.table, value: fk.value, index: fk.index, reltype: fk.reltype, sql: fk.sql, parent: fk.parent === parent, original: fk.original === parent },
        { name: 'SequelizeForeignKeyConstraintError', message: 'no owner', fields: ['ownerId'], table: 'pets', value: 3, index: 'pets_owner', reltype: 'child', sql: 'INSERT INTO t VALUES (1)', parent: true, original: true },
      );
      const unknown = new UnknownConstraintError({ parent, constraint: 'pets_uk', table: 'pets', fields: { id: 1 } });
      assert.deepEqual([unknown.name, unknown.message, unknown.constraint, unknown.table, unknown.parent === parent], ['SequelizeUnknownConstraintError', 'The specified constraint does not exist', 'pets_uk', 'pets', true]);
      const exclusion = new ExclusionConstraintError({ parent, message: 'overlap', constraint: 'no_overlap' });
      assert.deepEqual([exclusion.name, exclusion.message, exclusion.constraint, exclusion.sql], ['SequelizeExclusionConstraintError', 'overlap', 'no_overlap', 'INSERT INTO t VALUES (1)']);

      const Owner = sequelize.define('owner', { name: DataTypes.STRING }, { timestamps: false });
      const Pet = sequelize.define('pet', { name: DataTypes.STRING }, { timestamps: false });
      Pet.belongsTo(Owner);
      await sequelize.sync({ force: true });
      const error = await Pet.create({ name: 'Rex', ownerId: 99 }).then(() => null, (e: unknown) => e);
      assert.ok(error instanceof ForeignKeyConstraintError, String(error));
      assert.match(error.sql, /INSERT INTO/);
      assert.ok(error.parent instanceof Error);
    });
  });
}
