import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Model, Sequelize, UsageError } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown>;
const nameOf = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (value instanceof Model) return `:${String((value as unknown as Row)['name'])}`;
  return '';
};

for (const dialect of testDialects) {
  describe(`hooks on ${dialect}`, () => {
    let sequelize: Sequelize;
    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    async function tracedPug(log: string[], names: string[]) {
      const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, validate: { len: [1, 10] } }, age: DataTypes.INTEGER }, { paranoid: true });
      for (const name of names) Pug.addHook(name, (value: unknown) => void log.push(`${name}${nameOf(value)}`));
      await Pug.sync({ force: true, hooks: false });
      return Pug;
    }

    test('create runs validate, create and save hooks in Sequelize order; save hooks are filed with create/update', async () => {
      const log: string[] = [];
      const Pug = await tracedPug(log, ['beforeSave', 'beforeValidate', 'afterValidate', 'beforeCreate', 'afterCreate', 'afterSave', 'beforeUpdate', 'afterUpdate']);
      await Pug.create({ name: 'a' });
      // beforeSave was added first, so it runs first among the create hooks.
      assert.deepEqual(log, ['beforeValidate:a', 'afterValidate:a', 'beforeSave:a', 'beforeCreate:a', 'afterCreate:a', 'afterSave:a']);
      log.length = 0;
      const pug = (await Pug.findOne({ where: { name: 'a' } }))!;
      await pug.update({ age: 3 });
      // v6 validates an update again after its before hooks, so the validation hooks run twice.
      assert.deepEqual(log, ['beforeValidate:a', 'afterValidate:a', 'beforeSave:a', 'beforeUpdate:a', 'beforeValidate:a', 'afterValidate:a', 'afterSave:a', 'afterUpdate:a']);
    });

    test('define hooks, addHook, shorthand forms and sequelize-level hooks; the model runs its own first', async () => {
      const log: string[] = [];
      const defineHook = () => void log.push('define');
      const Pug = sequelize.define('pug', { name: DataTypes.STRING }, { hooks: { beforeCreate: [defineHook] } });
      Pug.addHook('beforeCreate', () => void log.push('addHook'));
      Pug.addHook('beforeCreate', 'named', () => void log.push('named'));
      Pug.beforeCreate(() => void log.push('shorthand'));
      sequelize.addHook('beforeCreate', 'global', () => void log.push('sequelize'));
      await Pug.sync({ force: true });
      await Pug.create({ name: 'a' });
      assert.deepEqual(log, ['define', 'addHook', 'named', 'shorthand', 'sequelize']);
      assert.equal(Pug.hasHook('beforeCreate'), true);
      Pug.removeHook('beforeCreate', 'named');
      Pug.removeHook('beforeCreate', defineHook);
      sequelize.removeHook('beforeCreate', 'global');
      log.length = 0;
      await Pug.create({ name: 'b' });
      assert.deepEqual(log, ['addHook', 'shorthand']);
      assert.equal(Pug.hasHook('afterDestroy'), false);
      assert.throws(() => Pug.addHook('beforeCreat', () => undefined), (error: Error) => error instanceof UsageError && /Unknown hook "beforeCreat"/.test(error.message));
    });

    test('define: { hooks } on the Sequelize are defaults that a model`s own hooks replace', async () => {
      const log: string[] = [];
      const local = await connect(dialect, { define: { hooks: { beforeCreate: () => void log.push('default') } } });
      try {
        const Plain = local.define('plain', { name: DataTypes.STRING });
        const Own = local.define('own', { name: DataTypes.STRING }, { hooks: { beforeCreate: () => void log.push('own') } });
        await local.sync({ force: true });
        await Plain.create({ name: 'a' });
        await Own.create({ name: 'b' });
        assert.deepEqual(log, ['default', 'own']);
      } finally {
        await local.close();
      }
    });

    test('a hook that changes a value changes what is written', async () => {
      const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER }, {
        hooks: {
          beforeValidate: (pug: Row) => {
            if (typeof pug['name'] === 'string') pug['name'] = (pug['name'] as string).trim();
          },
          beforeCreate: (pug: Row) => {
            pug['age'] = 99;
          },
        },
      });
      Pug.beforeUpdate(async (pug: Row) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        pug['age'] = 7;
      });
      await Pug.sync({ force: true });
      const pug = await Pug.create({ name: '  padded  ' });
      const found = (await Pug.findByPk((pug as unknown as Row)['id'] as number)) as unknown as Row;
      assert.equal(found['name'], 'padded');
      assert.equal(found['age'], 99);
      await pug.update({ name: 'renamed' });
      const updated = (await Pug.findByPk((pug as unknown as Row)['id'] as number)) as unknown as Row;
      assert.equal(updated['name'], 'renamed');
      assert.equal(updated['age'], 7, 'a field set by beforeUpdate is saved too');
    });

    test('saving an unchanged record still runs its before hooks (no after hooks, no statement unless a hook changes something)', async () => {
      const log: string[] = [];
      const Pug = await tracedPug(log, ['beforeValidate', 'afterValidate', 'beforeUpdate', 'afterUpdate']);
      const pug = await Pug.create({ name: 'a' });
      log.length = 0;
      await pug.save();
      assert.deepEqual(log, ['beforeValidate:a', 'afterValidate:a', 'beforeUpdate:a', 'beforeValidate:a', 'afterValidate:a']);
      Pug.addHook('beforeUpdate', (instance: Row) => {
        instance['age'] = 12;
      });
      log.length = 0;
      await pug.save();
      assert.deepEqual(log, ['beforeValidate:a', 'afterValidate:a', 'beforeUpdate:a', 'beforeValidate:a', 'afterValidate:a', 'afterUpdate:a']);
      assert.equal(((await Pug.findByPk((pug as unknown as Row)['id'] as number)) as unknown as Row)['age'], 12);
    });

    test('a throwing hook aborts the write; hooks: false skips hooks', async () => {
      const Pug = sequelize.define('pug', { name: DataTypes.STRING });
      Pug.addHook('beforeCreate', 'guard', (pug: Row) => {
        if (pug['name'] === 'boom') throw new Error('no booms');
      });
      Pug.addHook('beforeBulkDestroy', () => {
        throw new Error('no bulk deletes');
      });
      await Pug.sync({ force: true });
      await assert.rejects(Pug.create({ name: 'boom' }), /no booms/);
      assert.equal(await Pug.count(), 0);
      await Pug.create({ name: 'boom' }, { hooks: false });
      assert.equal(await Pug.count(), 1);
      await assert.rejects(Pug.destroy({ where: {} }), /no bulk deletes/);
      assert.equal(await Pug.count(), 1);
      assert.equal(await Pug.destroy({ where: {}, hooks: false }), 1);
    });

    test('validationFailed sees the error and may replace it; nothing is written', async () => {
      const seen: unknown[] = [];
      const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, validate: { len: [1, 3] } } });
      Pug.addHook('validationFailed', (_pug: unknown, _options: unknown, error: unknown) => {
        seen.push(error);
        throw new Error('replaced');
      });
      await Pug.sync({ force: true });
      await assert.rejects(Pug.create({ name: 'too long' }), /replaced/);
      assert.equal((seen[0] as Error).name, 'SequelizeValidationError');
      assert.equal(await Pug.count(), 0);
    });

    test('bulk and individual hooks of update, destroy and restore', async () => {
      const log: string[] = [];
      const Pug = await tracedPug(log, ['beforeBulkUpdate', 'afterBulkUpdate', 'beforeUpdate', 'afterUpdate', 'beforeBulkDestroy', 'afterBulkDestroy',
        'beforeDestroy', 'afterDestroy', 'beforeBulkRestore', 'afterBulkRestore', 'beforeRestore', 'afterRestore']);
      await Pug.bulkCreate([{ name: 'a' }, { name: 'b' }]);
      await Pug.update({ age: 1 }, { where: {} });
      assert.deepEqual(log, ['beforeBulkUpdate', 'afterBulkUpdate']);
      log.length = 0;
      await Pug.update({ age: 2 }, { where: { name: 'a' }, individualHooks: true });
      assert.deepEqual(log, ['beforeBulkUpdate', 'beforeUpdate:a', 'afterUpdate:a', 'afterBulkUpdate']);
      log.length = 0;
      await Pug.destroy({ where: { name: 'a' }, individualHooks: true });
      await Pug.restore({ where: { name: 'a' }, individualHooks: true });
      assert.deepEqual(log, ['beforeBulkDestroy', 'beforeDestroy:a', 'afterDestroy:a', 'afterBulkDestroy', 'beforeBulkRestore', 'beforeRestore:a', 'afterRestore:a', 'afterBulkRestore']);
      log.length = 0;
      const pug = (await Pug.findOne({ where: { name: 'b' } }))!;
      await pug.destroy();
      await pug.restore();
      assert.deepEqual(log, ['beforeDestroy:b', 'afterDestroy:b', 'beforeRestore:b', 'afterRestore:b']);
    });

    test('upsert, find, count and sync hooks', async () => {
      const log: string[] = [];
      const Pug = await tracedPug(log, ['beforeUpsert', 'afterUpsert', 'beforeFind', 'afterFind', 'beforeCount', 'beforeSync', 'afterSync']);
      await Pug.sync({ force: true });
      assert.deepEqual(log, ['beforeSync', 'afterSync']);
      log.length = 0;
      await Pug.upsert({ id: 1, name: 'a' });
      assert.deepEqual(log, ['beforeUpsert', 'afterUpsert[2]']);
      log.length = 0;
      let found: unknown;
      Pug.addHook('afterFind', (result: unknown) => {
        found = result;
      });
      await Pug.findAll();
      assert.ok(Array.isArray(found));
      await Pug.findByPk(1);
      assert.ok(found instanceof Model, 'findByPk hands afterFind the instance');
      await Pug.count();
      assert.deepEqual(log, ['beforeFind', 'afterFind[1]', 'beforeFind', 'afterFind:a', 'beforeCount']);
      Pug.addHook('beforeFind', (options: Row) => {
        if (options['onlyA']) options['where'] = { name: 'a' };
      });
      await Pug.create({ id: 2, name: 'b' });
      const onlyA = await Pug.findAll({ onlyA: true } as never);
      assert.deepEqual(onlyA.map((pug) => (pug as unknown as Row)['name']), ['a']);
    });
    test('the three beforeFind stages run in v6 order; beforeDefine/afterDefine also run for Model.init and see modelName', async () => {
      const log: string[] = [];
      const Pug = await tracedPug(log, ['beforeFind', 'beforeFindAfterExpandIncludeAll', 'beforeFindAfterOptions', 'afterFind']);
      await Pug.create({ name: 'a' });
      const found = await Pug.findByPk(1);
      assert.ok(found);
      assert.deepEqual(log, ['beforeFind', 'beforeFindAfterExpandIncludeAll', 'beforeFindAfterOptions', 'afterFind:a']);
      Pug.addHook('beforeFindAfterOptions', (options: Row) => {
        options['where'] = { name: 'none' };
      });
      assert.equal(await Pug.findByPk(1), null);
      const seen: unknown[] = [];
      sequelize.addHook('beforeDefine', 'seen', (attributes: Row, options: Row) => void seen.push(Object.keys(attributes), options['modelName']));
      sequelize.addHook('afterDefine', 'seenAfter', (model: unknown) => void seen.push((model as { name: string }).name));
      class Gadget extends Model {}
      Gadget.init({ label: DataTypes.STRING }, { sequelize, modelName: 'gadget' });
      sequelize.define('widget', { size: DataTypes.INTEGER });
      sequelize.removeHook('beforeDefine', 'seen');
      sequelize.removeHook('afterDefine', 'seenAfter');
      assert.deepEqual(seen, [['label'], 'gadget', 'gadget', ['size'], 'widget', 'widget']);
    });

    test('beforeBulkCreate gets fields as every attribute name when none were given (hooks may push to it)', async () => {
      const Pug = await tracedPug([], []);
      const fields: unknown[] = [];
      Pug.addHook('beforeBulkCreate', (_records: unknown, options: Row) => void fields.push(options['fields']));
      await Pug.bulkCreate([{ name: 'a' }]);
      await Pug.bulkCreate([{ name: 'b' }], { fields: ['name'] });
      assert.deepEqual(fields, [['id', 'name', 'age', 'createdAt', 'updatedAt', 'deletedAt'], ['name']]);
      assert.equal(await Pug.count(), 2);
    });
  });
}
