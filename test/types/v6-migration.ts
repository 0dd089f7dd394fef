// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
// A sequelize-cli/umzug migration written in TypeScript.
import { DataTypes, QueryInterface, Sequelize, QueryInterfaceCreateTableOptions, ModelAttributes, Transaction, QueryTypes } from '../../src/index.js';

type Migration = {
  up: (queryInterface: QueryInterface, Sequelize: typeof DataTypes) => Promise<void>;
  down: (queryInterface: QueryInterface, Sequelize: typeof DataTypes) => Promise<void>;
};

const createUsers: Migration = {
  async up(queryInterface, Types) {
    const columns: ModelAttributes = {
      id: { type: Types.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      email: { type: Types.STRING(191), allowNull: false, unique: true },
      role: { type: Types.ENUM('admin', 'user'), allowNull: false, defaultValue: 'user' },
      createdAt: { type: Types.DATE, allowNull: false, defaultValue: Sequelize.literal('CURRENT_TIMESTAMP') },
      updatedAt: { type: Types.DATE, allowNull: false },
    };
    const opts: QueryInterfaceCreateTableOptions = {};
    await queryInterface.createTable('users', columns, opts);
    await queryInterface.addIndex('users', ['role'], { name: 'users_role' });
    await queryInterface.addColumn('users', 'nickname', { type: Types.STRING, allowNull: true });
    await queryInterface.sequelize.transaction(async (transaction: Transaction) => {
      await queryInterface.createTable('posts', {
        id: { type: Types.INTEGER, primaryKey: true, autoIncrement: true },
        userId: { type: Types.INTEGER, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE', onUpdate: 'CASCADE' },
        title: Types.STRING,
      }, { transaction });
      await queryInterface.addConstraint('posts', { fields: ['title'], type: 'unique', name: 'posts_title_uk', transaction });
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('posts');
    await queryInterface.removeColumn('users', 'nickname');
    await queryInterface.removeIndex('users', 'users_role');
    await queryInterface.dropTable('users');
  },
};

const seed = {
  up: async (queryInterface: QueryInterface): Promise<void> => {
    await queryInterface.bulkInsert('users', [
      { email: 'a@x.io', role: 'admin', createdAt: new Date(), updatedAt: new Date() },
      { email: 'b@x.io', role: 'user', createdAt: new Date(), updatedAt: new Date() },
    ], {});
  },
  down: async (queryInterface: QueryInterface): Promise<void> => {
    await queryInterface.bulkDelete('users', { email: 'b@x.io' }, {});
  },
};

export async function run(): Promise<Record<string, unknown>> {
  const sequelize = new Sequelize('sqlite::memory:', { logging: false });
  const qi = sequelize.getQueryInterface();
  await createUsers.up(qi, DataTypes);
  await seed.up(qi);
  const desc = await qi.describeTable('users');
  const tables = (await qi.showAllTables()).sort();
  await qi.renameColumn('users', 'nickname', 'nick');
  await qi.changeColumn('users', 'nick', { type: DataTypes.TEXT, allowNull: true });
  await seed.down(qi);
  const rows = await sequelize.query('SELECT email, role FROM users', { type: QueryTypes.SELECT });
  const indexes = await qi.showIndex('users');
  await createUsers.down(qi, DataTypes);
  const after = await qi.showAllTables();
  return { cols: Object.keys(desc).sort(), emailNull: desc.email.allowNull, tables, rows, indexCount: Array.isArray(indexes), after };
}
