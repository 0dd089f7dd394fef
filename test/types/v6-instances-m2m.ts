// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import {
  BelongsToManyAddAssociationMixin, BelongsToManyAddAssociationsMixin, BelongsToManyCountAssociationsMixin, BelongsToManyCreateAssociationMixin,
  BelongsToManyGetAssociationsMixin, BelongsToManyHasAssociationMixin, BelongsToManyRemoveAssociationMixin, BelongsToManySetAssociationsMixin,
  CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, NonAttribute, Op, Sequelize, Transaction, cast, col, fn, literal, where,
  ModelStatic, UniqueConstraintError, EmptyResultError, BaseError, ForeignKeyConstraintError,
} from '../../src/index.js';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

class Student extends Model<InferAttributes<Student>, InferCreationAttributes<Student>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare score: number;
  declare active: CreationOptional<boolean>;
  declare courses?: NonAttribute<Course[]>;
  declare getCourses: BelongsToManyGetAssociationsMixin<Course>;
  declare addCourse: BelongsToManyAddAssociationMixin<Course, number>;
  declare addCourses: BelongsToManyAddAssociationsMixin<Course, number>;
  declare setCourses: BelongsToManySetAssociationsMixin<Course, number>;
  declare removeCourse: BelongsToManyRemoveAssociationMixin<Course, number>;
  declare hasCourse: BelongsToManyHasAssociationMixin<Course, number>;
  declare countCourses: BelongsToManyCountAssociationsMixin;
  declare createCourse: BelongsToManyCreateAssociationMixin<Course>;

  static async topScorers(limit = 2): Promise<Student[]> {
    return this.findAll({ order: [['score', 'DESC']], limit });
  }
}
class Course extends Model<InferAttributes<Course>, InferCreationAttributes<Course>> {
  declare id: CreationOptional<number>;
  declare title: string;
}
class Enrollment extends Model<InferAttributes<Enrollment>, InferCreationAttributes<Enrollment>> {
  declare grade: string | null;
}

Student.init(
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    name: { type: DataTypes.STRING, allowNull: false, unique: true },
    score: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  },
  {
    sequelize,
    modelName: 'student',
    timestamps: false,
    defaultScope: { where: { active: true } },
    scopes: {
      strong: { where: { score: { [Op.gte]: 50 } } },
      named(name: string) {
        return { where: { name } };
      },
    },
  },
);
Course.init({ id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, title: DataTypes.STRING }, { sequelize, modelName: 'course', timestamps: false });
Enrollment.init({ grade: DataTypes.STRING }, { sequelize, modelName: 'enrollment', timestamps: false });
Student.belongsToMany(Course, { through: Enrollment, as: 'courses', foreignKey: 'studentId', otherKey: 'courseId' });
Course.belongsToMany(Student, { through: Enrollment, as: 'students', foreignKey: 'courseId', otherKey: 'studentId' });

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const [ann, bob] = await Student.bulkCreate([{ name: 'ann', score: 70 }, { name: 'bob', score: 30 }]);
  const math = await Course.create({ title: 'math' });
  const art = await Course.create({ title: 'art' });
  await ann.addCourse(math, { through: { grade: 'A' } });
  await ann.addCourses([art.id]);
  await bob.setCourses([math]);
  await ann.createCourse({ title: 'music' });
  const count = await ann.countCourses();
  const has = await bob.hasCourse(art);
  await ann.removeCourse(art);
  const courses = await ann.getCourses({ joinTableAttributes: ['grade'], order: [['title', 'ASC']] });
  const strong = await Student.scope('strong').findAll();
  const named = await Student.scope({ method: ['named', 'bob'] }).findOne();
  const all = await Student.unscoped().count();
  const top = await Student.topScorers(1);
  const built = Student.build({ name: 'cy', score: 10 });
  const changedBefore = built.changed();
  built.set('score', 12);
  const prev = built.previous('score');
  await built.save();
  await built.increment('score', { by: 5 });
  await built.reload();
  const plain = built.get({ plain: true });
  let unique: string | null = null;
  try {
    await Student.create({ name: 'ann', score: 1 });
  } catch (e) {
    if (e instanceof UniqueConstraintError) unique = e.errors.map((x) => x.path ?? '').join(',');
  }
  let empty: string | null = null;
  try {
    await Student.findOne({ where: { name: 'nobody' }, rejectOnEmpty: true });
  } catch (e) {
    if (e instanceof EmptyResultError) empty = e.name;
  }
  const isBase = new ForeignKeyConstraintError({}) instanceof BaseError;
  const expr = await Student.findAll({
    attributes: ['name', [fn('UPPER', col('name')), 'upper'], [cast(col('score'), 'TEXT'), 'scoreText']],
    where: { [Op.and]: [where(fn('lower', col('name')), Op.eq, 'ann'), { score: { [Op.gt]: literal('10') } }] },
    raw: true,
  });
  const lockResult = await sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.READ_COMMITTED }, async (t: Transaction) => {
    const s = await Student.findByPk(ann.id, { transaction: t, lock: t.LOCK.UPDATE });
    return s?.name ?? null;
  });
  const models: Record<string, ModelStatic<Model>> = sequelize.models;
  const pk = Student.primaryKeyAttribute;
  const table = Student.getTableName();
  const rawAttrs = Object.keys(Student.rawAttributes);
  return {
    count, has, courses: courses.map((c) => c.title), strong: strong.map((s) => s.name), named: named?.name, all, top: top.map((s) => s.name),
    changedBefore, prev, score: built.score, plain, unique, empty, isBase, expr, lockResult, models: Object.keys(models).sort(), pk, table: String(table), rawAttrs,
  };
}
