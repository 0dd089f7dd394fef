import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, Sequelize, UniqueConstraintError, ValidationError } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

for (const dialect of testDialects) {
  describe(`model basics on ${dialect}`, () => {
    let sequelize: Sequelize;
    const sql = captureSql();

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
    });
    after(async () => {
      await sequelize.close();
    });

    function definePug() {
      return sequelize.define('pugs', {
        name: { type: DataTypes.STRING, allowNull: false },
        age: { type: DataTypes.INTEGER, validate: { min: 0 } },
        email: { type: DataTypes.STRING, unique: true, validate: { isEmail: true } },
        good: DataTypes.BOOLEAN,
        meta: DataTypes.JSON,
      });
    }

    test('define names the table like Sequelize and adds id and timestamps', async () => {
      const Pug = definePug();
      assert.equal(Pug.tableName, 'pugs');
      assert.deepEqual(Object.keys(Pug.rawAttributes), ['id', 'name', 'age', 'email', 'good', 'meta', 'createdAt', 'updatedAt']);
      assert.equal(Pug.primaryKeyAttribute, 'id');
      const Person = sequelize.define('person', { name: DataTypes.STRING });
      assert.equal(Person.tableName, 'people');
      assert.equal(sequelize.model('person'), Person);
      assert.equal(sequelize.isDefined('pugs'), true);
    });

    test('create returns the generated key and typed values; findAll reads them back', async () => {
      const Pug = definePug();
      await sequelize.sync({ force: true });
      const cody = (await Pug.create({ name: 'Cody', age: 3, good: true, meta: { tags: ['a'] } })) as unknown as Record<string, unknown>;
      assert.equal(typeof cody['id'], 'number');
      assert.ok(cody['createdAt'] instanceof Date);
      const [found] = (await Pug.findAll({ where: { id: cody['id'] } })) as unknown as Array<Record<string, unknown>>;
      assert.equal(found!['name'], 'Cody');
      assert.equal(found!['good'], true);
      assert.deepEqual(found!['meta'], { tags: ['a'] });
      assert.equal((found!['createdAt'] as Date).getTime(), (cody['createdAt'] as Date).getTime());
    });

    test('where operators, order, limit and aggregates', async () => {
      const Pug = definePug();
      await sequelize.sync({ force: true });
      await Pug.bulkCreate([{ name: 'A', age: 1 }, { name: 'B', age: 5 }, { name: 'C', age: 9 }]);
      const older = await Pug.findAll({ where: { age: { [Op.gte]: 5 } }, order: [['age', 'DESC']] });
      assert.deepEqual(older.map((pug) => pug.get('name')), ['C', 'B']);
      const some = await Pug.findAll({ where: { name: ['A', 'C'] }, order: [['name', 'ASC']], limit: 1 });
      assert.deepEqual(some.map((pug) => pug.get('name')), ['A']);
      assert.equal(await Pug.count({ where: { age: { [Op.between]: [2, 9] } } }), 2);
      assert.equal(await Pug.max('age'), 9);
      assert.equal(await Pug.sum('age'), 15);
    });

    test('save sends only the changed fields', async () => {
      const Pug = definePug();
      await sequelize.sync({ force: true });
      const pug = await Pug.create({ name: 'Cody', age: 3 });
      sql.statements.length = 0;
      pug.set('age', 4);
      await pug.save();
      const update = sql.statements.find((statement) => statement.startsWith('UPDATE'));
      assert.ok(update, 'an UPDATE was sent');
      assert.match(update!, /SET .age. = \S+, .updatedAt. = \S+ WHERE/);
      assert.doesNotMatch(update!, /name/);
      await pug.reload();
      assert.equal(pug.get('age'), 4);
    });

    test('validation errors name the model and attribute, and write nothing', async () => {
      const Pug = definePug();
      await sequelize.sync({ force: true });
      await assert.rejects(Pug.create({ age: 2 }), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.equal(error.errors[0]!.path, 'name');
        assert.equal(error.errors[0]!.message, 'pugs.name cannot be null');
        return true;
      });
      await assert.rejects(Pug.create({ name: 'x', email: 'not-an-email' }), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.equal(error.errors[0]!.validatorKey, 'isEmail');
        return true;
      });
      await assert.rejects(Pug.create({ name: 'x', age: 'abc' }), /pugs\.age/);
      assert.equal(await Pug.count(), 0);
    });

    test('unique violations become UniqueConstraintError', async () => {
      const Pug = definePug();
      await sequelize.sync({ force: true });
      await Pug.create({ name: 'a', email: 'a@b.co' });
      await assert.rejects(Pug.create({ name: 'b', email: 'a@b.co' }), UniqueConstraintError);
    });

    test('an unknown attribute in where is an error before the database', async () => {
      const Pug = definePug();
      await sequelize.sync({ force: true });
      sql.statements.length = 0;
      await assert.rejects(Pug.findAll({ where: { nmae: 'x' } }), /pugs has no attribute "nmae"/);
      assert.equal(sql.statements.length, 0);
    });

    test('a managed transaction rolls back on throw, including queries that did not pass it', async () => {
      const Pug = definePug();
      await sequelize.sync({ force: true });
      await assert.rejects(
        sequelize.transaction(async () => {
          await Pug.create({ name: 'inside' });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await Pug.count(), 0);
      await sequelize.transaction(async () => {
        await Pug.create({ name: 'kept' });
      });
      assert.equal(await Pug.count(), 1);
    });

    test('update, destroy and paranoid restore', async () => {
      const Toy = sequelize.define('toy', { name: DataTypes.STRING }, { paranoid: true });
      await sequelize.sync({ force: true });
      await Toy.bulkCreate([{ name: 'ball' }, { name: 'bone' }]);
      const [updated] = await Toy.update({ name: 'big ball' }, { where: { name: 'ball' } });
      assert.equal(updated, 1);
      assert.equal(await Toy.destroy({ where: { name: 'bone' } }), 1);
      assert.equal(await Toy.count(), 1);
      assert.equal(await Toy.count({ paranoid: false }), 2);
      await Toy.restore({ where: { name: 'bone' } });
      assert.equal(await Toy.count(), 2);
    });
  });
}

for (const dialect of testDialects) {
  describe(`hooks on ${dialect}`, () => {
    test('Model.beforeCreate(fn), define-time hooks and sequelize-level hooks all run, in order', async () => {
      const sequelize = await connect(dialect);
      const calls: string[] = [];
      const Pug = sequelize.define('pugs', { name: DataTypes.STRING }, {
        hooks: { beforeCreate: () => void calls.push('define option') },
      });
      Pug.beforeCreate((pug: { set(key: string, value: unknown): void }) => {
        calls.push('shorthand');
        pug.set('name', 'renamed by hook');
      });
      Pug.addHook('afterCreate', 'named', () => void calls.push('afterCreate'));
      sequelize.beforeCreate(() => void calls.push('sequelize'));
      await sequelize.sync({ force: true });
      try {
        const pug = await Pug.create({ name: 'Cody' });
        // sequelize@6 runs the model's hooks of a name first, then the Sequelize-level ones.
        assert.deepEqual(calls, ['define option', 'shorthand', 'sequelize', 'afterCreate']);
        await pug.reload();
        assert.equal(pug.get('name'), 'renamed by hook');
      } finally {
        await sequelize.close();
      }
    });
  });
}
