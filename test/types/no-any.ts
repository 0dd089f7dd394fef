import Sequelize, { DataTypes, Model, associate, type FindOptions, type ModelStatic } from '../../src/index.js';
import { expectType } from './helpers.js';

// None of the main public signatures resolve to `any` (test/no-any.test.ts scans the emitted .d.ts as well).
type IsAny<T> = 0 extends 1 & T ? true : false;
type NotAny<T> = IsAny<T> extends true ? false : true;

const db = new Sequelize('sqlite::memory:');
const { Pug, Friend } = associate(
  { Pug: db.define('pugs', { name: DataTypes.STRING }), Friend: db.define('friends', { name: DataTypes.STRING }) },
  [['Pug', 'belongsToMany', 'Friend', { through: 'friendship' }]],
);
type Pug = InstanceType<typeof Pug>;
expectType<NotAny<Pug>>();
expectType<NotAny<Pug['name']>>();
expectType<NotAny<Pug['dataValues']>>();
expectType<NotAny<ReturnType<Pug['get']>>>();
expectType<NotAny<ReturnType<Pug['toJSON']>>>();
expectType<NotAny<Awaited<ReturnType<Pug['getFriends']>>[number]>>();
expectType<NotAny<Parameters<Pug['addFriend']>[0]>>();
expectType<NotAny<Awaited<ReturnType<typeof Pug.findAll>>[number]>>();
expectType<NotAny<Awaited<ReturnType<typeof Pug.findByPk>>>>();
expectType<NotAny<Awaited<ReturnType<typeof Pug.create>>>>();
expectType<NotAny<Parameters<typeof Pug.create>[0]>>();
expectType<NotAny<Parameters<typeof Pug.findAll>[0]>>();
expectType<NotAny<Awaited<ReturnType<typeof Friend.findOne<Model, ['pugs']>>>>>();
expectType<NotAny<Awaited<ReturnType<typeof db.query>>>>();
expectType<NotAny<Awaited<ReturnType<typeof db.transaction>>>>();
expectType<NotAny<ReturnType<typeof db.define>>>();
expectType<NotAny<ReturnType<typeof db.model>>>();
expectType<NotAny<typeof Sequelize.STRING>>();
expectType<NotAny<typeof Sequelize.Op.gt>>();
expectType<NotAny<FindOptions['where']>>();
expectType<NotAny<InstanceType<ModelStatic>>>();
