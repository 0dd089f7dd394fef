import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConnectionError, DataTypes, QueryTypes, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { testDatabaseUrl, testDialects } from './setup/dialects.js';

/** The read server is another database on the same server, holding other rows: the rows tell who answered. */
function readUrl(dialect: string): { url: string; writeDb: string; readDb: string } {
  const url = new URL(testDatabaseUrl(dialect));
  const writeDb = decodeURIComponent(url.pathname.slice(1));
  const readDb = `${writeDb}_read`;
  url.pathname = `/${readDb}`;
  return { url: url.toString(), writeDb, readDb };
}

async function ensureDatabase(dialect: string, name: string): Promise<void> {
  const admin = new Sequelize(testDatabaseUrl(dialect), { logging: false });
  try {
    if (dialect === 'postgres') {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', { bind: [name], type: QueryTypes.SELECT });
      if (found.length === 0) await admin.query(`CREATE DATABASE "${name}"`);
    } else {
      await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
    }
  } finally {
    await admin.close();
  }
}

function defineModels(sequelize: Sequelize): { Pug: ModelStatic<Model>; Toy: ModelStatic<Model> } {
  const Pug = sequelize.define('rep_pug', { name: DataTypes.STRING }, { timestamps: false });
  const Toy = sequelize.define('rep_toy', { name: DataTypes.STRING }, { timestamps: false });
  Pug.hasMany(Toy, { foreignKey: 'pugId' });
  return { Pug, Toy };
}

/** The same tables in a database, holding pugs and toys named after it. */
async function seed(url: string, label: string): Promise<void> {
  const sequelize = new Sequelize(url, { logging: false });
  const { Pug, Toy } = defineModels(sequelize);
  await sequelize.sync({ force: true });
  await Pug.bulkCreate([{ name: `${label} 1` }, { name: `${label} 2` }]);
  await Toy.bulkCreate([{ name: `${label} toy`, pugId: 1 }]);
  await sequelize.close();
}

const names = (rows: readonly Model[]) => rows.map((row) => row.get('name'));

