import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, Sequelize, SequelizeScopeError } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown>;
const names = (rows: unknown[]) => rows.map((row) => (row as Row)['name']);

for (const dialect of testDialects) {
  describe(`scopes on ${dialect}`, () => {
    let sequelize: Sequelize;
    let Pug: ReturnType<typeof definePug>;

    function definePug() {
      return sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER, good: DataTypes.BOOLEAN }, {
        defaultScope: { where: { good: true } },
        scopes: {
          old: { where: { age: { [Op.gte]: 5 } } },
          young: { where: { age: { [Op.lt]: 5 } } },
          named: (name: string) => ({ where: { name } }),
          olderThan: (age: number) => ({ where: { age: { [Op.gt]: age } } }),
          topTwo: { limit: 2, order: [['age', 'DESC'], ['name', 'ASC']] },
          justName: { attributes: ['id', 'name'] },
          oneOrNine: { where: { [Op.or]: [{ age: 1 }, { age: 9 }] } },
        },
      });
    }

    before(async () => {
      sequelize = await connect(dialect);
      Pug = definePug();
      await sequelize.sync({ force: true });
      await Pug.bulkCreate([
        { name: 'a', age: 1, good: true }, { name: 'b', age: 5, good: true }, { name: 'c', age: 9, good: false },
        { name: 'd', age: 7, good: true }, { name: 'e', age: 9, good: true },
      ]);
    });
    after(async () => {
      await sequelize.close();
    });
    const byName = { order: [['name', 'ASC']] as [string, string][] };

    test('the default scope applies to finders and count; unscoped() and scope(null) drop it', async () => {
      assert.deepEqual(names(await Pug.findAll(byName)), ['a', 'b', 'd', 'e']);
      assert.equal(await Pug.count(), 4);
      assert.equal(await Pug.findByPk(3), null, 'c is not good');
      assert.deepEqual(names(await Pug.unscoped().findAll(byName)), ['a', 'b', 'c', 'd', 'e']);
      assert.deepEqual(names(await Pug.scope(null).findAll(byName)), ['a', 'b', 'c', 'd', 'e']);
      assert.equal(await Pug.unscoped().count(), 5);
      // The caller's where on the same key wins over the scope's.
      assert.deepEqual(names(await Pug.findAll({ where: { good: false } })), ['c']);
    });

    test('named scopes replace the default; several merge, later where keys overriding earlier ones', async () => {
      assert.deepEqual(names(await Pug.scope('old').findAll(byName)), ['b', 'c', 'd', 'e']);
      assert.deepEqual(names(await Pug.scope('defaultScope', 'old').findAll(byName)), ['b', 'd', 'e']);
      assert.deepEqual(names(await Pug.scope('old', 'young').findAll(byName)), ['a']);
      assert.deepEqual(names(await Pug.scope('oneOrNine', 'old').findAll(byName)), ['c', 'e']);
      assert.deepEqual(names(await Pug.scope('old').findAll({ where: { age: 9 }, ...byName })), ['c', 'e']);
      assert.equal(await Pug.scope('old').count(), 4);
      assert.deepEqual(names(await Pug.unscoped().scope('old').findAll(byName)), ['b', 'c', 'd', 'e']);
    });

    test('function scopes take arguments through { method: [name, ...args] }', async () => {
      assert.deepEqual(names(await Pug.scope({ method: ['named', 'c'] }).findAll()), ['c']);
      assert.deepEqual(names(await Pug.scope({ method: ['olderThan', 6] }).findAll(byName)), ['c', 'd', 'e']);
      assert.deepEqual(names(await Pug.scope({ method: ['olderThan', 6] }, 'old').findAll(byName)), ['b', 'c', 'd', 'e']);
    });

    test('scopes carry limit, order and attributes', async () => {
      assert.deepEqual(names(await Pug.scope('topTwo').findAll()), ['c', 'e']);
      const slim = await Pug.scope('justName').findAll(byName);
      assert.deepEqual(names(slim), ['a', 'b', 'c', 'd', 'e']);
      assert.equal((slim[0] as unknown as Row)['age'], undefined);
    });

    test('merging as Sequelize: attributes and order lists are united (scope first), limit and where keys replaced', async () => {
      const slim = (await Pug.scope('justName').findAll({ attributes: ['age'], ...byName })) as unknown as Array<{ dataValues: unknown }>;
      assert.deepEqual(Object.keys(slim[0]!.dataValues as Row).sort(), ['age', 'id', 'name']);
      const ordered = await Pug.scope('topTwo', { order: [['id', 'ASC']] }).findAll({ limit: 3 });
      assert.deepEqual(names(ordered), ['c', 'e', 'd'], 'age DESC, name ASC, then id; the limit given replaces the scope`s');
      assert.deepEqual(names(await Pug.scope('oneOrNine').findAll({ where: { [Op.or]: [{ age: 5 }] } })), ['b'], 'the caller`s [Op.or] replaces the scope`s');
    });

    test('whereMergeStrategy: "and" keeps both the scope`s and the caller`s condition on the same key', async () => {
      const Strict = sequelize.define('strict', { age: DataTypes.INTEGER }, {
        whereMergeStrategy: 'and',
        scopes: { old: { where: { age: { [Op.gte]: 5 } } }, young: { where: { age: { [Op.lt]: 8 } } } },
      });
      await Strict.sync({ force: true });
      await Strict.bulkCreate([{ age: 1 }, { age: 6 }, { age: 9 }]);
      const ages = async (rows: Promise<unknown[]>) => (await rows).map((row) => (row as Row)['age']).sort();
      assert.deepEqual(await ages(Strict.scope('old', 'young').findAll()), [6]);
      assert.deepEqual(await ages(Strict.scope('old').findAll({ where: { age: { [Op.lt]: 8 } } })), [6]);
    });

    test('scoped models make instances of the model, and writes through them honour the scope', async () => {
      const Old = Pug.scope('old');
      const found = (await Old.findOne({ where: { name: 'e' } }))!;
      assert.ok(found instanceof Pug);
      assert.equal(Old.name, 'pug');
      const made = await Old.create({ name: 'f', age: 1, good: false });
      assert.ok(made instanceof Pug);
      assert.deepEqual(await Pug.update({ age: 2 }, { where: { name: 'c' } }), [0], 'c is outside the default scope');
      assert.equal(await Pug.scope('old').destroy({ where: { name: 'a' } }), 0, 'a is outside the old scope');
      assert.equal(await Pug.unscoped().destroy({ where: { name: 'f' } }), 1);
    });

    test('addScope adds (and refuses to silently replace) a scope; an unknown scope is a SequelizeScopeError', async () => {
      Pug.addScope('onlyE', { where: { name: 'e' } });
      assert.deepEqual(names(await Pug.scope('onlyE').findAll()), ['e']);
      assert.throws(() => Pug.addScope('onlyE', { where: { name: 'a' } }), /already exists/);
      Pug.addScope('onlyE', { where: { name: 'a' } }, { override: true });
      assert.deepEqual(names(await Pug.scope('onlyE').findAll()), ['a']);
      assert.throws(() => Pug.scope('nope'), (error: Error) => error instanceof SequelizeScopeError && error.name === 'SequelizeScopeError' && /nope/.test(error.message) && /pug/.test(error.message));
    });
  });
  describe(`scoped models in includes on ${dialect}`, () => {
    let sequelize: Sequelize;
    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    test('a where from the included model`s scope (default or named) makes the include required, as in v6; the association`s scope does not', async () => {
      const Team = sequelize.define('scopeTeam', { name: DataTypes.STRING }, { defaultScope: { where: { name: { [Op.ne]: 'Z' } } } });
      const Member = sequelize.define('scopeMember', { name: DataTypes.STRING, age: DataTypes.INTEGER, active: DataTypes.BOOLEAN }, {
        defaultScope: { where: { active: true } },
        scopes: { adults: { where: { age: { [Op.gte]: 18 } } }, ordered: { order: [['age', 'DESC']] } },
      });
      Member.belongsTo(Team);
      Team.hasMany(Member);
      Team.hasMany(Member, { as: 'seniors', scope: { age: 40 } });
      await sequelize.sync({ force: true });
      await Team.bulkCreate([{ name: 'A' }, { name: 'B' }, { name: 'Z' }]);
      await Member.bulkCreate([
        { name: 'ann', age: 10, active: true, scopeTeamId: 1 }, { name: 'cat', age: 30, active: false, scopeTeamId: 2 },
        { name: 'dan', age: 40, active: true, scopeTeamId: 3 }, { name: 'eve', age: 40, active: true, scopeTeamId: null },
      ]);
      const teams = async (include: Record<string, unknown>) => (await Team.unscoped().findAll({ order: [['id', 'ASC']], include: [include] }))
        .map((team) => [team.get('name'), ((team.get('scopeMembers') ?? team.get('seniors')) as Row[]).map((member) => (member as { get(key: string): unknown }).get('name'))]);
      // The default scope's where: teams without an active member drop out (INNER JOIN), as v6 gives.
      assert.deepEqual(await teams({ model: Member }), [['A', ['ann']], ['Z', ['dan']]]);
      assert.deepEqual(await teams({ model: Member.scope('adults') }), [['B', ['cat']], ['Z', ['dan']]]);
      assert.deepEqual(await teams({ model: Member.scope('adults'), required: false }), [['A', []], ['B', ['cat']], ['Z', ['dan']]]);
      assert.deepEqual(await teams({ model: Member.scope('adults'), separate: true }), [['A', []], ['B', ['cat']], ['Z', ['dan']]]);
      assert.deepEqual(await teams({ model: Member.scope('ordered') }), [['A', ['ann']], ['B', ['cat']], ['Z', ['dan']]], 'a scope without where leaves the include optional');
      assert.deepEqual(await teams({ model: Member.unscoped() }), [['A', ['ann']], ['B', ['cat']], ['Z', ['dan']]]);
      assert.deepEqual(await teams({ model: Member.unscoped(), as: 'seniors' }), [['A', []], ['B', []], ['Z', ['dan']]], 'the association scope filters without requiring');
      // To-one: a belongsTo whose target's default scope has a where drops the rows without a match.
      const members = async (include: unknown) => (await Member.unscoped().findAll({ order: [['id', 'ASC']], include: [include] }))
        .map((member) => [member.get('name'), (member.get('scopeTeam') as { get(key: string): unknown } | null)?.get('name') ?? null]);
      assert.deepEqual(await members(Team), [['ann', 'A'], ['cat', 'B']]);
      assert.deepEqual(await members({ model: Team, required: false }), [['ann', 'A'], ['cat', 'B'], ['dan', null], ['eve', null]]);
      assert.equal(await Member.unscoped().count({ include: [Team] }), 2);
      assert.deepEqual((await Member.unscoped().findAndCountAll({ include: [Team] })).count, 2);
    });
  });
}
