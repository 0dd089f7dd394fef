// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import SequelizeDefault from '../../src/index.js';
import { DataTypes, Model, ModelStatic, Optional } from '../../src/index.js';

const sequelize = new SequelizeDefault.Sequelize('sqlite::memory:', { logging: false });

interface UserAttributes { id: number; email: string; nickname: string | null }
interface UserCreation extends Optional<UserAttributes, 'id' | 'nickname'> {}
interface UserModel extends Model<UserAttributes, UserCreation>, UserAttributes {}

const User = sequelize.define('user', {
  id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
  email: { type: DataTypes.STRING, allowNull: false },
  nickname: DataTypes.STRING,
}) as ModelStatic<UserModel>;

class Legacy extends SequelizeDefault.Model {
  declare id: number;
  declare label: string;
}
Legacy.init({ label: SequelizeDefault.STRING }, { sequelize, modelName: 'legacy' });

type AnyModel = ModelStatic<Model<any, any>>;
const registry: Record<string, AnyModel> = { User, Legacy };

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync();
  const u = await User.create({ email: 'a@b.c' });
  const email: string = u.email;
  const l = await Legacy.create({ label: 'x' });
  const count = await registry.User!.count();
  const op = SequelizeDefault.Op.gt;
  const found = await User.findAll({ where: { id: { [op]: 0 } } });
  return { email, label: l.label, count, found: found.length, isFn: typeof SequelizeDefault.fn };
}