for (const dialect of testDialects.filter((name) => name !== 'sqlite')) {
  describe(`replication on ${dialect}: reads to the read servers, the rest to the write server`, () => {
    const { url: readServerUrl, writeDb, readDb } = readUrl(dialect);
    let sequelize: Sequelize;
    let Pug: ModelStatic<Model>;
    let Toy: ModelStatic<Model>;
    const logged: string[] = [];

    before(async () => {
      await ensureDatabase(dialect, readDb);
      await seed(testDatabaseUrl(dialect), 'write');
      await seed(readServerUrl, 'read');
      // Only the database differs per server: host, port, username and password come from the URL.
      sequelize = new Sequelize(testDatabaseUrl(dialect), {
        logging: (sql: string) => logged.push(sql),
        replication: { read: [{ database: readDb }], write: { database: writeDb } },
      });
      ({ Pug, Toy } = defineModels(sequelize));
    });
    after(async () => {
      await sequelize.close();
    });

    test('findAll, findOne, findByPk, count, max, findAndCountAll and includes read from the read server', async () => {
      assert.deepEqual(names(await Pug.findAll({ order: [['id', 'ASC']] })), ['read 1', 'read 2']);
      assert.equal((await Pug.findOne({ where: { id: 2 } }))?.get('name'), 'read 2');
      assert.equal((await Pug.findByPk(1))?.get('name'), 'read 1');
      await Pug.create({ name: 'write 3' });
      assert.equal(await Pug.count(), 2);
      assert.equal(await Pug.max('id'), 2);
      const page = await Pug.findAndCountAll({ limit: 1, order: [['id', 'ASC']] });
      assert.deepEqual([page.count, names(page.rows)], [2, ['read 1']]);
      const [first] = await Pug.findAll({ include: [Toy], where: { id: 1 } });
      assert.deepEqual(names(first!.get('rep_toys') as Model[]), ['read toy']);
      assert.deepEqual(names(await Pug.findAll({ include: [{ model: Toy, required: true }] })), ['read 1']);
      assert.deepEqual(names(await (first as Model & { getRep_toys(): Promise<Model[]> }).getRep_toys()), ['read toy']);
    });

    test('useMaster: true sends a read to the write server', async () => {
      assert.deepEqual(names(await Pug.findAll({ useMaster: true, order: [['id', 'ASC']] })).slice(0, 2), ['write 1', 'write 2']);
      assert.equal((await Pug.findByPk(1, { useMaster: true }))?.get('name'), 'write 1');
      assert.equal((await Pug.findOne({ where: { id: 2 }, useMaster: true }))?.get('name'), 'write 2');
      const rows = await sequelize.query('SELECT name FROM rep_pugs WHERE id = 1', { type: QueryTypes.SELECT, useMaster: true });
      assert.deepEqual(rows, [{ name: 'write 1' }]);
    });

    test('sequelize.query: type SELECT (or plain) reads from the read server, untyped statements go to the write server', async () => {
      assert.deepEqual(await sequelize.query('SELECT name FROM rep_pugs WHERE id = 1', { type: QueryTypes.SELECT }), [{ name: 'read 1' }]);
      assert.deepEqual(await sequelize.query('SELECT name FROM rep_pugs WHERE id = 1', { plain: true }), { name: 'read 1' });
      assert.equal(((await sequelize.query('SELECT * FROM rep_pugs WHERE id = 1', { model: Pug })) as Model[])[0]?.get('name'), 'read 1');
      const [untyped] = (await sequelize.query('SELECT name FROM rep_pugs WHERE id = 1')) as [unknown[], unknown];
      assert.deepEqual(untyped, [{ name: 'write 1' }]);
    });

    test('writes and every statement of a transaction go to the write server; a readOnly transaction reads a read server', async () => {
      const created = await Pug.create({ name: 'fresh' });
      await Pug.update({ name: 'renamed' }, { where: { id: created.get('id') } });
      assert.equal(await Pug.findByPk(created.get('id') as number), null);
      assert.equal((await Pug.findByPk(created.get('id') as number, { useMaster: true }))?.get('name'), 'renamed');
      await sequelize.transaction(async (t) => {
        assert.equal((await Pug.findByPk(1, { transaction: t }))?.get('name'), 'write 1');
        // The ambient managed transaction is found without passing it.
        assert.equal(await Pug.count(), (await Pug.count({ useMaster: true })));
        assert.ok((await Pug.count()) > 2);
      });
      const unmanaged = await sequelize.transaction();
      assert.deepEqual(names(await Pug.findAll({ where: { id: [1, 2] }, order: [['id', 'ASC']], transaction: unmanaged })), ['write 1', 'write 2']);
      await unmanaged.commit();
      const readOnly = await sequelize.transaction({ readOnly: true });
      assert.equal((await Pug.findByPk(1, { transaction: readOnly }))?.get('name'), 'read 1');
      await readOnly.commit();
      await Pug.destroy({ where: { id: created.get('id') } });
      assert.equal(await Pug.count({ useMaster: true, where: { name: 'renamed' } }), 0);
      // Nothing was written to the read server.
      const reader = new Sequelize(readServerUrl, { logging: false });
      assert.deepEqual(await reader.query('SELECT name FROM rep_pugs ORDER BY id', { type: QueryTypes.SELECT }), [{ name: 'read 1' }, { name: 'read 2' }]);
      await reader.close();
    });

    test('several read servers take reads in turn; a server option overrides the top-level one', async () => {
      const two = new Sequelize(testDatabaseUrl(dialect), { logging: false, replication: { read: [{ database: readDb }, { database: writeDb }], write: { database: writeDb } } });
      const { Pug: TwoPug } = defineModels(two);
      const answers: unknown[] = [];
      for (let round = 0; round < 4; round += 1) answers.push((await TwoPug.findByPk(1))?.get('name'));
      assert.deepEqual(answers, ['read 1', 'write 1', 'read 1', 'write 1']);
      await two.close();
      // A read server on a port nobody listens on fails its reads; writes still reach the write server.
      const broken = new Sequelize(testDatabaseUrl(dialect), { logging: false, replication: { read: [{ port: 1 }], write: {} } });
      const { Pug: BrokenPug } = defineModels(broken);
      await assert.rejects(BrokenPug.findAll(), ConnectionError);
      assert.equal((await BrokenPug.findByPk(1, { useMaster: true }))?.get('name'), 'write 1');
      await broken.close();
    });

    test('config and options keep the replication settings; close() ends the read and the write pools', async () => {
      const dialectOptions = dialect === 'postgres' ? { application_name: 'joinery_replica_close' } : {};
      const own = new Sequelize(testDatabaseUrl(dialect), { logging: false, pool: { max: 2 }, dialectOptions, replication: { read: [{ database: readDb }], write: { database: writeDb } } });
      assert.deepEqual(own.config.replication, { read: [{ database: readDb }], write: { database: writeDb } });
      assert.deepEqual(own.options.replication, { read: [{ database: readDb }], write: { database: writeDb } });
      assert.equal(own.getDatabaseName(), writeDb);
      const { Pug: OwnPug } = defineModels(own);
      await Promise.all([OwnPug.findAll(), OwnPug.findAll(), OwnPug.findAll({ useMaster: true })]);
      const sessions = async (): Promise<number> => {
        const [row] = (await watcher.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname IN ($1, $2) AND application_name = $3', { bind: [readDb, writeDb, 'joinery_replica_close'], type: QueryTypes.SELECT })) as Array<{ n: number }>;
        return row!.n;
      };
      const watcher = new Sequelize(testDatabaseUrl(dialect), { logging: false });
      // The dialect options reach every server's pool (PostgreSQL shows them as the sessions' application_name).
      if (dialect === 'postgres') assert.equal(await sessions(), 3);
      await own.close();
      await assert.rejects(OwnPug.findAll(), ConnectionError);
      await assert.rejects(OwnPug.findAll({ useMaster: true }), ConnectionError);
      if (dialect === 'postgres') {
        // pg ends its clients as close() resolves; the server may take a moment to drop the sessions.
        let open = 1;
        for (let tries = 0; tries < 50 && open > 0; tries += 1) {
          open = await sessions();
          if (open > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.equal(open, 0);
      }
      await watcher.close();
    });
  });
}

if (testDialects.includes('sqlite')) {
  describe('replication on sqlite', () => {
    test('is ignored, as in v6: one database file takes reads and writes', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'joinery-replication-'));
      const sequelize = new Sequelize({ dialect: 'sqlite', storage: join(folder, 'main.sqlite'), logging: false, replication: { read: [{ database: 'other' }], write: {} } });
      const { Pug } = defineModels(sequelize);
      await sequelize.sync();
      await Pug.create({ name: 'only' });
      assert.deepEqual(names(await Pug.findAll()), ['only']);
      assert.deepEqual(await sequelize.query('SELECT name FROM rep_pugs', { type: QueryTypes.SELECT }), [{ name: 'only' }]);
      assert.deepEqual(sequelize.config.replication, { read: [{ database: 'other' }], write: {} });
      await sequelize.close();
    });
  });
}
