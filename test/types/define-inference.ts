import { DataTypes, type Sequelize } from '../../src/index.js';
import { type Equal, expectType } from './helpers.js';

declare const db: Sequelize;

// The example, word for word.
const Pug = db.define('pug', { name: { type: DataTypes.STRING, allowNull: false }, age: DataTypes.INTEGER, meta: DataTypes.JSON });
declare const pug: InstanceType<typeof Pug>;
expectType<Equal<typeof pug.id, number>>();
expectType<Equal<typeof pug.name, string>>();
expectType<Equal<typeof pug.age, number | null>>();
expectType<Equal<typeof pug.meta, unknown>>();
expectType<Equal<typeof pug.createdAt, Date>>();
expectType<Equal<typeof pug.updatedAt, Date>>();
expectType<Equal<typeof pug._attributes, { id: number; name: string; age: number | null; meta: unknown; createdAt: Date; updatedAt: Date }>>();
// @ts-expect-error no index signature: a misspelt attribute does not read as unknown
void pug.nmae;
// @ts-expect-error no deletedAt without paranoid
void pug.deletedAt;

// Creation: only `name` is required (no default, not nullable).
expectType<Equal<typeof pug._creationAttributes, { id?: number; name: string; age?: number | null; meta?: unknown; createdAt?: Date; updatedAt?: Date }>>();
await Pug.create({ name: 'Cody' });
await Pug.create({ name: 'Cody', age: null, meta: { any: 'json' } });
// @ts-expect-error name is required
await Pug.create({ age: 3 });
// @ts-expect-error a string given to an INTEGER
await Pug.create({ name: 'Cody', age: 'three' });
// @ts-expect-error a misspelt attribute
await Pug.create({ name: 'Cody', aeg: 3 });
// @ts-expect-error allowNull: false refuses null
await Pug.create({ name: null });

// Paranoid, custom timestamp names, timestamps off, underscored (renames columns only).
const Paranoid = db.define('toy', { label: DataTypes.STRING }, { paranoid: true, createdAt: 'madeAt', updatedAt: false });
declare const toy: InstanceType<typeof Paranoid>;
expectType<Equal<typeof toy._attributes, { id: number; label: string | null; madeAt: Date; deletedAt: Date | null }>>();
const NoTimestamps = db.define('bowl', { size: DataTypes.FLOAT }, { timestamps: false });
expectType<Equal<InstanceType<typeof NoTimestamps>['_attributes'], { id: number; size: number | null }>>();
const Underscored = db.define('leash', { length: DataTypes.INTEGER }, { underscored: true });
declare const leash: InstanceType<typeof Underscored>;
expectType<Equal<typeof leash.createdAt, Date>>();
// @ts-expect-error underscored changes the column, not the attribute
void leash.created_at;

// Custom primary keys replace `id`; ENUM is the union of its values; defaults and autoIncrement are optional on create.
const Breed = db.define('breed', {
  code: { type: DataTypes.STRING(8), primaryKey: true },
  size: { type: DataTypes.ENUM('small', 'medium', 'large'), allowNull: false, defaultValue: 'small' },
  coat: { type: DataTypes.ENUM, values: ['short', 'long'] },
  rank: { type: DataTypes.INTEGER, allowNull: false, autoIncrement: true },
  born: DataTypes.DATEONLY,
  weight: DataTypes.DECIMAL(5, 2),
  big: DataTypes.BIGINT,
  photo: DataTypes.BLOB,
  uuid: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, allowNull: false },
});
declare const breed: InstanceType<typeof Breed>;
expectType<Equal<typeof breed.code, string>>();
expectType<Equal<typeof breed.size, 'small' | 'medium' | 'large'>>();
expectType<Equal<typeof breed.coat, 'short' | 'long' | null>>();
expectType<Equal<typeof breed.born, string | null>>();
expectType<Equal<typeof breed.weight, string | number | null>>();
expectType<Equal<typeof breed.photo, Buffer | null>>();
// @ts-expect-error a custom primary key replaces id
void breed.id;
await Breed.create({ code: 'PUG' });
// @ts-expect-error the primary key has no default
await Breed.create({ size: 'small' });
// @ts-expect-error not one of the ENUM's values
await Breed.create({ code: 'PUG', size: 'huge' });

// VIRTUAL and getters: the property has the getter's return type; virtuals are optional on create.
const Owner = db.define('owner', {
  first: { type: DataTypes.STRING, allowNull: false },
  last: { type: DataTypes.STRING, allowNull: false },
  shout: {
    type: DataTypes.STRING,
    get() {
      return String(this.getDataValue('shout')).toUpperCase();
    },
  },
  full: {
    type: DataTypes.VIRTUAL,
    get(): string {
      return `${String(this.getDataValue('first'))} ${String(this.getDataValue('last'))}`;
    },
    set(value: string) {
      this.setDataValue('first', value.split(' ')[0]);
    },
  },
  bare: DataTypes.VIRTUAL,
});
declare const owner: InstanceType<typeof Owner>;
expectType<Equal<typeof owner.full, string>>();
expectType<Equal<typeof owner.shout, string>>();
expectType<Equal<typeof owner.bare, unknown>>();
await Owner.create({ first: 'Ann', last: 'Lee' });

// Sequelize v6's explicit form still works and stays loose.
const Loose = db.define<import('../../src/index.js').Model>('loose', { anything: DataTypes.STRING });
await Loose.create({ whatever: 1 });

// Reading attributes back through the typed API.
const found = await Pug.findByPk(1);
if (found) {
  expectType<Equal<typeof found.name, string>>();
  expectType<Equal<ReturnType<typeof found.get<'age'>>, number | null>>();
  const saved = await found.update({ age: 4 });
  expectType<Equal<typeof saved.age, number | null>>();
  // @ts-expect-error a string given to an INTEGER
  await found.update({ age: 'four' });
}

// A misspelt data type is a compile error, not a runtime surprise.
// @ts-expect-error STIRNG does not exist
db.define('typo', { name: DataTypes.STIRNG });
