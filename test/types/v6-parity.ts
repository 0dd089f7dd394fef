// What the v6-*.ts corpus relies on, pinned with exact types; and the checks that must stay checks beside it.
import {
  DataTypes, ForeignKeyConstraintError, Model, Op, QueryTypes, Sequelize, type Association, type Attributes, type BuildOptions, type CreationAttributes,
  type CreationOptional, type FindAttributeOptions, type FindOptions, type InferAttributes, type InferCreationAttributes, type IntegerDataType, type ModelDefined, type ModelStatic,
  type GroupedCountResultItem, type Order, type SaveOptions,
} from '../../src/index.js';
import type { AllNames } from '../../src/types/query-result.js';
import { type Equal, expectType } from './helpers.js';

declare const sequelize: Sequelize;

class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare bio: string | null;
  declare static associations: { posts: Association<User, Post> };

  static initModel(s: Sequelize): typeof User {
    return User.init(
      { id: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true, autoIncrement: true }, name: DataTypes.STRING, bio: DataTypes.TEXT },
      {
        sequelize: s,
        hooks: {
          beforeCreate(user, options) {
            expectType<Equal<typeof user, User>>();
            expectType<Equal<typeof options.fields, readonly ('id' | 'name' | 'bio')[] | undefined>>();
          },
        },
      },
    );
  }
}
class Post extends Model<InferAttributes<Post>, InferCreationAttributes<Post>> {
  declare id: CreationOptional<number>;
  declare title: string;
}
expectType<Equal<ReturnType<typeof User.initModel>, typeof User>>();

// A nullable attribute may be left out of create, as in v6; a required one may not.
expectType<Equal<keyof CreationAttributes<User>, 'id' | 'name' | 'bio'>>();
await User.create({ name: 'Ann' });
// @ts-expect-error name is required
await User.create({ bio: 'x' });

// rejectOnEmpty: true (or an error) takes null out of the result; otherwise it stays.
expectType<Equal<Awaited<ReturnType<typeof User.findOne<User, [], AllNames, [], never, true>>>, User>>();
const sure = await User.findOne({ where: { name: 'Ann' }, rejectOnEmpty: true });
expectType<Equal<typeof sure, User>>();
const byPk = await User.findByPk(1, { rejectOnEmpty: new Error('none') });
expectType<Equal<typeof byPk, User>>();
const maybe = await User.findOne({ where: { name: 'Ann' } });
expectType<Equal<typeof maybe, User | null>>();
declare const flag: boolean;
expectType<Equal<Awaited<ReturnType<typeof User.findOne<User, [], AllNames, [], never, typeof flag>>>, User | null>>();

// Association objects as includes; an include object's keys are still checked.
await User.findAll({ include: [User.associations.posts] });
// @ts-expect-error misspelt include option
await User.findAll({ include: [{ model: Post, reqired: true }] });

// An Order value typed as v6's plain Order passes; a literal order is still checked.
const order: Order = [['name', 'DESC']];
await User.findAll({ order });
declare const options: FindOptions<Attributes<User>>;
await User.findAll({ order, ...options });
// @ts-expect-error misspelt column in a literal order
await User.findAll({ order: [['nmae', 'DESC']] });

// Hook shorthands and addHook type their parameters for the model they are called on.
User.beforeSave((user, saveOptions) => {
  expectType<Equal<typeof user, User>>();
  void saveOptions.transaction;
});
User.afterFind((result) => {
  expectType<Equal<typeof result, readonly User[] | User | null>>();
});
User.addHook('beforeBulkDestroy', (destroyOptions) => void destroyOptions.where);
User.beforeUpdate(async (user: User, updateOptions: SaveOptions<Attributes<User>>) => void [user, updateOptions]);
// @ts-expect-error the hook's instance is a User
User.beforeCreate((user) => user.nmae);

// sequelize.query results as v6 types them.
const rows = await sequelize.query<{ n: number }>('SELECT 1 AS n', { type: QueryTypes.SELECT });
expectType<Equal<typeof rows, { n: number }[]>>();
const one = await sequelize.query<{ n: number }>('SELECT 1 AS n', { type: QueryTypes.SELECT, plain: true });
expectType<Equal<typeof one, { n: number } | null>>();
const users = await sequelize.query('SELECT * FROM users', { model: User, mapToModel: true });
expectType<Equal<typeof users, User[]>>();
const untyped = await sequelize.query('UPDATE users SET name = name');
expectType<Equal<typeof untyped, [unknown[], unknown]>>();
expectType<Equal<Awaited<ReturnType<typeof User.max<number, User>>>, number>>();

// `const X: ModelDefined<A, C> = define(…)` takes the declared type, as v6; without one the type is inferred.
interface NoteAttributes { id: number; title: string }
const Note: ModelDefined<NoteAttributes, Partial<NoteAttributes>> = sequelize.define('note', { title: { type: DataTypes.STRING, defaultValue: 'x' } });
expectType<Equal<Attributes<InstanceType<typeof Note>>, NoteAttributes>>();
const Inferred = sequelize.define('inferred', { title: { type: DataTypes.STRING, allowNull: false } });
expectType<Equal<InstanceType<typeof Inferred>['title'], string>>();
const models: Record<string, ModelStatic<Model>> = { Inferred: sequelize.define('listed', { n: DataTypes.INTEGER }) };
void models;

