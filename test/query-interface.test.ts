import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, ForeignKeyConstraintError, Op, QueryTypes, Sequelize, UniqueConstraintError } from '../src/index.js';
import type { QueryInterface } from '../src/schema/query-interface.js';
import { connect, testDialects } from './setup/dialects.js';

for (const dialect of testDialects) {
  describe(`QueryInterface on ${dialect}`, () => {
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
      await qi.createTable('owners', {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        name: { type: DataTypes.STRING, allowNull: false, defaultValue: 'x', comment: 'the name' },
      });
      await qi.createTable('pets', {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        ownerId: { type: DataTypes.INTEGER, references: { model: 'owners', key: 'id' }, onDelete: 'CASCADE', onUpdate: 'CASCADE' },
        age: { type: DataTypes.INTEGER, defaultValue: 3 },
        ok: { type: DataTypes.BOOLEAN, defaultValue: true },
        tag: { type: DataTypes.STRING(40), unique: true },
      });
    });

    const rows = (sql: string) => sequelize.query(sql, { type: QueryTypes.SELECT }) as Promise<Record<string, unknown>[]>;

    test('describeTable reports each column in the shape sequelize@6 gives on this dialect', async () => {
      const owners = await qi.describeTable('owners');
      const pets = await qi.describeTable('pets');
      if (dialect === 'sqlite') {
        assert.deepEqual(owners['name'], { type: 'VARCHAR(255)', allowNull: false, defaultValue: 'x', primaryKey: false, unique: false });
        assert.deepEqual(pets['ownerId'], { type: 'INTEGER', allowNull: true, defaultValue: undefined, primaryKey: false, unique: false, references: { model: 'owners', key: 'id' } });
        assert.deepEqual(pets['ok']!.defaultValue, true);
        assert.equal(pets['tag']!.unique, true);
        assert.equal(pets['id']!.primaryKey, true);
      } else if (dialect === 'postgres') {
        assert.deepEqual(owners['id'], { type: 'INTEGER', allowNull: false, defaultValue: 'nextval(owners_id_seq::regclass)', comment: null, special: [], primaryKey: true });
        assert.deepEqual(owners['name'], { type: 'CHARACTER VARYING(255)', allowNull: false, defaultValue: 'x', comment: 'the name', special: [], primaryKey: false });
        assert.equal(pets['ok']!.defaultValue, true);
        assert.equal(pets['age']!.defaultValue, '3');
      } else {
        assert.deepEqual(owners['id'], { type: 'INT(11)', allowNull: false, defaultValue: null, primaryKey: true, autoIncrement: true, comment: null });
        assert.deepEqual(owners['name'], { type: 'VARCHAR(255)', allowNull: false, defaultValue: 'x', primaryKey: false, autoIncrement: false, comment: 'the name' });
        assert.equal(pets['ok']!.defaultValue, '1');
      }
      await assert.rejects(qi.describeTable('nope'), /No description found for "nope" table/);
    });

    test('showIndex, getForeignKeyReferencesForTable and getForeignKeysForTables give the keys sequelize@6 gives here', async () => {
      await qi.addIndex('pets', { fields: ['age', { name: 'ok', order: 'DESC' }], name: 'pets_age_ok' });
      const indexes = await qi.showIndex('pets');
      const index = indexes.find((candidate) => candidate.name === 'pets_age_ok')!;
      const [reference] = await qi.getForeignKeyReferencesForTable('pets');
      const fieldKeys = index.fields.map((field) => Object.keys(field).join());
      if (dialect === 'sqlite') {
        assert.deepEqual(indexes.map((candidate) => candidate.name), ['sqlite_autoindex_pets_1', 'pets_age_ok']);
        assert.deepEqual(Object.keys(index), ['seq', 'name', 'unique', 'origin', 'partial', 'fields', 'primary', 'constraintName']);
        assert.deepEqual([index.origin, index.partial, index.constraintName], ['c', 0, 'pets_age_ok']);
        assert.deepEqual(fieldKeys, ['attribute,length,order', 'attribute,length,order']);
        assert.deepEqual(Object.keys(reference!), ['tableName', 'columnName', 'referencedTableName', 'referencedColumnName', 'tableCatalog', 'referencedTableCatalog', 'constraintName']);
        assert.deepEqual(await qi.getForeignKeysForTables(['pets', 'owners']), { pets: [], owners: [] });
      } else if (dialect === 'postgres') {
        assert.deepEqual(Object.keys(index), ['name', 'primary', 'unique', 'indkey', 'definition', 'fields']);
        assert.match(index.indkey!, /^\d+ \d+$/);
        assert.match(index.definition!, /^CREATE INDEX pets_age_ok ON public\.pets USING btree \(age, ok DESC\)$/);
        assert.deepEqual(fieldKeys, ['attribute,collate,order,length', 'attribute,collate,order,length']);
        assert.deepEqual(index.fields.map((field) => field.order), [undefined, 'DESC']);
        assert.deepEqual(Object.keys(reference!), ['constraintName', 'constraintSchema', 'constraintCatalog', 'tableName', 'tableSchema', 'tableCatalog', 'columnName',
          'referencedTableSchema', 'referencedTableCatalog', 'referencedTableName', 'referencedColumnName', 'deferrable']);
        assert.deepEqual([reference!.constraintSchema, reference!.tableSchema, reference!.deferrable], ['public', 'public', 'NOT']);
        assert.deepEqual(await qi.getForeignKeysForTables(['pets', 'owners']), { pets: ['pets_ownerId_fkey'], owners: [] });
      } else {
        assert.deepEqual(Object.keys(index), ['primary', 'fields', 'name', 'tableName', 'unique', 'type']);
        assert.deepEqual([index.tableName, index.type, index.fields[0]!.order], ['pets', 'BTREE', 'ASC']);
        assert.deepEqual(fieldKeys, ['attribute,length,order', 'attribute,length,order']);
        assert.deepEqual(Object.keys(reference!), ['constraint_name', 'constraintName', 'constraintSchema', 'constraintCatalog', 'tableName', 'tableSchema', 'tableCatalog', 'columnName',
          'referencedTableSchema', 'referencedTableCatalog', 'referencedTableName', 'referencedColumnName']);
        assert.equal(reference!.constraint_name, 'pets_ibfk_1');
        assert.equal(reference!.tableCatalog, reference!.tableSchema);
        assert.deepEqual(await qi.getForeignKeysForTables(['pets', 'owners']), { pets: ['pets_ibfk_1'], owners: [] });
      }
    });

    test('getForeignKeyReferencesForTable, showAllTables, tableExists, showIndex', async () => {
      const [reference] = await qi.getForeignKeyReferencesForTable('pets');
      assert.equal(reference!.tableName, 'pets');
      assert.equal(reference!.columnName, 'ownerId');
      assert.equal(reference!.referencedTableName, 'owners');
      assert.equal(reference!.referencedColumnName, 'id');
      if (dialect === 'postgres') assert.equal(reference!.constraintName, 'pets_ownerId_fkey');
      if (isMysql) assert.equal(reference!.constraintName, 'pets_ibfk_1');
      assert.deepEqual((await qi.showAllTables()).sort(), ['owners', 'pets']);
      assert.equal(await qi.tableExists('pets'), true);
      assert.equal(await qi.tableExists('nope'), false);
      await qi.addIndex('pets', ['age']);
      await qi.addIndex('pets', { fields: ['age', 'ok'], unique: true, name: 'pets_age_ok' });
      const indexes = await qi.showIndex('pets');
      const byName = new Map(indexes.map((index) => [index.name, index]));
      assert.deepEqual(byName.get('pets_age')!.fields.map((field) => field.attribute), ['age']);
      assert.equal(byName.get('pets_age')!.unique, false);
      assert.deepEqual(byName.get('pets_age_ok')!.fields.map((field) => field.attribute), ['age', 'ok']);
      assert.equal(byName.get('pets_age_ok')!.unique, true);
      await qi.removeIndex('pets', ['age']);
      await qi.removeIndex('pets', 'pets_age_ok');
      const names = (await qi.showIndex('pets')).map((index) => index.name);
      assert.ok(!names.includes('pets_age') && !names.includes('pets_age_ok'), names.join());
    });

    test('addColumn, renameColumn, changeColumn (SQLite rebuilds, keeping rows, indexes and keys), removeColumn', async () => {
      await qi.bulkInsert('owners', [{ name: 'ann' }]);
      await qi.bulkInsert('pets', [{ ownerId: 1, age: 5, tag: 't1' }, { ownerId: 1, age: 6, tag: 't2' }]);
      await qi.addIndex('pets', ['age']);
      await qi.addColumn('pets', 'nick', { type: DataTypes.STRING, allowNull: true });
      await qi.renameColumn('pets', 'nick', 'nickname');
      assert.ok('nickname' in (await qi.describeTable('pets')));
      await qi.bulkUpdate('pets', { nickname: 'rex' }, {});
      await qi.changeColumn('pets', 'nickname', { type: DataTypes.TEXT, allowNull: false, defaultValue: 'n' });
      const described = await qi.describeTable('pets');
      assert.equal(described['nickname']!.type, 'TEXT');
      assert.equal(described['nickname']!.allowNull, false);
      // MariaDB reports a TEXT column's default as the expression it stores it as.
      assert.equal(described['nickname']!.defaultValue, isMysql ? "'n'" : 'n');
      assert.deepEqual((await rows('SELECT age FROM pets ORDER BY age')).map((row) => row['age']), [5, 6]);
      assert.ok((await qi.showIndex('pets')).some((index) => index.name === 'pets_age'));
      assert.equal((await qi.getForeignKeyReferencesForTable('pets')).length, 1);
      await assert.rejects(qi.bulkInsert('pets', [{ ownerId: 99, tag: 'x' }]), ForeignKeyConstraintError);
      await assert.rejects(qi.bulkInsert('pets', [{ ownerId: 1, tag: 't1' }]), UniqueConstraintError);
      // ON DELETE CASCADE survived the rebuild.
      await qi.changeColumn('pets', 'age', { type: DataTypes.BIGINT, allowNull: true });
      await qi.bulkDelete('owners', { id: 1 });
      assert.deepEqual(await rows('SELECT id FROM pets'), []);
      await qi.removeColumn('pets', 'nickname');
      await qi.removeColumn('pets', 'tag');
      assert.deepEqual(Object.keys(await qi.describeTable('pets')).sort(), ['age', 'id', 'ok', 'ownerId']);
    });

    test('changeColumn can add a foreign key; renameTable', async () => {
      await qi.addColumn('pets', 'breederId', { type: DataTypes.INTEGER });
      await qi.changeColumn('pets', 'breederId', { type: DataTypes.INTEGER, references: { model: 'owners', key: 'id' }, onDelete: 'SET NULL' });
      const references = await qi.getForeignKeyReferencesForTable('pets');
      assert.deepEqual(references.map((reference) => reference.columnName).sort(), ['breederId', 'ownerId']);
      await qi.renameTable('pets', 'animals');
      assert.deepEqual((await qi.showAllTables()).sort(), ['animals', 'owners']);
    });

    test('bulkInsert / bulkUpdate / bulkDelete return what sequelize@6 returns, with where operators', async () => {
      const inserted = await qi.bulkInsert('owners', [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
      if (dialect === 'sqlite') assert.equal(inserted, 3);
      else if (isMysql) assert.equal(inserted, 1);
      else assert.deepEqual(inserted, []);
      assert.equal(await qi.bulkUpdate('owners', { name: 'z' }, { name: { [Op.in]: ['a', 'b'] } }), 2);
      await qi.bulkDelete('owners', { [Op.or]: [{ name: 'c' }, { id: 1 }] });
      assert.deepEqual(await rows('SELECT name FROM owners'), [{ name: 'z' }]);
      await qi.bulkDelete('owners');
      assert.deepEqual(await rows('SELECT name FROM owners'), []);
    });

    test('addConstraint and removeConstraint: unique, check, foreign key', async () => {
      await qi.addConstraint('owners', { type: 'unique', fields: ['name'], name: 'owners_name_uk' });
      await qi.bulkInsert('owners', [{ name: 'a' }]);
      await assert.rejects(qi.bulkInsert('owners', [{ name: 'a' }]), UniqueConstraintError);
      await qi.removeConstraint('owners', 'owners_name_uk');
      await qi.bulkInsert('owners', [{ name: 'a' }]);
      await qi.addConstraint('pets', { type: 'check', fields: ['age'], where: { age: { [Op.gte]: 0 } }, name: 'pets_age_ck' });
      await assert.rejects(qi.bulkInsert('pets', [{ age: -1 }]));
      await qi.bulkInsert('pets', [{ age: 1 }]);
      await qi.addColumn('pets', 'vetId', { type: DataTypes.INTEGER });
      await qi.addConstraint('pets', { type: 'foreign key', fields: ['vetId'], references: { table: 'owners', field: 'id' }, onDelete: 'cascade' });
      await assert.rejects(qi.bulkInsert('pets', [{ vetId: 42 }]), ForeignKeyConstraintError);
      await qi.removeConstraint('pets', 'pets_vetId_owners_fk');
      await qi.bulkInsert('pets', [{ vetId: 42 }]);
    });

    test('addIndex options: partial (where), type, using, field length and order', async () => {
      if (dialect !== 'mysql' && dialect !== 'mariadb') {
        await qi.addIndex('pets', { fields: ['age'], unique: true, name: 'pets_age_ok', where: { ok: true } });
        await qi.bulkInsert('pets', [{ age: 1, ok: false }, { age: 1, ok: false }, { age: 2, ok: true }]);
        await assert.rejects(qi.bulkInsert('pets', [{ age: 2, ok: true }]), UniqueConstraintError);
      }
      if (dialect === 'postgres') {
        await qi.addIndex('pets', ['age'], { using: 'hash', name: 'pets_age_hash' });
        const [row] = await rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'pets_age_hash'");
        assert.match(String(row!['indexdef']), /USING hash/);
      }
      if (isMysql) {
        await qi.addIndex('pets', { fields: ['tag'], type: 'FULLTEXT', name: 'pets_tag_text' });
        await qi.addIndex('pets', { fields: [{ name: 'tag', length: 5, order: 'DESC' }], name: 'pets_tag_prefix' });
        const indexes = (await rows('SHOW INDEX FROM pets')).filter((row) => String(row['Key_name']).startsWith('pets_tag_'));
        assert.ok(indexes.some((row) => row['Key_name'] === 'pets_tag_text' && row['Index_type'] === 'FULLTEXT'));
        assert.ok(indexes.some((row) => row['Key_name'] === 'pets_tag_prefix' && Number(row['Sub_part']) === 5));
      }
    });

    test('ENUM columns: createTable, addColumn, changeColumn with new values; uniqueKeys; a column comment', async () => {
      await qi.createTable('moods', { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, mood: DataTypes.ENUM('x', 'y'), a: DataTypes.STRING, b: DataTypes.STRING }, { uniqueKeys: { moods_ab: { fields: ['a', 'b'] } } });
      await qi.bulkInsert('moods', [{ mood: 'y', a: '1', b: '2' }]);
      await assert.rejects(qi.bulkInsert('moods', [{ a: '1', b: '2' }]), UniqueConstraintError);
      await qi.addColumn('moods', 'other', { type: DataTypes.ENUM('p', 'q'), comment: 'second mood' });
      await qi.changeColumn('moods', 'mood', { type: DataTypes.ENUM('x', 'y', 'w') });
      await qi.bulkInsert('moods', [{ mood: 'w', other: 'q', a: '3' }]);
      assert.deepEqual(await rows('SELECT mood, other FROM moods ORDER BY id'), [{ mood: 'y', other: null }, { mood: 'w', other: 'q' }]);
      if (dialect !== 'sqlite') assert.equal((await qi.describeTable('moods'))['other']!.comment, 'second mood');
      if (dialect === 'postgres') assert.deepEqual((await qi.describeTable('moods'))['mood']!.special, ['x', 'y', 'w']);
    });

    test('rawSelect and select', async () => {
      await qi.bulkInsert('owners', [{ name: 'a' }, { name: 'b' }]);
      assert.equal(await qi.rawSelect('owners', { where: { name: 'b' } }, 'id'), 2);
      assert.equal(await qi.rawSelect('owners', { where: { name: 'zz' } }, 'id'), null);
      assert.deepEqual(await qi.rawSelect('owners', { plain: false }, 'name'), [{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
      assert.deepEqual(await qi.select(null, 'owners', { where: { name: { [Op.ne]: 'b' } } }), [{ id: 1, name: 'a' }]);
    });

    test('quoteIdentifier and sequelize', () => {
      assert.equal(qi.quoteIdentifier('a'), isMysql ? '`a`' : dialect === 'sqlite' ? '`a`' : '"a"');
      assert.equal(qi.sequelize, sequelize);
    });
  });
}
