// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import { DataTypes, Model, ModelCtor, ModelDefined, ModelStatic, Optional, Sequelize } from '../../src/index.js';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

interface TaskAttributes { id: number; title: string; done: boolean; dueAt: Date | null }
interface TaskCreationAttributes extends Optional<TaskAttributes, 'id' | 'done' | 'dueAt'> {}
interface TaskInstance extends Model<TaskAttributes, TaskCreationAttributes>, TaskAttributes {
  createdAt?: Date;
  updatedAt?: Date;
}

const Task = sequelize.define<TaskInstance>('Task', {
  id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
  title: { type: DataTypes.STRING, allowNull: false },
  done: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
  dueAt: { type: DataTypes.DATE, allowNull: true },
});

const Tag: ModelDefined<{ id: number; label: string }, { label: string }> = sequelize.define('Tag', { label: DataTypes.STRING });
const TaskStatic: ModelStatic<TaskInstance> = Task;
const TaskCtor: ModelCtor<TaskInstance> = Task;

// A model the code refers to through sequelize.models, as generated index files do.
const anyModel: ModelStatic<Model> = sequelize.models.Task;
const ctor: ModelCtor<Model> = sequelize.model('Tag');

function repo<M extends Model>(model: ModelStatic<M>) {
  return {
    all: () => model.findAll(),
    count: () => model.count(),
    byId: (id: number) => model.findByPk(id),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const t = await Task.create({ title: 'write' });
  const title: string = t.title;
  t.done = true;
  await t.save();
  const again = await TaskStatic.findOne({ where: { title: 'write' } });
  const done: boolean | undefined = again?.done;
  await Tag.bulkCreate([{ label: 'a' }, { label: 'b' }]);
  const tags = await Tag.findAll({ order: [['label', 'DESC']] });
  const n = await repo(Task).count();
  const one = await repo(TaskCtor).byId(t.id);
  const rows = await anyModel.findAll();
  const tagCount = await ctor.count();
  return { title, done, tags: tags.map((x) => x.get('label')), n, one: one?.title, rows: rows.length, tagCount };
}