// Type properties read from the invokable (`DataTypes.INTEGER.UNSIGNED`) are instances, and inference reads them.
expectType<Equal<typeof DataTypes.INTEGER.UNSIGNED, IntegerDataType>>();
const Counter = sequelize.define('counter', { hits: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false } });
expectType<Equal<InstanceType<typeof Counter>['hits'], number>>();
// @ts-expect-error no such type property
void DataTypes.INTEGER.UNSIGNEDD;

// v5-era static typing: `typeof Model & { new (): Instance }`.
interface PetInstance extends Model { name: string }
type PetStatic = typeof Model & { new (values?: object, options?: BuildOptions): PetInstance };
const Pet = sequelize.define('pet', { name: DataTypes.STRING }) as PetStatic;
const pet = await Pet.create({ name: 'Rex' });
expectType<Equal<typeof pet.name, string>>();

// v6's one-argument constraint error.
const fk = new ForeignKeyConstraintError({ parent: new Error('x'), fields: ['userId'], table: 'posts', reltype: 'child' });
void fk;
void Op;

// Instance values typed as v6 types them.
const user = await User.create({ name: 'Ann' });
expectType<Equal<ReturnType<typeof user.getDataValue<'name'>>, string>>();
expectType<Equal<ReturnType<typeof user.getDataValue<'posts'>>, unknown>>();
user.setDataValue('name', 'Bo');
// @ts-expect-error a number given to a string attribute
user.setDataValue('name', 3);
const userJson = user.toJSON();
expectType<Equal<typeof userJson.name, string>>();
expectType<Equal<ReturnType<typeof user.toJSON<{ custom: 1 }>>, { custom: 1 }>>();
const plainUser = user.get({ plain: true });
expectType<Equal<typeof plainUser.bio, string | null>>();
expectType<Equal<ReturnType<typeof user.previous<'name'>>, string | undefined>>();
expectType<Equal<typeof user.dataValues.name, string>>();
expectType<Equal<typeof User.sequelize, Sequelize | undefined>>();

// count/findAndCountAll with group count per group; update with returning gives the rows.
const perGroup = await User.count({ group: ['name'] });
expectType<Equal<typeof perGroup, GroupedCountResultItem[]>>();
expectType<Equal<Awaited<ReturnType<typeof User.count<User>>>, number>>();
const grouped = await User.findAndCountAll({ group: 'name' });
expectType<Equal<typeof grouped.count, GroupedCountResultItem[]>>();
const [changed, changedRows] = await User.update({ bio: 'x' }, { where: { id: 1 }, returning: true });
expectType<Equal<typeof changedRows, User[]>>();
void changed;
const [onlyCount, noRows] = await User.update({ bio: 'x' }, { where: { id: 1 } });
expectType<Equal<typeof noRows, User[] | undefined>>();
void onlyCount;

// Generic code over ModelStatic<M> gets M back, as in v6.
async function firstOf<M extends Model>(model: ModelStatic<M>, options: FindOptions<Attributes<M>>): Promise<M | null> {
  const all: M[] = await model.findAll(options);
  return all[0] ?? (await model.findOne({ where: options.where }));
}
expectType<Equal<Awaited<ReturnType<typeof firstOf<User>>>, User | null>>();
// A written include still shapes the result and is still checked.
const withPosts = await User.findAll({ include: [{ model: Post, as: 'posts' }], attributes: ['name'] });
// @ts-expect-error bio was not selected
void withPosts[0]?.bio;

// `attributes` typed as v6's plain FindAttributeOptions/FindOptions (any string) is taken; written names stay checked.
const anyNames: FindAttributeOptions = ['name'];
await User.findAll({ attributes: anyNames });
const anyExclude: FindAttributeOptions = { exclude: ['bio'] };
await User.findAll({ attributes: anyExclude });
const plainOptions: FindOptions = { limit: 1 };
const plainFound: User[] = await User.findAll(plainOptions);
void plainFound;
// @ts-expect-error misspelt excluded attribute
await User.findAll({ attributes: { exclude: ['bioo'] } });
// @ts-expect-error misspelt column of an alias in the include form
await User.findAll({ attributes: { include: [['nmae', 'n']] } });
// @ts-expect-error misspelt column of an alias beside a name
await User.findAll({ attributes: ['id', ['nmae', 'n']] });
const excluded = await User.findAll({ attributes: { exclude: ['bio'] } });
void excluded[0]?.bio;

// The Sequelize instance's hooks have v6's signatures.
sequelize.addHook('afterDefine', (model) => {
  expectType<Equal<typeof model, ModelStatic<Model>>>();
});
sequelize.beforeBulkSync((syncOptions) => void syncOptions.force);
