import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Observable results of everyday model code, compared with what Sequelize v6 answers on the same calls.
for (const dialect of testDialects) {
  describe(`core v6 parity on ${dialect}`, () => {
    let sequelize: Sequelize;
    let User: ReturnType<typeof defineUser>;

    function defineUser() {
      return sequelize.define('user', {
        name: DataTypes.STRING,
        email: DataTypes.STRING,
        age: DataTypes.INTEGER,
        label: {
          type: DataTypes.VIRTUAL,
          get(this: { getDataValue(key: string): unknown }) {
            return `${String(this.getDataValue('name'))} <${String(this.getDataValue('email'))}>`;
          },
        },
      });
    }

    before(async () => {
      sequelize = await connect(dialect);
    });
    beforeEach(async () => {
      User = defineUser();
      await sequelize.sync({ force: true });
      await User.create({ name: 'Ann', email: 'ann@example.com', age: 30 });
    });
    after(async () => {
      await sequelize.close();
    });

    test('attributes: { exclude } keeps VIRTUAL attributes in toJSON', async () => {
      const [user] = await User.findAll({ attributes: { exclude: ['age', 'createdAt', 'updatedAt'] } });
      assert.deepEqual(user!.toJSON(), { label: 'Ann <ann@example.com>', id: 1, name: 'Ann', email: 'ann@example.com' });
    });

    test('a VIRTUAL attribute named in an attributes list is in toJSON', async () => {
      const [user] = await User.findAll({ attributes: ['id', 'name', 'email', 'label'] });
      assert.deepEqual(Object.keys(user!.toJSON()), ['label', 'id', 'name', 'email']);
      const [excluded] = await User.findAll({ attributes: { exclude: ['label'] } });
      assert.equal('label' in excluded!.toJSON(), false);
    });

    test('Model.update with individualHooks resolves [count, instances]', async () => {
      await User.create({ name: 'Bob', email: 'bob@example.com', age: 40 });
      const seen: number[] = [];
      User.addHook('beforeUpdate', (instance: { get(key: string): unknown }) => {
        seen.push(instance.get('age') as number);
      });
      const [count, instances] = await User.update({ age: 31 }, { where: { name: 'Ann' }, individualHooks: true });
      assert.equal(count, 1);
      assert.ok(Array.isArray(instances));
      assert.deepEqual(instances.map((instance) => [instance.get('name'), instance.get('age')]), [['Ann', 31]]);
      assert.deepEqual(seen, [31]);
      assert.deepEqual(await User.update({ age: 1 }, { where: { name: 'Nobody' }, individualHooks: true }), [0, []]);
      assert.deepEqual(await User.update({ age: 1 }, { where: { name: 'Bob' } }), [1]);
    });

    test('findOrCreate builds from defaults first, then the where keys', async () => {
      const [user, created] = await User.findOrCreate({ where: { email: 'cy@example.com', age: 5 }, defaults: { name: 'Cy', age: 6 } });
      assert.equal(created, true);
      assert.deepEqual(Object.keys(user.toJSON()), ['label', 'id', 'name', 'age', 'email', 'updatedAt', 'createdAt']);
      assert.equal(user.get('age'), 6);
    });

    test('save({ fields }) leaves the unsaved changes changed', async () => {
      const user = (await User.findOne({ where: { name: 'Ann' } }))!;
      user.set({ name: 'Annie', age: 31 });
      await user.save({ fields: ['age'] });
      assert.deepEqual(user.changed(), ['name']);
      assert.equal(user.previous('name'), 'Ann');
      const stored = (await User.findByPk(user.get('id') as number))!;
      assert.deepEqual([stored.get('name'), stored.get('age')], ['Ann', 31]);
      await user.save();
      assert.equal(user.changed(), false);
      assert.equal((await User.findByPk(user.get('id') as number))!.get('name'), 'Annie');
    });

    test('set(values, { reset: true }) replaces every current value', async () => {
      const user = (await User.findOne({ where: { name: 'Ann' } }))!;
      user.set({ name: 'Zoe' }, { reset: true });
      assert.deepEqual(Object.keys(user.dataValues), ['name']);
      assert.deepEqual(user.changed(), ['name']);
    });

    test('save()/update() of a stored record runs the validation hooks again after beforeUpdate, as v6 does', async () => {
      const events: string[] = [];
      for (const name of ['beforeValidate', 'afterValidate', 'beforeUpdate', 'afterUpdate', 'beforeCreate'] as const) {
        User.addHook(name, () => {
          events.push(name);
        });
      }
      const user = (await User.findOne({ where: { name: 'Ann' } }))!;
      user.set('age', 33);
      await user.save();
      assert.deepEqual(events, ['beforeValidate', 'afterValidate', 'beforeUpdate', 'beforeValidate', 'afterValidate', 'afterUpdate']);
      events.length = 0;
      await user.update({ age: 34 });
      assert.deepEqual(events, ['beforeValidate', 'afterValidate', 'beforeUpdate', 'beforeValidate', 'afterValidate', 'afterUpdate']);
      events.length = 0;
      await user.save({ validate: false });
      user.set('age', 35);
      await user.save({ fields: ['age'] });
      assert.deepEqual(events, ['beforeUpdate', 'beforeValidate', 'afterValidate', 'beforeUpdate', 'afterUpdate']);
      events.length = 0;
      await User.create({ name: 'New' });
      assert.deepEqual(events, ['beforeValidate', 'afterValidate', 'beforeCreate']);
    });
    test('Model.options reports v6 defaults for what the definition left out', () => {
      const options = User.options as Record<string, unknown>;
      assert.deepEqual(
        [options['timestamps'], options['paranoid'], options['underscored'], options['freezeTableName'], options['omitNull'], options['schema']],
        [true, false, false, false, false, null],
      );
      assert.deepEqual([options['indexes'], options['scopes'], options['defaultScope'], options['validate'], options['hooks']], [[], {}, {}, {}, {}]);
      const Soft = sequelize.define('soft', { name: DataTypes.STRING }, { paranoid: true, underscored: true, tableName: 'softs_tbl' });
      assert.deepEqual([Soft.options.paranoid, Soft.options.underscored, Soft.options.tableName, Soft.options.timestamps], [true, true, 'softs_tbl', true]);
    });

    test('set keeps a string given to an INTEGER and a number given to a STRING as they are, as v6 does', async () => {
      const user = User.build({ name: 12 as never, age: '7' as never });
      assert.deepEqual([user.get('name'), user.get('age')], [12, '7']);
      user.set('age', '8' as never);
      assert.deepEqual([user.get('age'), user.changed()], ['8', ['name', 'age']]);
      await user.save();
      await user.reload();
      assert.deepEqual([user.get('name'), user.get('age')], ['12', 8]);
    });
    test('create(values, { fields }) builds from those fields alone; reload({ attributes }) keeps the other values', async () => {
      const user = await User.create({ name: 'Fay', email: 'fay@example.com', age: 9 }, { fields: ['name', 'age'] });
      assert.equal(user.get('email'), dialect === 'postgres' ? null : undefined);
      assert.deepEqual([user.get('name'), user.get('age')], ['Fay', 9]);
      const stored = (await User.findByPk(user.get('id') as number, { raw: true })) as unknown as Record<string, unknown>;
      assert.equal(stored['email'], null);
      await User.update({ name: 'Faye', age: 10 }, { where: { id: user.get('id') as number } });
      const found = (await User.findByPk(user.get('id') as number))!;
      await found.reload({ attributes: ['name'] });
      assert.deepEqual([found.get('name'), found.get('age'), found.get('email')], ['Faye', 10, null]);
      assert.ok(Object.keys(found.toJSON()).includes('createdAt'));
    });
    test('getTableName() of a model in a schema has v6 keys: tableName, table, name, schema, delimiter', () => {
      const Scoped = sequelize.define('gizmo', { label: DataTypes.STRING }, { schema: 'other', tableName: 'gizmos_tbl' });
      assert.equal(User.getTableName(), 'users');
      assert.deepEqual(JSON.parse(JSON.stringify(Scoped.getTableName())), { tableName: 'gizmos_tbl', table: 'gizmos_tbl', name: 'gizmo', schema: 'other', delimiter: '.' });
      // Not synced by the next test's sync({ force: true }): schema "other" does not exist there.
      (sequelize as unknown as { modelManager: { removeModel(model: unknown): void } }).modelManager.removeModel(Scoped);
    });
  });
}
