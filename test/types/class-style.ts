import { DataTypes, Model, type Association, type HasOne, type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from '../../src/index.js';
import { type Equal, expectType } from './helpers.js';

declare const sequelize: Sequelize;

class Owner extends Model<InferAttributes<Owner>, InferCreationAttributes<Owner>> {
  declare id: CreationOptional<number>;
  declare name: string;
}

class Pug extends Model<InferAttributes<Pug, { omit: 'owner' }>, InferCreationAttributes<Pug, { omit: 'owner' }>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare age: number | null;
  declare ownerId: ForeignKey<Owner['id']>;
  declare createdAt: CreationOptional<Date>;
  declare owner?: NonAttribute<Owner>;

  get greeting(): NonAttribute<string> {
    return `Hi ${this.name}`;
  }
  bark(): string {
    return 'woof';
  }
}

Pug.init(
  { id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true }, name: { type: DataTypes.STRING, allowNull: false }, age: DataTypes.INTEGER, createdAt: DataTypes.DATE },
  { sequelize },
);

type PugAttributes = InferAttributes<Pug, { omit: 'owner' }>;
expectType<Equal<keyof PugAttributes, 'id' | 'name' | 'age' | 'ownerId' | 'createdAt'>>();

const pug = await Pug.create({ name: 'Cody', age: null });
expectType<Equal<typeof pug, Pug>>();
expectType<Equal<typeof pug.greeting, NonAttribute<string>>>();
// @ts-expect-error name is required on create
await Pug.create({ age: 3 });
// @ts-expect-error a string given to an INTEGER
await Pug.create({ name: 'Cody', age: 'three' });
// @ts-expect-error greeting is not an attribute
await Pug.create({ name: 'Cody', greeting: 'x' });
await Pug.findAll({ where: { ownerId: 1, name: 'Cody' } });
// @ts-expect-error misspelt attribute
await Pug.findAll({ where: { nmae: 'Cody' } });
const found = await Pug.findOne({ where: { id: 1 } });
if (found) {
  const bark: string = found.bark();
  void bark;
  expectType<Equal<typeof found.name, string>>();
}

// A typed Sequelize v6 project's association declarations compile with only the import changed.
import type {
  BelongsToGetAssociationMixin, BelongsToManyAddAssociationMixin, BelongsToManyCountAssociationsMixin, BelongsToManyGetAssociationsMixin,
  BelongsToSetAssociationMixin, HasManyCreateAssociationMixin, HasManyGetAssociationsMixin, Optional,
} from '../../src/index.js';

interface WalkerAttributes { id: number; name: string }
class Walker extends Model<WalkerAttributes, Optional<WalkerAttributes, 'id'>> {
  declare id: number;
  declare name: string;
  declare getDogs: HasManyGetAssociationsMixin<Dog>;
  declare createDog: HasManyCreateAssociationMixin<Dog, 'walkerId'>;
}
class Dog extends Model<InferAttributes<Dog>, InferCreationAttributes<Dog>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare walkerId: ForeignKey<Walker['id']>;
  declare getWalker: BelongsToGetAssociationMixin<Walker>;
  declare setWalker: BelongsToSetAssociationMixin<Walker, number>;
  declare getFriends: BelongsToManyGetAssociationsMixin<Walker>;
  declare addFriend: BelongsToManyAddAssociationMixin<Walker, number>;
  declare countFriends: BelongsToManyCountAssociationsMixin;
}
Walker.init({ id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, name: DataTypes.STRING }, { sequelize });
Dog.init({ name: DataTypes.STRING }, { sequelize });
Walker.hasMany(Dog);
Dog.belongsTo(Walker);
const walker = await Walker.create({ name: 'Sam' });
const dog = await walker.createDog({ name: 'Rex' });
expectType<Equal<Awaited<ReturnType<typeof walker.getDogs>>, Dog[]>>();
await dog.setWalker(walker);
await dog.setWalker(walker.id);
await dog.addFriend(walker, { through: { since: 2020 } });
const friendCount: number = await dog.countFriends({ where: { name: 'Sam' } });
void friendCount;
expectType<Equal<Awaited<ReturnType<typeof dog.getWalker>>, Walker>>();
// @ts-expect-error createDog takes the dog's attributes
await walker.createDog({ nmae: 'Rex' });
// @ts-expect-error setWalker takes a walker or its key
await dog.setWalker('Sam');
// @ts-expect-error Optional<…, 'id'> still requires name
await Walker.create({});
class Kennel extends Model<InferAttributes<Kennel>, InferCreationAttributes<Kennel>> {
  declare id: CreationOptional<number>;
}
// @ts-expect-error misspelt init option: tablename
Kennel.init({}, { sequelize, tablename: 'kennels' });

// v6's TypeScript guide types a model's associations with Association<Source, Target>.
class Project extends Model<InferAttributes<Project>, InferCreationAttributes<Project>> {
  declare id: CreationOptional<number>;
}
class Manager extends Model<InferAttributes<Manager>, InferCreationAttributes<Manager>> {
  declare id: CreationOptional<number>;
  declare static associations: { projects: Association<Manager, Project>; lead: HasOne<Manager, Project> };
}
