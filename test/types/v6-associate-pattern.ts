// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
// models/index.ts in the sequelize-cli style: each model has static associate(models).
import { DataTypes, Model, ModelStatic, Sequelize } from '../../src/index.js';

interface DbModels {
  [key: string]: ModelStatic<Model> & { associate?: (models: DbModels) => void };
}

class Team extends Model {
  declare id: number;
  declare name: string;
  static associate(models: DbModels) {
    Team.hasMany(models.Member, { foreignKey: 'teamId', as: 'members', onDelete: 'CASCADE' });
  }
}
class Member extends Model {
  declare id: number;
  declare teamId: number;
  declare email: string;
  static associate(models: DbModels) {
    Member.belongsTo(models.Team, { foreignKey: 'teamId', as: 'team' });
    Member.belongsToMany(models.Skill, { through: 'member_skills', foreignKey: 'memberId', otherKey: 'skillId', as: 'skills' });
  }
}
class Skill extends Model {
  declare id: number;
  declare label: string;
  static associate(models: DbModels) {
    Skill.belongsToMany(models.Member, { through: 'member_skills', foreignKey: 'skillId', otherKey: 'memberId' });
  }
}

const sequelize = new Sequelize('sqlite::memory:', { logging: false, define: { underscored: false } });
const initializers: Array<(s: Sequelize) => ModelStatic<Model> & { associate?: (models: DbModels) => void }> = [
  (s) => Team.init({ name: DataTypes.STRING }, { sequelize: s, modelName: 'Team' }),
  (s) => Member.init({ email: { type: DataTypes.STRING, validate: { isEmail: true } } }, { sequelize: s, modelName: 'Member' }),
  (s) => Skill.init({ label: DataTypes.STRING }, { sequelize: s, modelName: 'Skill' }),
];
const db: DbModels = {};
for (const init of initializers) {
  const model = init(sequelize);
  db[model.name] = model;
}
Object.keys(db).forEach((modelName) => {
  const m = db[modelName];
  if (m.associate) m.associate(db);
});

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const team = await Team.create({ name: 'core' });
  const member = await Member.create({ email: 'a@b.co', teamId: team.id });
  const skill = await Skill.create({ label: 'ts' });
  await (member as Member & { addSkill(s: Skill): Promise<unknown> }).addSkill(skill);
  const found = await db.Team.findAll({ include: [{ model: db.Member, as: 'members', include: [{ model: db.Skill, as: 'skills' }] }] });
  const json = found.map((t) => t.toJSON());
  const names = Object.keys(sequelize.models).sort();
  return { json, names };
}
