import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DataTypes, Op, QueryTypes, Sequelize, Transaction } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

describe('Sequelize statics', () => {
  test('version, Op, QueryTypes, Transaction, DataTypes on the class', () => {
    const statics = Sequelize as unknown as Record<string, unknown>;
    assert.match(String(statics['version']), /^6\./);
    assert.equal(statics['Op'], Op);
    assert.equal(statics['QueryTypes'], QueryTypes);
    assert.equal(statics['Transaction'], Transaction);
    assert.equal(typeof statics['STRING'], 'function');
  });
});

for (const dialect of testDialects) {
  const isMysql = dialect === 'mysql' || dialect === 'mariadb';
  describe(`the Sequelize instance on ${dialect}`, () => {
    test('options, config, getDialect, dialect.name, getDatabaseName', async () => {
      const sequelize = await connect(dialect, { define: { paranoid: false } });
      assert.equal(sequelize.getDialect(), dialect);
      assert.equal(sequelize.dialect.name, dialect);
      assert.equal(sequelize.options.dialect, dialect);
      assert.deepEqual(sequelize.options.define, { paranoid: false });
      assert.equal(sequelize.options.timezone, '+00:00');
      assert.equal(sequelize.options.omitNull, false);
      assert.equal(sequelize.options.transactionType, 'DEFERRED');
      if (dialect === 'sqlite') {
        assert.equal(sequelize.options.storage, ':memory:');
      } else {
        assert.equal(typeof sequelize.config.database, 'string');
        assert.equal(sequelize.getDatabaseName(), sequelize.config.database);
        assert.equal(sequelize.config.host, '127.0.0.1');
        assert.equal(sequelize.config.port, dialect === 'postgres' ? 5432 : 3306);
        assert.equal(sequelize.config.username, dialect === 'postgres' ? 'postgres' : 'root');
      }
      await sequelize.close();
    });

    test('dialect.supports carries the flags plugins read, valued as sequelize@6 values them', async () => {
      const sequelize = await connect(dialect);
      const supports = sequelize.dialect.supports;
      assert.equal(supports.transactions, true);
      assert.equal(supports.upserts, true);
      assert.equal(supports['JSON'], true);
      if (dialect === 'sqlite') {
        assert.equal(supports.returnValues, false);
        assert.equal(supports.schemas, false);
        assert.equal(supports.inserts.ignoreDuplicates, ' OR IGNORE');
      } else if (dialect === 'postgres') {
        assert.deepEqual(supports.returnValues, { returning: true });
        assert.equal(supports.schemas, true);
        assert.equal(supports.inserts.ignoreDuplicates, '');
        assert.equal(supports.inserts.onConflictDoNothing, ' ON CONFLICT DO NOTHING');
        assert.equal(supports['JSONB'], true);
      } else if (isMysql) {
        assert.equal(supports.returnValues, false);
        assert.equal(supports.inserts.ignoreDuplicates, ' IGNORE');
        assert.equal(supports.inserts.updateOnDuplicate, ' ON DUPLICATE KEY UPDATE');
        assert.equal(supports['ON DUPLICATE KEY'], true);
      }
      await sequelize.close();
    });

    test('models: define registers, model() finds, isDefined answers, models = {} resets', async () => {
      const sequelize = await connect(dialect);
      const Pug = sequelize.define('pug', { name: DataTypes.STRING });
      assert.equal(sequelize.models['pug'], Pug);
      assert.equal(sequelize.model('pug'), Pug);
      assert.equal(sequelize.isDefined('pug'), true);
      assert.throws(() => sequelize.model('cat'), /cat has not been defined/);
      sequelize.models = {};
      assert.equal(sequelize.isDefined('pug'), false);
      const Again = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER });
      await sequelize.sync({ force: true });
      assert.ok('age' in (await sequelize.getQueryInterface().describeTable('pugs')));
      assert.equal(sequelize.model('pug'), Again);
      await sequelize.close();
    });

    test('hooks: beforeQuery/afterQuery, beforeDefine/afterDefine, removeHook, hooks option, shorthands', async () => {
      const events: string[] = [];
      const sequelize = await connect(dialect, { hooks: { afterDefine: (model: { name: string }) => { events.push(`option afterDefine ${model.name}`); } } });
      sequelize.addHook('beforeDefine', (attributes: Record<string, unknown>, options: Record<string, unknown>) => {
        events.push(`beforeDefine ${Object.keys(attributes).join()}`);
        options['tableName'] = 'renamed_by_hook';
      });
      sequelize.afterDefine('named', (model: { name: string }) => { events.push(`afterDefine ${model.name}`); });
      const Cat = sequelize.define('cat', { name: DataTypes.STRING });
      assert.equal(Cat.tableName, 'renamed_by_hook');
      assert.deepEqual(events, ['beforeDefine name', 'option afterDefine cat', 'afterDefine cat']);
      const seen: string[] = [];
      const before = (_options: unknown, query: { sql: string }) => { seen.push(`before ${query.sql}`); };
      assert.equal(sequelize.addHook('beforeQuery', before), sequelize);
      sequelize.addHook('afterQuery', (_options: unknown, query: { sql: string }) => { seen.push(`after ${query.sql}`); });
      assert.equal(sequelize.hasHook('beforeQuery'), true);
      await sequelize.query('SELECT 1 AS one');
      assert.deepEqual(seen, ['before SELECT 1 AS one', 'after SELECT 1 AS one']);
      sequelize.removeHook('beforeQuery', before);
      sequelize.removeHook('afterDefine', 'named');
      await sequelize.query('SELECT 2 AS two');
      assert.deepEqual(seen.slice(2), ['after SELECT 2 AS two']);
      assert.throws(() => sequelize.addHook('beforeNothing', () => {}), /beforeNothing/);
      await sequelize.close();
    });

    test('showAllSchemas, createSchema, dropSchema', async () => {
      const sequelize = await connect(dialect);
      if (dialect === 'postgres') {
        await sequelize.dropSchema('joinery_platform_schema');
        await sequelize.createSchema('joinery_platform_schema');
        assert.ok((await sequelize.showAllSchemas()).includes('joinery_platform_schema'));
        const Scoped = sequelize.define('scoped', { n: DataTypes.INTEGER }, { schema: 'joinery_platform_schema' });
        await Scoped.sync();
        await Scoped.create({ n: 1 });
        assert.equal(await Scoped.count(), 1);
        await sequelize.dropSchema('joinery_platform_schema');
        assert.ok(!(await sequelize.showAllSchemas()).includes('joinery_platform_schema'));
      } else if (dialect === 'sqlite') {
        assert.deepEqual(await sequelize.showAllSchemas(), []);
      } else {
        assert.ok((await sequelize.showAllSchemas()).includes(String(sequelize.config.database)));
      }
      await sequelize.close();
    });

    test('escape gives the dialect\'s literals', async () => {
      const sequelize = await connect(dialect);
      const escaped = sequelize.escape("it's");
      assert.ok(escaped === "'it''s'" || escaped === "'it\\'s'", escaped);
      assert.equal(sequelize.escape(5), '5');
      assert.equal(sequelize.escape(null), 'NULL');
      // v6: PostgreSQL writes an array literal, the others a list.
      assert.equal(sequelize.escape(['a', 1]), dialect === 'postgres' ? "ARRAY['a',1]" : "'a', 1");
      const [row] = (await sequelize.query(`SELECT ${sequelize.escape("it's")} AS v`, { type: QueryTypes.SELECT })) as { v: string }[];
      assert.equal(row!.v, "it's");
      await sequelize.close();
    });
  });
}
