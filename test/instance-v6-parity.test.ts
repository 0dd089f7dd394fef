import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, OptimisticLockError, Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Instance behaviour observed in Sequelize v6 on the same calls: build options, getterMethods/setterMethods,
// optimistic locking (`version: true`), update with fields, Model.schema().
type Row = { get(key: string): unknown; set(key: string, value: unknown): unknown; changed(): string[] | false; save(o?: object): Promise<unknown> };

for (const dialect of testDialects) {
  describe(`instance v6 parity on ${dialect}`, () => {
    let sequelize: Sequelize;

    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    describe('build', () => {
      let User: ReturnType<typeof defineUser>;
      function defineUser() {
        return sequelize.define('user', {
          name: { type: DataTypes.STRING, defaultValue: 'anon' },
          age: DataTypes.INTEGER,
          shout: { type: DataTypes.STRING, set(this: { setDataValue(k: string, v: unknown): void }, value: string) { this.setDataValue('shout', `${value}!`); } },
        });
      }
      beforeEach(async () => {
        User = defineUser();
        await sequelize.sync({ force: true });
      });

      test('build(values, { isNewRecord: false }) counts the given values as changed, so save() writes them', async () => {
        const stored = await User.create({ name: 'Ann', age: 1 });
        const built = User.build({ id: stored.get('id'), age: 5 } as never, { isNewRecord: false }) as unknown as Row;
        assert.deepEqual(built.changed(), ['id', 'age']);
        await built.save();
        const reread = await User.findByPk(stored.get('id') as number);
        assert.deepEqual([reread!.get('name'), reread!.get('age')], ['Ann', 5]);
        assert.equal(built.changed(), false);
      });

      test('build(values, { raw: true }) skips setters and change tracking; defaults still apply', async () => {
        const built = User.build({ age: 1, shout: 'hey' }, { raw: true }) as unknown as Row;
        assert.equal(built.get('shout'), 'hey');
        assert.equal(built.get('name'), 'anon');
        assert.equal(built.changed(), false);
        await built.save();
        const [row] = await User.findAll();
        assert.equal(row!.get('shout'), 'hey');
        const stored = User.build({ id: 9, shout: 'x' } as never, { isNewRecord: false, raw: true }) as unknown as Row;
        assert.equal(stored.changed(), false);
      });

      test('update(values, { fields }) sets only those fields on the instance', async () => {
        const user = await User.create({ name: 'Ann', age: 1 });
        await user.update({ name: 'Bo', age: 7 }, { fields: ['age'] });
        assert.deepEqual([user.get('name'), user.get('age'), user.changed()], ['Ann', 7, false]);
        const reread = await User.findByPk(user.get('id') as number);
        assert.deepEqual([reread!.get('name'), reread!.get('age')], ['Ann', 7]);
      });

      test('a where with an undefined value is v6\'s error, word for word', async () => {
        await assert.rejects(User.findOne({ where: { id: undefined } } as never), { message: 'WHERE parameter "id" has invalid "undefined" value' });
        await assert.rejects(User.update({ age: 1 }, { where: { name: undefined } } as never), { message: 'WHERE parameter "name" has invalid "undefined" value' });
        await assert.rejects(User.destroy({ where: { id: undefined } } as never), /WHERE parameter "id" has invalid "undefined" value/);
      });
    });

    describe('getterMethods and setterMethods', () => {
      test('are properties, run by get()/set(), shown by toJSON of built and created instances but not of found ones', async () => {
        const User = sequelize.define('user', { first: DataTypes.STRING, last: DataTypes.STRING }, {
          getterMethods: { full(this: Row) { return `${String(this.get('first'))} ${String(this.get('last'))}`; } },
          setterMethods: {
            full(this: Row, value: never) {
              const [first, last] = String(value).split(' ');
              this.set('first', first);
              this.set('last', last);
            },
          },
        });
        await sequelize.sync({ force: true });
        const user = await User.create({ first: 'Ann', last: 'Lee' });
        const instance = user as unknown as Row & { full: string };
        assert.equal(instance.full, 'Ann Lee');
        assert.equal(user.get('full' as never), 'Ann Lee');
        assert.deepEqual(Object.keys(user.toJSON()).slice(0, 2), ['full', 'id']);
        instance.full = 'Bo Kim';
        assert.deepEqual([user.get('first'), user.get('last'), user.changed()], ['Bo', 'Kim', ['first', 'last']]);
        await user.save();
        const found = await User.findByPk(user.get('id') as number);
        assert.equal((found as unknown as { full: string }).full, 'Bo Kim');
        assert.equal('full' in found!.toJSON(), false);
        const [listed] = await User.findAll();
        assert.equal('full' in listed!.toJSON(), false);
      });
    });

    describe('version: true', () => {
      let Doc: ReturnType<typeof defineDoc>;
      function defineDoc() {
        return sequelize.define('doc', { title: DataTypes.STRING, hits: { type: DataTypes.INTEGER, defaultValue: 0 } }, { version: true });
      }
      beforeEach(async () => {
        Doc = defineDoc();
        await sequelize.sync({ force: true });
      });

      test('adds a version attribute after the timestamps, 0 on create, bumped by each save', async () => {
        assert.deepEqual(Object.keys(Doc.getAttributes()), ['id', 'title', 'hits', 'createdAt', 'updatedAt', 'version']);
        const doc = await Doc.create({ title: 'a' });
        assert.equal(doc.get('version' as never), 0);
        doc.set('title', 'b');
        await doc.save();
        assert.equal(doc.get('version' as never), 1);
        await doc.update({ title: 'c' });
        assert.equal(doc.get('version' as never), 2);
        const reread = await Doc.findByPk(doc.get('id') as number);
        assert.equal(reread!.get('version' as never), 2);
      });

      test('saving a stale instance is an OptimisticLockError and writes nothing', async () => {
        const doc = await Doc.create({ title: 'a' });
        const first = await Doc.findByPk(doc.get('id') as number);
        const second = await Doc.findByPk(doc.get('id') as number);
        first!.set('title', 'first');
        await first!.save();
        second!.set('title', 'second');
        const error = await (second!.save() as Promise<unknown>).then(() => undefined, (caught: unknown) => caught);
        assert.ok(error instanceof OptimisticLockError);
        assert.equal((error as OptimisticLockError).name, 'SequelizeOptimisticLockError');
        assert.equal((error as OptimisticLockError).message, 'Attempting to update a stale model instance: doc');
        assert.equal((error as OptimisticLockError).modelName, 'doc');
        assert.deepEqual((error as OptimisticLockError).where, { id: doc.get('id'), version: 0 });
        const reread = await Doc.findByPk(doc.get('id') as number);
        assert.deepEqual([reread!.get('title'), reread!.get('version' as never)], ['first', 1]);
      });

      test('increment and decrement bump the version too', async () => {
        const doc = await Doc.create({ title: 'a' });
        await Doc.increment('hits', { where: { id: doc.get('id') } });
        await Doc.decrement('hits', { where: { id: doc.get('id') }, by: 3 });
        const reread = await Doc.findByPk(doc.get('id') as number);
        assert.deepEqual([reread!.get('hits'), reread!.get('version' as never)], [-2, 2]);
      });
    });

    test('paranoid instances: reload of a soft-deleted row fails as in v6, isSoftDeleted is any non-null deletedAt, String()', async () => {
      const User = sequelize.define('user', { name: DataTypes.STRING }, { paranoid: true });
      await sequelize.sync({ force: true });
      const user = await User.create({ name: 'Ann' });
      assert.equal(String(user), '[object SequelizeInstance:user]');
      await User.destroy({ where: {} });
      await assert.rejects(user.reload(), { name: 'SequelizeInstanceError', message: 'Instance could not be reloaded because it does not exist anymore (find call returned null)' });
      await user.reload({ paranoid: false });
      assert.equal(user.isSoftDeleted(), true);
      assert.equal(User.build({ name: 'later', deletedAt: new Date(Date.now() + 60_000) } as never).isSoftDeleted(), true);
      assert.equal(User.build({ name: 'live' }).isSoftDeleted(), false);
    });

    test('instance destroy() of a paranoid row stamps updatedAt with deletedAt (not with silent), restore() stamps it too, as v6 saves them; bulk destroy/restore leave it', async () => {
      const Pet = sequelize.define('pet', { name: DataTypes.STRING }, { paranoid: true });
      await sequelize.sync({ force: true });
      const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
      const stamp = (row: unknown, key: string) => ((row as Row).get(key) as Date).getTime();
      const reread = async (id: unknown) => (await Pet.findByPk(id as number, { paranoid: false }))!;
      const pet = await Pet.create({ name: 'a' });
      const created = stamp(pet, 'updatedAt');
      await pause();
      await pet.destroy();
      assert.ok(stamp(pet, 'updatedAt') > created);
      assert.equal(stamp(pet, 'updatedAt'), stamp(pet, 'deletedAt'));
      assert.equal(pet.changed(), false);
      const stored = await reread(pet.get('id'));
      assert.equal(stamp(stored, 'updatedAt'), stamp(stored, 'deletedAt'));
      await pause();
      await stored.restore();
      assert.ok(stamp(stored, 'updatedAt') > stamp(pet, 'deletedAt'));
      assert.equal(stamp(await reread(pet.get('id')), 'updatedAt'), stamp(stored, 'updatedAt'));
      const quiet = await Pet.create({ name: 'b' });
      await pause();
      await quiet.destroy({ silent: true } as never);
      assert.equal(stamp(await reread(quiet.get('id')), 'updatedAt'), stamp(quiet, 'createdAt'));
      const bulk = await Pet.create({ name: 'c' });
      await pause();
      await Pet.destroy({ where: { name: 'c' } });
      assert.equal(stamp(await reread(bulk.get('id')), 'updatedAt'), stamp(bulk, 'updatedAt'));
    });

    test('Model.schema(name) is the model in another schema: getTableName, instances of the model', () => {
      const User = sequelize.define('user', { name: DataTypes.STRING });
      const InSchema = User.schema('archive');
      assert.notEqual(InSchema, User);
      assert.equal(InSchema.name, 'user');
      const table = InSchema.getTableName() as unknown as { tableName: string; schema: string };
      assert.deepEqual([table.tableName, table.schema], ['users', 'archive']);
      assert.equal(User.getTableName(), 'users');
      assert.ok(InSchema.build({ name: 'a' }) instanceof User);
    });
  });
}
