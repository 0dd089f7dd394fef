import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, type Sequelize } from '../src/index.js';
import { addEmail, createPets, createUsers, databaseUrl, freshDatabase, project, recorded, runCli, writeFiles } from './setup/cli.js';
import { testDialects } from './setup/dialects.js';

// The real `joinery` bin in a child process against each dialect's test database.
for (const dialect of testDialects) {
  describe(`joinery migration CLI on ${dialect}`, () => {
    const folder = project();
    const url = databaseUrl(dialect, folder);
    let sequelize: Sequelize;

    before(async () => {
      sequelize = await freshDatabase(url);
    });
    after(async () => {
      await sequelize.close();
    });

    async function reset(files: Record<string, string>): Promise<string> {
      await sequelize.getQueryInterface().dropAllTables();
      return project(files);
    }

    test('db:migrate runs pending migrations in file-name order, records them, and status tells up from down', async () => {
      const cwd = await reset({
        'migrations/20240101000000-create-users.js': createUsers,
        'migrations/20240102000000-add-email.cjs': addEmail,
        'migrations/20240103000000-create-pets.mjs': createPets,
        'migrations/20240104000000-typed.ts': 'export async function up() {}',
        'migrations/types.d.ts': '',
      });
      const before = runCli(cwd, ['db:migrate:status', '--url', url]);
      assert.equal(before.status, 0, before.stderr);
      assert.match(before.stdout, /Skipping 20240104000000-typed\.ts: TypeScript migrations need compiling to \.js first\./);
      assert.match(before.stdout, /^down 20240101000000-create-users\.js$/m);

      const first = runCli(cwd, ['db:migrate', '--url', url, '--to', '20240102000000-add-email']);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /== 20240101000000-create-users: migrating =+\n== 20240101000000-create-users: migrated \(\d+\.\d+s\)/);
      assert.deepEqual(await recorded(sequelize), ['20240101000000-create-users.js', '20240102000000-add-email.cjs']);
      assert.deepEqual(Object.keys(await sequelize.getQueryInterface().describeTable('cli_users')).sort(), ['createdAt', 'email', 'id', 'name']);
      assert.ok(!(await sequelize.getQueryInterface().showAllTables()).includes('cli_pets'));

      const status = runCli(cwd, ['db:migrate:status', '--url', url]);
      assert.deepEqual(status.stdout.split('\n').filter((line) => /^(up|down) /.test(line)), [
        'up 20240101000000-create-users.js',
        'up 20240102000000-add-email.cjs',
        'down 20240103000000-create-pets.mjs',
      ]);

      const fromTo = runCli(cwd, ['db:migrate', '--url', url, '--from', '20240101000000-create-users.js', '--to', '20240102000000-add-email']);
      assert.equal(fromTo.status, 1, 'add-email has run already');
      assert.match(fromTo.stderr, /20240102000000-add-email\.cjs has already run/);
      const rest = runCli(cwd, ['db:migrate', '--url', url, '--from', '20240102000000-add-email']);
      assert.equal(rest.status, 0, rest.stderr);
      assert.doesNotMatch(rest.stdout, /create-users: migrating/);
      assert.ok((await sequelize.getQueryInterface().showAllTables()).includes('cli_pets'));
      assert.equal((await recorded(sequelize)).length, 3);

      const again = runCli(cwd, ['db:migrate', '--url', url]);
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /No migrations were executed, database schema was already up to date\./);
    });

    test('db:migrate:undo reverts the last one; undo:all --to stops at the one named; undo:all reverts the rest', async () => {
      const cwd = await reset({
        'migrations/20240101000000-create-users.js': createUsers,
        'migrations/20240102000000-add-email.js': addEmail,
        'migrations/20240103000000-create-pets.mjs': createPets,
      });
      assert.equal(runCli(cwd, ['db:migrate', '--url', url]).status, 0);
      const queryInterface = sequelize.getQueryInterface();

      const undo = runCli(cwd, ['db:migrate:undo', '--url', url]);
      assert.equal(undo.status, 0, undo.stderr);
      assert.match(undo.stdout, /== 20240103000000-create-pets: reverting =+\n== 20240103000000-create-pets: reverted/);
      assert.ok(!(await queryInterface.showAllTables()).includes('cli_pets'));
      assert.deepEqual(await recorded(sequelize), ['20240101000000-create-users.js', '20240102000000-add-email.js']);

      const toEmail = runCli(cwd, ['db:migrate:undo:all', '--url', url, '--to', '20240102000000-add-email.js']);
      assert.equal(toEmail.status, 0, toEmail.stderr);
      assert.deepEqual(Object.keys(await queryInterface.describeTable('cli_users')).sort(), ['createdAt', 'id', 'name']);
      assert.deepEqual(await recorded(sequelize), ['20240101000000-create-users.js']);

      const all = runCli(cwd, ['db:migrate:undo:all', '--url', url]);
      assert.equal(all.status, 0, all.stderr);
      assert.deepEqual((await queryInterface.showAllTables()).filter((table) => table.startsWith('cli_')), []);
      assert.deepEqual(await recorded(sequelize), []);
      assert.match(runCli(cwd, ['db:migrate:undo', '--url', url]).stdout, /No executed migrations found\./);

      const missing = runCli(cwd, ['db:migrate:undo:all', '--url', url, '--to', '20990101000000-nope']);
      assert.equal(missing.status, 0, 'nothing has run, so there is nothing to undo');
    });

    test('a failing migration is named, exits non-zero, is not recorded, and rolls back where DDL is transactional', async () => {
      const cwd = await reset({
        'migrations/20240101000000-create-users.js': createUsers,
        'migrations/20240102000000-broken.js': `module.exports = {
          async up(queryInterface, Sequelize) {
            await queryInterface.createTable('cli_half', { id: { type: Sequelize.INTEGER, primaryKey: true } });
            await queryInterface.bulkInsert('cli_users', [{ name: 'kept?', createdAt: new Date() }]);
            await queryInterface.addColumn('cli_no_such_table', 'x', Sequelize.STRING);
          },
          async down() {},
        };`,
        'migrations/20240103000000-create-pets.mjs': createPets,
      });
      const result = runCli(cwd, ['db:migrate', '--url', url]);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /ERROR: The migration 20240102000000-broken\.js failed while running up: .*cli_no_such_table/);
      assert.deepEqual(await recorded(sequelize), ['20240101000000-create-users.js'], 'the migration before it stays recorded');
      const tables = await sequelize.getQueryInterface().showAllTables();
      assert.ok(!tables.includes('cli_pets'), 'migrations after the failure do not run');
      if (sequelize.dialect.supports.transactionalDdl) {
        assert.match(result.stderr, /rolled back/);
        assert.ok(!tables.includes('cli_half'), 'the half-done table is rolled back');
        assert.deepEqual(await sequelize.query('SELECT name FROM cli_users', { type: 'SELECT' }), []);
      } else {
        assert.match(result.stderr, /commits schema changes as they run/);
      }
      assert.match(runCli(cwd, ['db:migrate:status', '--url', url]).stdout, /^down 20240102000000-broken\.js$/m);
    });

    test('a migration using createTable, addColumn, addIndex, removeColumn, bulkInsert, bulkDelete and queryInterface.sequelize', async () => {
      const cwd = await reset({
        'migrations/20240101000000-schema-and-data.js': `module.exports = {
          async up(queryInterface, Sequelize) {
            await queryInterface.createTable('cli_toys', {
              id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
              name: { type: Sequelize.STRING, allowNull: false },
              legacy: Sequelize.STRING,
              createdAt: { type: Sequelize.DATE, allowNull: false },
            });
            await queryInterface.addColumn('cli_toys', 'squeaky', { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: false });
            await queryInterface.addIndex('cli_toys', ['name'], { unique: true });
            await queryInterface.removeColumn('cli_toys', 'legacy');
            await queryInterface.bulkInsert('cli_toys', [
              { name: 'ball', squeaky: true, createdAt: new Date('2024-01-02T03:04:05.678Z') },
              { name: 'rope', createdAt: new Date('2024-01-02T03:04:05.678Z') },
              { name: 'bone', squeaky: false, createdAt: new Date('2024-01-02T03:04:05.678Z') },
            ]);
            await queryInterface.bulkDelete('cli_toys', { name: { [Sequelize.Op.in]: ['bone'] } });
            // sequelize-cli's documented unmanaged transaction: joins the migration's own.
            const transaction = await queryInterface.sequelize.transaction();
            await queryInterface.sequelize.query("UPDATE cli_toys SET name = 'rope!' WHERE name = 'rope'", { transaction });
            await transaction.commit();
          },
          async down(queryInterface) {
            await queryInterface.bulkDelete('cli_toys', null, {});
            await queryInterface.dropTable('cli_toys');
          },
        };`,
      });
      const result = runCli(cwd, ['db:migrate', '--url', url]);
      assert.equal(result.status, 0, result.stderr);
      const queryInterface = sequelize.getQueryInterface();
      const columns = await queryInterface.describeTable('cli_toys');
      assert.deepEqual(Object.keys(columns).sort(), ['createdAt', 'id', 'name', 'squeaky']);
      const indexes = await queryInterface.showIndex('cli_toys');
      assert.ok(indexes.some((index) => index.unique && index.fields.map((field) => field.attribute).join() === 'name'), JSON.stringify(indexes));
      const Toy = sequelize.define('cli_toys', { name: DataTypes.STRING, squeaky: DataTypes.BOOLEAN }, { tableName: 'cli_toys', updatedAt: false });
      const toys = await Toy.findAll({ order: [['name', 'ASC']] });
      assert.deepEqual(toys.map((toy) => [toy.get('name'), toy.get('squeaky'), (toy.get('createdAt') as Date).toISOString()]), [
        ['ball', true, '2024-01-02T03:04:05.678Z'],
        ['rope!', false, '2024-01-02T03:04:05.678Z'],
      ]);

      const undo = runCli(cwd, ['db:migrate:undo', '--url', url]);
      assert.equal(undo.status, 0, undo.stderr);
      assert.ok(!(await queryInterface.showAllTables()).includes('cli_toys'));
    });

    test('SequelizeMeta written by sequelize-cli is read as history; seeders run and undo', async () => {
      const cwd = await reset({
        'migrations/20240101000000-create-users.js': createUsers,
        'migrations/20240102000000-add-email.js': addEmail,
      });
      // As sequelize-cli leaves it: the first migration ran, recorded by file name.
      const queryInterface = sequelize.getQueryInterface();
      await queryInterface.createTable('SequelizeMeta', { name: { type: DataTypes.STRING, allowNull: false, unique: true, primaryKey: true } });
      await queryInterface.bulkInsert('SequelizeMeta', [{ name: '20240101000000-create-users.js' }]);
      await queryInterface.createTable('cli_users', {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        name: { type: DataTypes.STRING, allowNull: false },
        createdAt: { type: DataTypes.DATE, allowNull: false },
      });
      const result = runCli(cwd, ['db:migrate', '--url', url]);
      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stdout, /create-users: migrating/);
      assert.ok('email' in (await queryInterface.describeTable('cli_users')));

      writeFiles(cwd, {
        'seeders/20240101000000-users.js': `module.exports = {
          up: (queryInterface) => queryInterface.bulkInsert('cli_users', [{ name: 'Cody', createdAt: new Date() }, { name: 'Ella', createdAt: new Date() }]),
          down: (queryInterface) => queryInterface.bulkDelete('cli_users', { name: ['Cody', 'Ella'] }),
        };`,
      });
      const seeded = runCli(cwd, ['db:seed:all', '--url', url]);
      assert.equal(seeded.status, 0, seeded.stderr);
      const names = async () => ((await sequelize.query('SELECT name FROM cli_users ORDER BY name', { type: 'SELECT' })) as Array<{ name: string }>).map((row) => row.name);
      assert.deepEqual(await names(), ['Cody', 'Ella']);
      assert.ok(!(await queryInterface.showAllTables()).includes('SequelizeData'), 'seederStorage "none" records nothing');
      const undone = runCli(cwd, ['db:seed:undo:all', '--url', url]);
      assert.equal(undone.status, 0, undone.stderr);
      assert.deepEqual(await names(), []);
    });
  });
}
