import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Association, BelongsTo, BelongsToMany, DataTypes, EagerLoadingError, HasMany, HasOne, Model, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Behaviour compared against sequelize@6 with the same scripts on every dialect (class-style models).
for (const dialect of testDialects) {
  describe(`associations as sequelize@6 has them (differential cases) on ${dialect}`, () => {
    let db: Sequelize;
    class Owner extends Model {}
    class Pug extends Model {}
    class Friendship extends Model {}
    class Walker extends Model {}
    class Team extends Model {}
    class Member extends Model {}

    before(async () => {
      db = await connect(dialect);
      Owner.init({ name: DataTypes.STRING }, { sequelize: db, modelName: 'owner' });
      Pug.init({ name: DataTypes.STRING }, { sequelize: db, modelName: 'pug' });
      Friendship.init({ level: DataTypes.INTEGER }, { sequelize: db, modelName: 'friendship' });
      Owner.hasMany(Pug);
      Pug.belongsTo(Owner);
      Pug.belongsToMany(Pug, { as: 'friends', through: Friendship, foreignKey: 'pugId', otherKey: 'friendId' });
      Walker.init({ name: DataTypes.STRING }, { sequelize: db, modelName: 'walker' });
      Pug.belongsTo(Walker);
      Pug.belongsTo(Walker, { as: 'backup' });
      Team.init({ name: DataTypes.STRING }, { sequelize: db, modelName: 'team' });
      Member.init({ name: DataTypes.STRING, role: DataTypes.STRING }, { sequelize: db, modelName: 'member' });
      Team.hasMany(Member, { as: 'players' });
      Owner.hasMany(Member, { as: 'leads', scope: { role: 'lead' } });
      await db.sync({ force: true });
      const [walker, backup] = await Walker.bulkCreate([{ name: 'w' }, { name: 'x' }]);
      await Team.create({ name: 't', players: [{ name: 'p' }] }, { include: [{ model: Member, as: 'players' }] });
      const owner = await Owner.create({ name: 'Ann' });
      const [a, b] = await Pug.bulkCreate([{ name: 'a', ownerId: owner.get('id'), walkerId: walker!.get('id'), backupId: backup!.get('id') }, { name: 'b', ownerId: owner.get('id') }]);
      await (a as unknown as { addFriend(friend: Pug, options: object): Promise<unknown> }).addFriend(b!, { through: { level: 2 } });
    });
    after(() => db.close());

    test('include: { all: true } also takes a self-referencing belongsToMany (Pug friends)', async () => {
      const [first] = await Pug.findAll({ include: [{ all: true }], order: [['id', 'ASC']] });
      const json = first!.toJSON() as Record<string, unknown>;
      assert.deepEqual(Object.keys(json).filter((key) => ['owner', 'friends'].includes(key)), ['owner', 'friends']);
      const friends = json['friends'] as Array<{ name: string; friendship: { level: number } }>;
      assert.deepEqual(friends.map((friend) => [friend.name, friend.friendship.level]), [['b', 2]]);
    });

    test('include: { all: true, nested: true } goes into the self-association once, not back into the owner', async () => {
      const [first] = await Pug.findAll({ include: [{ all: true, nested: true }], order: [['id', 'ASC']] });
      const friend = (first!.toJSON() as { friends: Array<Record<string, unknown>> }).friends[0]!;
      assert.equal(friend['name'], 'b');
      assert.ok('owner' in friend && !('friends' in friend));
      const [ann] = await Owner.findAll({ include: [{ all: true, nested: true }] });
      const pug = (ann!.toJSON() as { pugs: Array<Record<string, unknown>> }).pugs[0]!;
      assert.ok('friends' in pug && !('owner' in pug));
    });

    test('a model included without as takes the association defined without one, also beside aliased ones', async () => {
      const pug = await Pug.findOne({ where: { name: 'a' }, include: [Walker] });
      const json = pug!.toJSON() as Record<string, { name: string } | undefined>;
      assert.equal(json['walker']?.name, 'w');
      assert.ok(!('backup' in json));
      const both = await Pug.findOne({ where: { name: 'a' }, include: [Walker, { model: Walker, as: 'backup' }], order: [[Walker, 'name', 'DESC']] });
      assert.deepEqual([both!.get('walker'), both!.get('backup')].map((row) => (row as Model).get('name')), ['w', 'x']);
    });

    test('a model associated only through an alias needs that alias in include, count and create', async () => {
      const aliasRequired = (error: unknown): boolean => error instanceof EagerLoadingError && /^member is associated to team using an alias\. You must use the 'as' keyword.*as: 'players'/.test(error.message);
      await assert.rejects(Team.findAll({ include: [Member] }), aliasRequired);
      await assert.rejects(Team.findAll({ include: [{ model: Member }] }), aliasRequired);
      await assert.rejects(Team.count({ include: [Member] }), aliasRequired);
      await assert.rejects(Team.create({ name: 'u', players: [{ name: 'q' }] }, { include: [Member] }), aliasRequired);
      assert.equal(await Team.count(), 1, 'the refused create wrote nothing');
      const team = await Team.findOne({ include: [{ model: Member, as: 'players' }] });
      assert.deepEqual((team!.get('players') as Model[]).map((row) => row.get('name')), ['p']);
    });

    test('a through.where on a belongsToMany include keeps every pug and filters their friends (not required)', async () => {
      const rows = await Pug.findAll({ include: [{ model: Pug, as: 'friends', through: { where: { level: 2 } } }], order: [['id', 'ASC']] });
      assert.deepEqual(rows.map((row) => [row.get('name'), (row.get('friends') as Model[]).map((friend) => friend.get('name'))]), [['a', ['b']], ['b', []]]);
      const none = await Pug.findAll({ include: [{ model: Pug, as: 'friends', through: { where: { level: 9 } } }], order: [['id', 'ASC']] });
      assert.deepEqual(none.map((row) => (row.get('friends') as Model[]).length), [0, 0]);
      const required = await Pug.findAll({ include: [{ model: Pug, as: 'friends', required: true, through: { where: { level: 2 } } }] });
      assert.deepEqual(required.map((row) => row.get('name')), ['a']);
    });

    test('order by a join-table attribute: [{ model, as }, Friendship, attribute, direction] sorts friends and pugs', async () => {
      type Befriend = { addFriend(friend: Pug, options: object): Promise<unknown> };
      const [a, b] = await Pug.findAll({ where: { name: ['a', 'b'] }, order: [['name', 'ASC']] });
      const c = await Pug.create({ name: 'c' });
      await (a as unknown as Befriend).addFriend(c, { through: { level: 7 } });
      await (b as unknown as Befriend).addFriend(c, { through: { level: 1 } });
      const friends = { model: Pug, as: 'friends' };
      const byLevel = async (direction: string) => {
        const rows = await Pug.findAll({ where: { name: ['a', 'b'] }, include: [friends], order: [[friends, Friendship, 'level', direction]] });
        return rows.map((row) => [row.get('name'), (row.get('friends') as Model[]).map((friend) => friend.get('name'))]);
      };
      assert.deepEqual(await byLevel('DESC'), [['a', ['c', 'b']], ['b', ['c']]]);
      assert.deepEqual(await byLevel('ASC'), [['b', ['c']], ['a', ['b', 'c']]]);
      await assert.rejects(Pug.findAll({ include: [friends], order: [[friends, Friendship, 'rank', 'ASC']] }), /rank/);
    });

    test('create through a scoped hasMany sets the scope values before the foreign key (toJSON key order of v6)', async () => {
      const owner = (await Owner.findOne()) as Owner & { createLead(values: object): Promise<Model> };
      const lead = await owner.createLead({ name: 'l' });
      // PostgreSQL's RETURNING adds the unset teamId at the end, in v6 too.
      assert.deepEqual(Object.keys(lead.toJSON()).filter((key) => key !== 'teamId'), ['id', 'name', 'role', 'ownerId', 'updatedAt', 'createdAt']);
      assert.equal(lead.get('role'), 'lead');
    });

    test("v6's association classes are exported: Model.associations entries are instances of them", () => {
      assert.ok(Owner.associations['pugs'] instanceof HasMany && Owner.associations['pugs'] instanceof Association);
      assert.ok(Pug.associations['owner'] instanceof BelongsTo && !(Pug.associations['owner'] instanceof HasOne));
      assert.ok(Pug.associations['friends'] instanceof BelongsToMany);
    });

    test('association objects answer get/count/has/add/set/create as v6 (get of a list: an object keyed by each key)', async () => {
      type Calls = { get(i: unknown, o?: object): Promise<unknown>; count(i: unknown): Promise<unknown>; has(i: unknown, t: unknown): Promise<unknown> };
      const pugs = Owner.associations['pugs'] as unknown as Calls;
      const owner = Pug.associations['owner'] as unknown as Calls;
      const friends = Pug.associations['friends'] as unknown as Calls;
      const ann = (await Owner.findOne({ where: { name: 'Ann' } }))!;
      const [a, b] = await Pug.findAll({ where: { name: ['a', 'b'] }, order: [['name', 'ASC']] });
      assert.equal(await pugs.count(ann), 2);
      const byOwner = (await pugs.get([ann])) as Record<string, Model[]>;
      assert.deepEqual(Object.keys(byOwner), [String(ann.get('id'))]);
      assert.deepEqual(byOwner[String(ann.get('id'))]!.map((pug) => pug.get('name')).sort(), ['a', 'b']);
      const owners = (await owner.get([a, b])) as Record<string, Model | null>;
      assert.equal(owners[String(ann.get('id'))]!.get('name'), 'Ann');
      assert.equal(((await owner.get(a)) as Model).get('name'), 'Ann');
      assert.equal(await friends.has(a, [b]), true);
      assert.equal(await friends.has(b, a), false);
      await assert.rejects(pugs.get({}), /pass an instance of owner/);
    });
  });
}
