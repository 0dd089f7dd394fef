import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// The options object each hook receives carries Sequelize v6's keys (its defaults filled in), as observed in v6.
type Seen = Record<string, Record<string, unknown>>;

for (const dialect of testDialects) {
  describe(`hook options on ${dialect}`, () => {
    let sequelize: Sequelize;
    let User: ReturnType<typeof defineUser>;
    let seen: Seen;

    function defineUser() {
      return sequelize.define('user', { name: DataTypes.STRING, age: DataTypes.INTEGER }, { paranoid: true });
    }
    function record(...names: string[]) {
      for (const name of names) {
        const bulk = /Bulk(Update|Destroy|Restore)|Find|Count/.test(name);
        User.addHook(name as never, ((...args: unknown[]) => {
          seen[name] = { ...(bulk ? args[0] : args[1]) as Record<string, unknown> };
        }) as never);
      }
    }

    before(async () => {
      sequelize = await connect(dialect);
    });
    beforeEach(async () => {
      User = defineUser();
      await sequelize.sync({ force: true });
      seen = {};
    });
    after(async () => {
      await sequelize.close();
    });

    const all = ['id', 'name', 'age', 'createdAt', 'updatedAt', 'deletedAt'];

    test('create: fields are every attribute, with hooks, validate, returning and defaultFields', async () => {
      record('beforeValidate', 'beforeCreate', 'afterCreate', 'beforeSave');
      await User.create({ name: 'Ann', age: 3 });
      for (const name of ['beforeCreate', 'afterCreate', 'beforeSave']) {
        const options = seen[name]!;
        assert.deepEqual(options['fields'], all, name);
        assert.deepEqual(options['defaultFields'], all, name);
        assert.equal(options['hooks'], true);
        assert.equal(options['validate'], true);
        assert.equal(options['returning'], true);
      }
      assert.deepEqual(seen['beforeValidate']!['skip'], []);
      const stored = await User.findOne({ where: { name: 'Ann' } });
      assert.equal(stored!.get('age'), 3);
    });

    test('save and update of a stored record: the changed fields with updatedAt, skip for validation', async () => {
      const user = await User.create({ name: 'Ann', age: 3 });
      record('beforeValidate', 'beforeUpdate', 'afterSave');
      user.set('age', 4);
      await user.save();
      assert.deepEqual(seen['beforeUpdate']!['fields'], ['age', 'updatedAt']);
      assert.deepEqual(seen['beforeUpdate']!['defaultFields'], ['age', 'updatedAt']);
      assert.equal(seen['afterSave']!['hooks'], true);
      assert.equal('returning' in seen['beforeUpdate']!, false);
      await user.update({ name: 'Bo' });
      assert.deepEqual(seen['beforeUpdate']!['fields'], ['name', 'updatedAt']);
      assert.deepEqual(seen['beforeUpdate']!['defaultFields'], ['name', 'updatedAt']);
      assert.equal(seen['beforeUpdate']!['validate'], true);
      await user.save({ fields: ['age'] });
      user.set('age', 7);
      await user.save({ fields: ['age'] });
      assert.deepEqual(seen['beforeUpdate']!['fields'], ['age', 'updatedAt']);
      assert.equal('defaultFields' in seen['beforeUpdate']!, false);
    });

    test('a beforeCreate hook pushing to fields of a create with fields has that attribute saved', async () => {
      User.addHook('beforeCreate', ((instance: { set(k: string, v: unknown): void }, options: { fields: string[] }) => {
        instance.set('age', 42);
        options.fields.push('age');
      }) as never);
      const user = await User.create({ name: 'Ann' }, { fields: ['name'] });
      const stored = await User.findByPk(user.get('id') as number);
      assert.equal(stored!.get('age'), 42);
    });

    test('instance destroy and restore: hooks and force defaulted', async () => {
      const user = await User.create({ name: 'Ann' });
      record('beforeDestroy', 'afterDestroy', 'beforeRestore');
      await user.destroy();
      assert.deepEqual(seen['beforeDestroy'], { hooks: true, force: false });
      await user.restore();
      assert.deepEqual(seen['beforeRestore'], { hooks: true, force: false });
      await user.destroy({ force: true });
      assert.deepEqual(seen['afterDestroy'], { hooks: true, force: true });
      assert.equal(await User.count({ paranoid: false }), 0);
    });

    test('bulkCreate: model, defaults and fields; each record with individualHooks', async () => {
      record('beforeBulkCreate', 'afterBulkCreate', 'beforeCreate');
      await User.bulkCreate([{ name: 'a' }, { name: 'b' }], { individualHooks: true });
      const bulk = seen['beforeBulkCreate']!;
      assert.equal(bulk['model'], User);
      assert.deepEqual(bulk['fields'], all);
      assert.deepEqual([bulk['hooks'], bulk['individualHooks'], bulk['ignoreDuplicates'], bulk['validate'], bulk['returning']], [true, true, false, false, true]);
      const one = seen['beforeCreate']!;
      assert.equal('individualHooks' in one, false);
      assert.deepEqual(one['defaultFields'], all);
      assert.equal(one['model'], User);
      assert.equal(await User.count(), 2);
    });

    test('Model.update: type, model, fields with updatedAt, attributes only for the bulk hooks', async () => {
      await User.create({ name: 'a' });
      record('beforeValidate', 'beforeBulkUpdate', 'beforeUpdate', 'afterBulkUpdate');
      await User.update({ age: 5 }, { where: { name: 'a' }, individualHooks: true });
      const bulk = seen['beforeBulkUpdate']!;
      assert.deepEqual([bulk['type'], bulk['model'], bulk['hooks'], bulk['validate'], bulk['sideEffects'], bulk['returning'], bulk['force']], ['BULKUPDATE', User, true, true, true, false, false]);
      assert.deepEqual(bulk['fields'], ['age', 'updatedAt']);
      assert.deepEqual(Object.keys(bulk['attributes'] as object), ['age', 'updatedAt']);
      assert.equal('attributes' in seen['beforeUpdate']!, false);
      assert.equal(seen['beforeUpdate']!['type'], 'BULKUPDATE');
      assert.deepEqual(seen['beforeValidate']!['skip'], ['id', 'name', 'createdAt', 'deletedAt']);
      assert.equal('hasTrigger' in seen['afterBulkUpdate']!, true);
    });

    test('a beforeBulkUpdate hook changing attributes and fields writes them', async () => {
      await User.create({ name: 'a' });
      User.addHook('beforeBulkUpdate', ((options: { attributes: Record<string, unknown>; fields: string[] }) => {
        options.attributes['name'] = 'changed';
        options.fields.push('name');
      }) as never);
      await User.update({ age: 5 }, { where: { name: 'a' } });
      const [user] = await User.findAll();
      assert.deepEqual([user!.get('name'), user!.get('age')], ['changed', 5]);
    });

    test('Model.destroy and Model.restore: type and model, soft delete filed under BULKUPDATE afterwards', async () => {
      await User.create({ name: 'a' });
      record('beforeBulkDestroy', 'afterBulkDestroy', 'beforeBulkRestore');
      await User.destroy({ where: { name: 'a' } });
      const before = seen['beforeBulkDestroy']!;
      assert.deepEqual([before['type'], before['model'], before['hooks'], before['individualHooks'], before['force'], before['cascade'], before['restartIdentity']], ['BULKDELETE', User, true, false, false, false, false]);
      assert.equal(seen['afterBulkDestroy']!['type'], 'BULKUPDATE');
      await User.restore({ where: { name: 'a' } });
      assert.deepEqual([seen['beforeBulkRestore']!['type'], seen['beforeBulkRestore']!['model']], ['RAW', User]);
      assert.equal(await User.count(), 1);
    });

    test('upsert: model, instance, fields given; validation with skip', async () => {
      record('beforeValidate', 'beforeUpsert', 'afterUpsert');
      await User.upsert({ name: 'Ann', age: 3 });
      const upsert = seen['beforeUpsert']!;
      assert.deepEqual([upsert['model'], upsert['hooks'], upsert['validate'], upsert['returning']], [User, true, true, true]);
      assert.deepEqual(upsert['fields'], ['name', 'age']);
      assert.equal((upsert['instance'] as { get(k: string): unknown }).get('name'), 'Ann');
      assert.equal(seen['afterUpsert']!['model'], User);
      assert.deepEqual(seen['beforeValidate']!['skip'], ['id', 'createdAt', 'updatedAt', 'deletedAt']);
      assert.equal(await User.count(), 1);
    });

    test('bulkCreate with validate and individualHooks: records validated with the bulk options, saved without validating again', async () => {
      record('beforeValidate', 'beforeCreate');
      await User.bulkCreate([{ name: 'a' }], { validate: true, individualHooks: true });
      const validating = seen['beforeValidate']!;
      assert.deepEqual([validating['model'], validating['individualHooks'], validating['validate']], [User, true, true]);
      assert.deepEqual(validating['skip'], []);
      assert.equal(seen['beforeCreate']!['validate'], false);
      assert.equal(await User.count(), 1);
    });

    test('finders and count: hooks and rejectOnEmpty defaulted, raw for count; the caller\'s options untouched', async () => {
      record('beforeFind', 'beforeCount');
      const given = { where: { name: 'a' } };
      await User.findAll(given);
      assert.deepEqual(Object.keys(given), ['where']);
      assert.equal(seen['beforeFind']!['hooks'], true);
      assert.equal(seen['beforeFind']!['rejectOnEmpty'], false);
      await User.count();
      assert.deepEqual([seen['beforeCount']!['hooks'], seen['beforeCount']!['raw']], [true, true]);
    });
  });
}
