import { DataTypes, Model, type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from '../../src/index.js';
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
