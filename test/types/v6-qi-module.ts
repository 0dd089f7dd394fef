// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import { QueryInterface, Sequelize, QueryTypes, Op, ColumnsDescription, Transaction } from '../../src/index.js';
import * as SequelizeModule from '../../src/index.js';

type Lib = typeof import('../../src/index.js');

export const migration = {
  async up(queryInterface: QueryInterface, S: Lib): Promise<void> {
    await queryInterface.createTable('accounts', {
      id: { type: S.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      email: { type: S.STRING(120), allowNull: false },
      plan: { type: S.DataTypes.ENUM('free', 'pro'), defaultValue: 'free' },
      createdAt: { type: S.DATE, allowNull: false, defaultValue: S.literal('CURRENT_TIMESTAMP') },
    });
    await queryInterface.addIndex('accounts', { fields: ['email'], unique: true, name: 'accounts_email_uk' });
    await queryInterface.createTable('sessions', {
      id: { type: S.INTEGER, primaryKey: true, autoIncrement: true },
      accountId: { type: S.INTEGER, allowNull: false },
      token: S.STRING,
    });
    await queryInterface.addConstraint('sessions', {
      fields: ['accountId'],
      type: 'foreign key',
      name: 'sessions_account_fk',
      references: { table: 'accounts', field: 'id' },
      onDelete: 'cascade',
      onUpdate: 'cascade',
    });
  },
  async down(queryInterface: QueryInterface): Promise<void> {
    await queryInterface.removeConstraint('sessions', 'sessions_account_fk');
    await queryInterface.dropTable('sessions');
    await queryInterface.removeIndex('accounts', 'accounts_email_uk');
    await queryInterface.dropTable('accounts');
  },
};

export async function run(): Promise<Record<string, unknown>> {
  const sequelize = new Sequelize('sqlite::memory:', { logging: false });
  const qi = sequelize.getQueryInterface();
  await migration.up(qi, SequelizeModule);
  await qi.bulkInsert('accounts', [{ email: 'a@x.io', createdAt: new Date() }, { email: 'b@x.io', plan: 'pro', createdAt: new Date() }]);
  await qi.bulkUpdate('accounts', { plan: 'pro' }, { email: 'a@x.io' });
  const desc: ColumnsDescription = await qi.describeTable('accounts');
  const emailType: string = desc.email.type;
  const emailNull: boolean = desc.email.allowNull;
  const rows = await sequelize.query<{ email: string; plan: string }>('SELECT email, plan FROM accounts ORDER BY email', { type: QueryTypes.SELECT });
  const firstEmail: string = rows[0]!.email;
  await qi.bulkDelete('accounts', { email: { [Op.like]: 'b%' } });
  const count = await sequelize.query('SELECT COUNT(*) AS n FROM accounts', { type: QueryTypes.SELECT, plain: true });
  await sequelize.transaction(async (transaction: Transaction) => {
    await qi.renameColumn('sessions', 'token', 'secret', { transaction });
  });
  const tables = (await qi.showAllTables()).sort();
  await migration.down(qi);
  return { emailType, emailNull, firstEmail, count, tables, after: await qi.showAllTables() };
}
