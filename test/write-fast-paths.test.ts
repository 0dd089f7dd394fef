// create/bulkCreate reuse compiled INSERT text per model shape and skip hooks and validation work when none
// apply. These tests pin what the cached paths must still notice: hooks, validators and attributes that
// change after the first call, and values only the database knows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, UniqueConstraintError, ValidationError, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

for (const dialect of testDialects) {
  describe(`write fast paths on ${dialect}`, () => {
    let db: Sequelize;
    let Pug: ModelStatic<Model>;

    before(async () => {
      db = await connect(dialect);
      Pug = db.define('pugs', { name: DataTypes.STRING, age: DataTypes.INTEGER });
      await db.sync({ force: true });
    });
    after(async () => {
      await db.close();
    });

    test('repeated creates bind fresh values into the same statement, and a new column set gets its own', async () => {
      const first = await Pug.create({ name: 'Cody', age: 3 });
      const second = await Pug.create({ name: 'Doug', age: 5 });
      const nameOnly = await Pug.create({ name: 'Ella' });
      assert.notEqual(first.get('id'), second.get('id'));
      const stored = await Pug.findAll({ where: { id: [first.get('id'), second.get('id'), nameOnly.get('id')] }, order: [['id', 'ASC']], raw: true });
      assert.deepEqual(stored.map((row) => [row['name'], row['age']]), [['Cody', 3], ['Doug', 5], ['Ella', null]]);
      assert.ok(second.get('createdAt') instanceof Date);
    });

    test('hooks added after the first create run on the next one', async () => {
      await Pug.create({ name: 'before hooks' });
      const seen: string[] = [];
      const rename = (pug: Model) => {
        seen.push('beforeCreate');
        pug.set('name', 'renamed by hook');
      };
      const afterSave = () => void seen.push('afterSave');
      const beforeValidate = () => void seen.push('beforeValidate');
      Pug.addHook('beforeCreate', rename);
      Pug.addHook('afterSave', afterSave);
      db.addHook('beforeValidate', beforeValidate);
      try {
        const pug = await Pug.create({ name: 'Fido' });
        assert.deepEqual(seen, ['beforeValidate', 'beforeCreate', 'afterSave']);
        const stored = await Pug.findByPk(pug.get('id') as number, { raw: true });
        assert.equal((stored as Record<string, unknown> | null)?.['name'], 'renamed by hook');
      } finally {
        Pug.removeHook('beforeCreate', rename);
        Pug.removeHook('afterSave', afterSave);
        db.removeHook('beforeValidate', beforeValidate);
      }
      const [bulk] = await Pug.bulkCreate([{ name: 'no hooks again' }]);
      assert.equal(bulk!.get('name'), 'no hooks again');
      assert.equal(seen.length, 3);
    });

    test('validators still reject bad values on the fast path, and an async model validator is awaited', async () => {
      const Strict = db.define('stricts', {
        name: { type: DataTypes.STRING, allowNull: false },
        age: { type: DataTypes.INTEGER, validate: { min: 0 } },
      }, {
        validate: {
          async notOlderThanName(this: Model) {
            await Promise.resolve();
            if ((this.get('age') as number) > 100) throw new Error('too old');
          },
        },
      });
      await Strict.sync({ force: true });
      await Strict.create({ name: 'ok', age: 1 });
      await assert.rejects(Strict.create({ age: 1 }), (error: unknown) => error instanceof ValidationError && /name cannot be null/.test(error.message));
      await assert.rejects(Strict.create({ name: 'neg', age: -1 }), ValidationError);
      await assert.rejects(Strict.create({ name: 'old', age: 101 }), (error: unknown) => error instanceof ValidationError && /too old/.test(error.message));
      assert.equal(await Strict.count(), 1);
    });

    test('values of a wrong kind, and validators or nullability changed after the first create, are still checked', async () => {
      const Dog = db.define('dogs', { name: DataTypes.STRING, age: DataTypes.INTEGER, born: DataTypes.DATE });
      await Dog.sync({ force: true });
      await Dog.create({ name: 'plain', age: 2, born: new Date() });
      await assert.rejects(Dog.create({ name: 'half', age: 2.5 }), (error: unknown) => error instanceof ValidationError && /age/.test(error.message));
      await assert.rejects(Dog.create({ name: 'bad date', born: new Date('nope') }), ValidationError);
      await assert.rejects(Dog.create({ name: { first: 'object' } }), (error: unknown) => error instanceof ValidationError && /cannot be an array or an object/.test(error.message));
      // Strings that are numbers, numbers for strings and date strings pass the types' own checks, as in v6.
      const loose = await Dog.create({ name: 7, age: '3', born: '2024-05-01T00:00:00.000Z' });
      assert.equal((await Dog.findByPk(loose.get('id') as number, { raw: true }) as Record<string, unknown>)['age'], 3);
      Dog.getAttributes()['name']!.validate = { len: [2, 10] };
      await assert.rejects(Dog.create({ name: 'x' }), (error: unknown) => error instanceof ValidationError && error.errors[0]?.validatorKey === 'len');
      Dog.getAttributes()['age']!.allowNull = false;
      await assert.rejects(Dog.create({ name: 'no age' }), (error: unknown) => error instanceof ValidationError && /age cannot be null/.test(error.message));
      assert.equal(await Dog.count(), 2);
    });

    test('a built record reports its given keys as changed until saved, and none after', async () => {
      const built = Pug.build({ name: 'Rex', age: 2 });
      assert.deepEqual(built.changed(), ['name', 'age']);
      assert.deepEqual(built.previous(), { name: undefined, age: undefined });
      built.set('name', 'Max');
      assert.deepEqual(built.changed(), ['name', 'age']);
      assert.equal(built.previous('name'), 'Rex');
      await built.save();
      assert.equal(built.changed(), false);
      const created = await Pug.create({ name: 'Bo', age: 1 });
      assert.equal(created.changed(), false);
      created.set('age', 4);
      assert.deepEqual(created.changed(), ['age']);
      assert.equal(created.previous('age'), 1);
      const failed = await Pug.create({ name: 'Neg', age: 'x' as unknown as number }).catch((error: unknown) => error);
      assert.ok(failed instanceof ValidationError);
      assert.deepEqual((failed.errors[0]!.instance as Model).changed(), ['name', 'age']);
    });

    test('a cached INSERT is rebuilt when the model gains or loses attributes', async () => {
      const Toy = db.define('toys', { name: DataTypes.STRING, color: DataTypes.STRING });
      await Toy.sync({ force: true });
      await Toy.create({ name: 'ball', color: 'red' });
      Toy.removeAttribute('color');
      const ball = await Toy.create({ name: 'bone', color: 'blue' });
      assert.equal((await Toy.findByPk(ball.get('id') as number, { raw: true, attributes: ['name'] }) as Record<string, unknown>)['name'], 'bone');
      const [rows] = await db.query(`SELECT color FROM toys WHERE id = ${Number(ball.get('id'))}`);
      assert.equal((rows as Array<Record<string, unknown>>)[0]!['color'], null);
      const Owner = db.define('owners', { name: DataTypes.STRING });
      Toy.belongsTo(Owner);
      await db.sync({ force: true });
      const owner = await Owner.create({ name: 'Ann' });
      const rope = await Toy.create({ name: 'rope', ownerId: owner.get('id') });
      const stored = await Toy.findByPk(rope.get('id') as number, { raw: true }) as Record<string, unknown>;
      assert.equal(stored['ownerId'], owner.get('id'));
    });

    test('bulkCreate hands back generated keys and the values written', async () => {
      const created = await Pug.bulkCreate([{ name: 'a', age: 1 }, { name: 'b', age: 2 }, { name: 'c' }]);
      const ids = created.map((pug) => pug.get('id') as number);
      assert.ok(ids.every((id) => Number.isInteger(id)));
      assert.equal(new Set(ids).size, 3);
      const stored = await Pug.findAll({ where: { id: ids }, order: [['id', 'ASC']] });
      assert.deepEqual(stored.map((pug) => pug.get('name')), ['a', 'b', 'c']);
      assert.deepEqual(created.map((pug) => pug.get('name')), ['a', 'b', 'c']);
      assert.ok(created[0]!.get('updatedAt') instanceof Date);
    });

    test('a value written as an SQL fragment is read back where the dialect can return rows', async () => {
      const pug = await Pug.create({ name: db.fn('UPPER', 'rex'), age: 4 });
      const stored = await Pug.findByPk(pug.get('id') as number);
      assert.equal(stored!.get('name'), 'REX');
      if (db.getDialect() !== 'mysql') assert.equal(pug.get('name'), 'REX');
    });
    test('create without hooks: transactions passed or ambient, a finished one refused, errors converted, state clean', async () => {
      const Tag = db.define('tags', { label: { type: DataTypes.STRING, unique: true } });
      await Tag.sync({ force: true });
      const unmanaged = await db.transaction();
      await Tag.create({ label: 'rolled back' }, { transaction: unmanaged });
      await unmanaged.rollback();
      await assert.rejects(Tag.create({ label: 'late' }, { transaction: unmanaged }), /rollback has been called on this transaction\(.*\), you can no longer use it/);
      await assert.rejects(db.transaction(async () => {
        await Tag.create({ label: 'ambient' });
        throw new Error('undo');
      }), /undo/);
      assert.equal(await Tag.count(), 0);
      const tag = await Tag.create({ label: 'kept' });
      assert.equal(tag.isNewRecord, false);
      assert.equal(tag.changed(), false);
      assert.ok(Number.isInteger(tag.get('id')));
      assert.equal((tag.get('createdAt') as Date).getTime(), (tag.get('updatedAt') as Date).getTime());
      await assert.rejects(Tag.create({ label: 'kept' }), (error: unknown) => error instanceof UniqueConstraintError && (error as UniqueConstraintError).errors[0]?.instance !== undefined);
      await Tag.create({ label: 'fields', id: 999 }, { fields: ['label'] });
      assert.notEqual((await Tag.findOne({ where: { label: 'fields' } }))!.get('id'), 999);
      assert.equal(await Tag.count(), 2);
    });
  });
}
