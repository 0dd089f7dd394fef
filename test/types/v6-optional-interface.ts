// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import {
  Association, BuildOptions, DataTypes, HasManyAddAssociationMixin, HasManyCountAssociationsMixin, HasManyCreateAssociationMixin,
  HasManyGetAssociationsMixin, HasManyHasAssociationMixin, Model, Optional, Sequelize,
} from '../../src/index.js';

export const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });

interface UserAttributes {
  id: number;
  name: string;
  preferredName: string | null;
}
interface UserCreationAttributes extends Optional<UserAttributes, 'id' | 'preferredName'> {}

class User extends Model<UserAttributes, UserCreationAttributes> implements UserAttributes {
  declare id: number;
  declare name: string;
  declare preferredName: string | null;
  declare readonly createdAt: Date;
  declare readonly updatedAt: Date;

  declare getProjects: HasManyGetAssociationsMixin<Project>;
  declare addProject: HasManyAddAssociationMixin<Project, number>;
  declare hasProject: HasManyHasAssociationMixin<Project, number>;
  declare countProjects: HasManyCountAssociationsMixin;
  declare createProject: HasManyCreateAssociationMixin<Project, 'ownerId'>;

  declare readonly projects?: Project[];

  declare static associations: {
    projects: Association<User, Project>;
  };
}

interface ProjectAttributes {
  id: number;
  ownerId: number;
  name: string;
  description?: string;
}
interface ProjectCreationAttributes extends Optional<ProjectAttributes, 'id'> {}

class Project extends Model<ProjectAttributes, ProjectCreationAttributes> implements ProjectAttributes {
  declare id: number;
  declare ownerId: number;
  declare name: string;
  declare description?: string;
  declare readonly createdAt: Date;
  declare readonly updatedAt: Date;
}

interface AddressAttributes {
  userId: number;
  address: string;
}
class Address extends Model<AddressAttributes> implements AddressAttributes {
  declare userId: number;
  declare address: string;
}

// v5-era static typing of a define()d model
interface PetInstance extends Model {
  readonly id: number;
  name: string;
}
type PetStatic = typeof Model & { new (values?: object, options?: BuildOptions): PetInstance };
const Pet = sequelize.define('pet', { name: DataTypes.STRING }) as PetStatic;

Project.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    ownerId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    name: { type: new DataTypes.STRING(128), allowNull: false },
    description: { type: new DataTypes.STRING(128), allowNull: true },
  },
  { sequelize, tableName: 'projects' },
);
User.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    name: { type: new DataTypes.STRING(128), allowNull: false },
    preferredName: { type: new DataTypes.STRING(128), allowNull: true },
  },
  { tableName: 'users', sequelize },
);
Address.init(
  { userId: { type: DataTypes.INTEGER.UNSIGNED }, address: { type: new DataTypes.STRING(128), allowNull: false } },
  { tableName: 'address', sequelize },
);

User.hasMany(Project, { sourceKey: 'id', foreignKey: 'ownerId', as: 'projects' });
User.hasOne(Address, { sourceKey: 'id', foreignKey: 'userId', as: 'address' });
Address.belongsTo(User, { targetKey: 'id', foreignKey: 'userId' });

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const newUser = await User.create({ name: 'Johnny', preferredName: 'John' });
  const project = await newUser.createProject({ name: 'first!' });
  const ourUser = await User.findByPk(1, { include: [User.associations.projects], rejectOnEmpty: true });
  const projects = ourUser.projects ?? [];
  const pet = await Pet.create({ name: 'Rex' });
  const petName: string = pet.name;
  const users: User[] = await User.findAll({ where: { preferredName: 'John' } });
  const json = newUser.toJSON();
  return { project: project.name, projectCount: projects.length, ownerId: project.ownerId, petName, users: users.length, jsonName: json.name };
}
