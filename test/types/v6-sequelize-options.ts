// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import { Dialect, Options, PoolOptions, Sequelize, SyncOptions, TransactionOptions, Transaction, ConnectionOptions, ReplicationOptions, QueryOptions, QueryTypes, LOCK, Op } from '../../src/index.js';

type Env = 'development' | 'test';
interface DbConfig { username: string; password: string | undefined; database: string; host: string; dialect: Dialect; logging?: boolean | ((sql: string) => void) }
const configs: Record<Env, DbConfig> = {
  development: { username: 'root', password: undefined, database: 'dev', host: '127.0.0.1', dialect: 'sqlite' },
  test: { username: 'root', password: undefined, database: 'test', host: '127.0.0.1', dialect: 'sqlite', logging: false },
};
const config = configs[(process.env.NODE_ENV as Env | undefined) ?? 'test'];
const pool: PoolOptions = { max: 5, min: 0, acquire: 30000, idle: 10000 };
const options: Options = {
  ...config,
  storage: ':memory:',
  pool,
  logging: false,
  define: { freezeTableName: true, timestamps: false },
  retry: { max: 2 },
  benchmark: false,
};
const sequelize = new Sequelize(config.database, config.username, config.password, options);
const second = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
const replica: ReplicationOptions = { read: [{ host: 'r' }], write: { host: 'w' } };
const conn: ConnectionOptions = { host: 'x', port: 1 };
void replica;
void conn;

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.authenticate();
  const dialect: string = sequelize.getDialect();
  const syncOpts: SyncOptions = { force: true, logging: false };
  await sequelize.sync(syncOpts);
  const txOpts: TransactionOptions = { isolationLevel: Transaction.ISOLATION_LEVELS.SERIALIZABLE, type: Transaction.TYPES.IMMEDIATE };
  const t = await sequelize.transaction(txOpts);
  const q: QueryOptions = { transaction: t, type: QueryTypes.SELECT, raw: true };
  const rows = await sequelize.query('SELECT 1 AS one', q);
  await t.commit();
  const r2 = await sequelize.transaction(async (tx) => {
    tx.afterCommit(() => undefined);
    return sequelize.query('SELECT 2 AS two', { transaction: tx, plain: true, raw: true, type: QueryTypes.SELECT });
  });
  const lock: LOCK = Transaction.LOCK.UPDATE;
  const opGt: symbol = Op.gt;
  const version = typeof (await sequelize.databaseVersion());
  await second.close();
  await sequelize.close();
  return { dialect, rows, r2, lock, opGt: String(opGt), version, dbName: sequelize.config.database };
}
