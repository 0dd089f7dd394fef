import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Association, BelongsTo, BelongsToMany, DataTypes, HasMany, HasOne, Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, (...args: unknown[]) => Promise<unknown>>;
const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (key, item: unknown) => (key === 'createdAt' || key === 'updatedAt' ? undefined : item))) as unknown;

// Compared with sequelize@6 running the same calls on each dialect.
for (const dialect of testDialects) {
  describe(`associations as v6 reports and runs them on ${dialect}`, () => {
    let db: Sequelize;
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Friend: ModelStatic;
    let Collar: ModelStatic;
    let readsWholeRows: boolean;

    before(async () => {
      db = await connect(dialect);
      readsWholeRows = db.getDialect() === 'postgres';
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', { name: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING });
      Collar = db.define('collar', { color: DataTypes.STRING });
      const Friendship = db.define('friendship', { level: DataTypes.INTEGER });
      Owner.hasMany(Pug, { onDelete: 'CASCADE', hooks: true });
      Pug.belongsTo(Owner);
      Pug.hasOne(Collar, { foreignKey: { name: 'pugId', allowNull: false }, hooks: true });
      Pug.belongsToMany(Friend, { through: Friendship });
      Friend.belongsToMany(Pug, { through: Friendship });
      await db.sync({ force: true });
    });
    after(async () => {
      await db.close();
    });

    test('Association carries the four kinds, as v6 exports it', () => {
      const kinds = Association as unknown as Record<string, unknown>;
      assert.deepEqual([kinds['HasMany'], kinds['BelongsTo'], kinds['HasOne'], kinds['BelongsToMany'], kinds['Association']], [HasMany, BelongsTo, HasOne, BelongsToMany, Association]);
      assert.ok((Owner.associations as Record<string, unknown>)['pugs'] instanceof (kinds['HasMany'] as typeof HasMany));
    });

    test('association.options carries name, hooks/useHooks and (to-one) the constraint actions v6 chose', () => {
      const { pugs } = Owner.associations as Record<string, { options: Record<string, unknown> }>;
      assert.deepEqual(pugs!.options['name'], { plural: 'pugs', singular: 'pug' });
      assert.equal(pugs!.options['hooks'], true);
      assert.equal(pugs!.options['useHooks'], true);
      const owner = (Pug.associations as Record<string, { options: Record<string, unknown> }>)['owner']!.options;
      assert.deepEqual([owner['name'], owner['hooks'], owner['onDelete'], owner['onUpdate']], [{ plural: 'owners', singular: 'owner' }, false, 'SET NULL', 'CASCADE']);
      const collar = (Pug.associations as Record<string, { options: Record<string, unknown> }>)['collar']!.options;
      assert.deepEqual([collar['onDelete'], collar['onUpdate']], ['CASCADE', 'CASCADE']);
      const Boss = db.define('boss', {});
      const Dog = db.define('dog', {});
      const aliased = Dog.belongsTo(Boss, { as: 'chief', foreignKey: { name: 'chiefId', allowNull: false } });
      assert.deepEqual([aliased.options['name'], aliased.options['onDelete']], [{ singular: 'chief' }, 'NO ACTION']);
      const dogs = Boss.hasMany(Dog, { as: 'dogs', constraints: false });
      assert.deepEqual(dogs.options['name'], { plural: 'dogs', singular: 'dog' });
      assert.equal(dogs.options['onDelete'], undefined);
      const buddies = (Pug.associations as Record<string, { options: Record<string, unknown> }>)['friends']!.options;
      assert.deepEqual(buddies['name'], { plural: 'friends', singular: 'friend' });
    });

    test('addFriend resolves the join rows; where INSERT reads whole rows (PostgreSQL) unset columns come back null', async () => {
      const pug = (await Pug.create({ name: 'Cody' })) as Row;
      const [a, b] = await Friend.bulkCreate([{ name: 'a' }, { name: 'b' }]);
      const first = (await pug['addFriend']!(a)) as Model[];
      const level = readsWholeRows ? { level: null } : {};
      assert.deepEqual(plain(first), [{ pugId: pug.get('id'), friendId: a!.get('id'), ...level }]);
      const second = (await pug['addFriend']!(b, { through: { level: 2 } })) as Model[];
      assert.deepEqual(plain(second), [{ level: 2, pugId: pug.get('id'), friendId: b!.get('id') }]);
      const Tag = db.define('tag', { code: { type: DataTypes.STRING, primaryKey: true }, note: DataTypes.STRING });
      await Tag.sync({ force: true });
      assert.deepEqual(plain(await Tag.bulkCreate([{ code: 'x' }])), [{ code: 'x', ...(readsWholeRows ? { note: null } : {}) }]);
    });

    test("onDelete: 'CASCADE' with hooks: true destroys the children one by one first, running their destroy hooks", async () => {
      const seen: string[] = [];
      Pug.addHook('beforeDestroy', 'cascade', (pug: Model) => { seen.push(`pug:${String(pug.get('name'))}`); });
      Collar.addHook('afterDestroy', 'cascade', (collar: Model) => { seen.push(`collar:${String(collar.get('color'))}`); });
      try {
        const owner = await Owner.create({ name: 'Ann' });
        const [x, y] = await Pug.bulkCreate([{ name: 'x', ownerId: owner.get('id') }, { name: 'y', ownerId: owner.get('id') }]);
        await Collar.create({ color: 'red', pugId: x!.get('id') });
        await owner.destroy();
        assert.deepEqual(seen, ['pug:x', 'collar:red', 'pug:y']);
        assert.equal(await Pug.count({ where: { id: [x!.get('id'), y!.get('id')] } }), 0);
        assert.equal(await Collar.count(), 0);
        // Without hooks: true the database cascades alone: no hooks.
        seen.length = 0;
        const Walker = db.define('walker', {});
        const Leash = db.define('leash', {});
        Walker.hasMany(Leash, { onDelete: 'CASCADE' });
        Leash.addHook('beforeDestroy', () => { seen.push('leash'); });
        await db.sync();
        const walker = await Walker.create({});
        await Leash.create({ walkerId: walker.get('id') });
        await walker.destroy();
        assert.deepEqual(seen, []);
        assert.equal(await Leash.count(), 0);
      } finally {
        Pug.removeHook('beforeDestroy', 'cascade');
        Collar.removeHook('afterDestroy', 'cascade');
      }
    });

    test('a failing child destroy hook leaves the parent and every child in place', async () => {
      const owner = await Owner.create({ name: 'Bo' });
      await Pug.bulkCreate([{ name: 'keep', ownerId: owner.get('id') }, { name: 'stop', ownerId: owner.get('id') }]);
      Pug.addHook('beforeDestroy', 'refuse', (pug: Model) => {
        if (pug.get('name') === 'stop') throw new Error('no');
      });
      try {
        await assert.rejects(owner.destroy(), /no/);
      } finally {
        Pug.removeHook('beforeDestroy', 'refuse');
      }
      assert.equal(await Owner.count({ where: { id: owner.get('id') } }), 1);
      assert.equal(await Pug.count({ where: { ownerId: owner.get('id') } }), 2);
    });

    test('addFriends of linked friends with new join values resolves the first row\'s update result, as v6 ([1])', async () => {
      const pug = (await Pug.create({ name: 'Rex' })) as Row;
      const [a, b, c] = await Friend.bulkCreate([{ name: 'ra' }, { name: 'rb' }, { name: 'rc' }]);
      await pug['addFriends']!([a, b], { through: { level: 1 } });
      assert.equal(await pug['addFriends']!([a, b], { through: { level: 1 } }), undefined, 'nothing changes: nothing to resolve');
      assert.deepEqual(await pug['addFriends']!([a, b], { through: { level: 3 } }), [1]);
      const set = (await pug['setFriends']!([a, b, c], { through: { level: 4 } })) as unknown[];
      assert.deepEqual(set.slice(0, 2), [[1], [1]], 'one result per kept link updated, then the inserted rows');
      assert.deepEqual((plain(set[2]) as Array<{ friendId: unknown; level: unknown }>).map((row) => [row.friendId, row.level]), [[c!.get('id'), 4]]);
    });

    test('reload() of an instance loaded with includes refreshes the included rows it exposes', async () => {
      const owner = await Owner.create({ name: 'Re' });
      await Pug.create({ name: 'one', ownerId: owner.get('id') });
      const loaded = (await Owner.findByPk(owner.get('id') as number, { include: [Pug] })) as Model & { pugs: Model[] };
      await Pug.create({ name: 'two', ownerId: owner.get('id') });
      await loaded.reload();
      assert.deepEqual(loaded.pugs.map((pug) => pug.get('name')).sort(), ['one', 'two']);
      assert.equal(loaded.pugs, loaded.get('pugs'));
    });

    test('an include with through: { paranoid: false } also follows soft-deleted join rows', async () => {
      const Member = db.define('member', { name: DataTypes.STRING }, { paranoid: true });
      const Club = db.define('club', { name: DataTypes.STRING });
      const Membership = db.define('membership', { role: DataTypes.STRING }, { paranoid: true });
      Club.belongsToMany(Member, { through: Membership });
      Member.belongsToMany(Club, { through: Membership });
      await db.sync();
      const club = (await Club.create({ name: 'c' })) as Row;
      const [kept, left, gone] = await Member.bulkCreate([{ name: 'kept' }, { name: 'left' }, { name: 'gone' }]);
      await club['addMembers']!([kept, left, gone]);
      await club['removeMember']!(left);
      await gone!.destroy();
      const members = async (include: Record<string, unknown>) => ((await Club.findByPk(club.get('id') as number, { include: [{ model: Member, ...include }] })) as unknown as { members: Model[] }).members.map((member) => member.get('name')).sort();
      assert.deepEqual(await members({}), ['kept']);
      assert.deepEqual(await members({ through: { paranoid: false } }), ['kept', 'left']);
      assert.deepEqual(await members({ paranoid: false, through: { paranoid: false } }), ['gone', 'kept', 'left']);
      assert.deepEqual(((await club['getMembers']!({ through: { paranoid: false } })) as Model[]).map((member) => member.get('name')).sort(), ['kept', 'left']);
    });

    test('accessors two associations would both generate stay the first one\'s, as in v6 (Pug.hasMany(Pug), Pug.belongsTo(Pug))', async () => {
      const Node = db.define('node', { name: DataTypes.STRING });
      Node.hasMany(Node);
      Node.belongsTo(Node);
      await Node.sync({ force: true });
      const root = (await Node.create({ name: 'root' })) as Row;
      const leaf = (await root['createNode']!({ name: 'leaf' })) as Model;
      assert.equal(leaf.get('nodeId'), root.get('id'), 'createNode is the hasMany one: the new node points at root');
      await root.reload();
      assert.equal(root.get('nodeId'), null);
      assert.deepEqual(((await root['getNodes']!()) as Model[]).map((node) => node.get('name')), ['leaf']);
    });

    test("a belongsToMany's scope filters its include as it filters its accessors (v6)", async () => {
      const Post = db.define('article', { title: DataTypes.STRING });
      const Tag = db.define('keyword', { name: DataTypes.STRING, kind: DataTypes.STRING });
      Post.belongsToMany(Tag, { through: 'article_keywords', as: 'topics', scope: { kind: 'topic' } });
      Post.belongsToMany(Tag, { through: 'article_keywords', as: 'labels' });
      await db.sync();
      const post = (await Post.create({ title: 'p' })) as Row;
      const [topic, label] = await Tag.bulkCreate([{ name: 'a', kind: 'topic' }, { name: 'b', kind: 'label' }]);
      await post['addLabels']!([topic, label]);
      const names = (rows: unknown) => (rows as Model[]).map((row) => row.get('name')).sort();
      assert.deepEqual(names(await post['getTopics']!()), ['a']);
      const [loaded] = (await Post.findAll({ include: ['topics', 'labels'] })) as unknown as Array<{ topics: Model[]; labels: Model[] }>;
      assert.deepEqual([names(loaded!.topics), names(loaded!.labels)], [['a'], ['a', 'b']]);
      await label!.update({ kind: 'other' });
      await topic!.update({ kind: 'label' });
      assert.equal(await Post.count({ include: [{ association: 'topics', required: true }] }), 0);
    });

    test('a class init\'ed again and associated anew gets the new association\'s accessors', async () => {
      class Kennel extends Model {}
      class Hound extends Model {}
      for (const foreignKey of ['kennelId', 'homeId']) {
        Kennel.init({ name: DataTypes.STRING }, { sequelize: db, modelName: 'kennel' });
        Hound.init({ name: DataTypes.STRING }, { sequelize: db, modelName: 'hound' });
        Kennel.hasMany(Hound, { foreignKey });
        await Hound.drop();
        await Kennel.sync({ force: true });
        await Hound.sync({ force: true });
        const kennel = (await Kennel.create({ name: 'k' })) as Row;
        const hound = (await kennel['createHound']!({ name: foreignKey })) as Model;
        assert.equal(hound.get(foreignKey), kennel.get('id'));
        assert.deepEqual(((await kennel['getHounds']!()) as Model[]).map((row) => row.get('name')), [foreignKey]);
      }
    });
  });
}
