import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, (...args: unknown[]) => Promise<unknown>>;
type Flat = Record<string, unknown>;
const keysOf = (rows: unknown) => (rows as Flat[]).map((row) => Object.keys(row));

// Each expectation was read off sequelize@6 running the same calls on the same dialect.
for (const dialect of testDialects) {
  describe(`associations where v6 differed, on ${dialect}`, () => {
    let db: Sequelize;
    let Pug: ModelStatic;
    let Friend: ModelStatic;
    let Toy: ModelStatic;
    let Part: ModelStatic;
    let Owner: ModelStatic;
    let cody: Row;
    let owner: Row;

    before(async () => {
      db = await connect(dialect);
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', { name: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING });
      Toy = db.define('toy', { name: DataTypes.STRING });
      Part = db.define('part', { name: DataTypes.STRING });
      const Friendship = db.define('friendship', { level: DataTypes.INTEGER });
      Pug.belongsToMany(Friend, { through: Friendship });
      Friend.belongsToMany(Pug, { through: Friendship });
      Owner.hasMany(Pug);
      Pug.belongsTo(Owner);
      Pug.hasMany(Toy);
      Toy.belongsTo(Pug);
      Toy.hasMany(Part);
      await db.sync({ force: true });
      owner = (await Owner.create({ name: 'Tom' })) as Row;
      cody = (await Pug.create({ name: 'Cody', ownerId: owner.get('id') })) as Row;
      await Pug.create({ name: 'Doug', ownerId: owner.get('id') });
      const [x, y] = await Friend.bulkCreate([{ name: 'x' }, { name: 'y' }]);
      await cody['addFriend']!(x, { through: { level: 3 } });
      await cody['addFriend']!(y, { through: { level: 1 } });
      await Toy.create({ name: 'ball', pugId: cody.get('id') });
      await Part.create({ name: 'bell', toyId: 1 });
    });
    after(async () => {
      await db.close();
    });

    test('getFriends / getPugs with plain: true resolve the first row (or null), as v6 findAll does', async () => {
      const first = (await cody['getFriends']!({ plain: true, order: [['id', 'DESC']] })) as Model;
      assert.equal(first.get('name'), 'y');
      assert.equal((first as unknown as Flat)['friendship'] !== undefined, true);
      const pug = (await owner['getPugs']!({ plain: true, order: [['id', 'ASC']] })) as Model;
      assert.equal(pug.get('name'), 'Cody');
      const none = (await owner['getPugs']!({ plain: true, where: { name: 'nobody' } })) as Model | null;
      assert.equal(none, null);
    });

    test('raw: true rows carry the join row keys beside listed through attributes', async () => {
      const rows = await Pug.findAll({
        where: { id: cody.get('id') },
        include: [{ model: Friend, attributes: ['name'], through: { attributes: ['level'] } }],
        order: [[Friend, 'id', 'ASC']],
        raw: true,
      });
      assert.deepEqual(keysOf(rows)[0], ['id', 'name', 'createdAt', 'updatedAt', 'ownerId', 'friends.name', 'friends.friendship.friendId', 'friends.friendship.pugId', 'friends.friendship.level']);
      assert.deepEqual((rows as unknown as Flat[]).map((row) => [row['friends.friendship.pugId'], row['friends.friendship.friendId'], row['friends.friendship.level']]), [[1, 1, 3], [1, 2, 1]]);
      const excluded = await Pug.findAll({ where: { id: cody.get('id') }, include: [{ model: Friend, attributes: ['name'], through: { attributes: { exclude: ['pugId'] } } }], raw: true });
      assert.deepEqual(keysOf(excluded)[0]!.slice(5, 7), ['friends.name', 'friends.friendship.pugId']);
    });

    test('raw: true rows carry the primary key of includes below the top level, not of the top level', async () => {
      const rows = await Pug.findAll({
        where: { id: cody.get('id') }, attributes: ['name'], raw: true,
        include: [{ model: Toy, attributes: ['name'], include: [{ model: Part, attributes: ['name'] }] }],
      });
      assert.deepEqual(rows, [{ name: 'Cody', 'toys.name': 'ball', 'toys.parts.id': 1, 'toys.parts.name': 'bell' }]);
      const nested = await Toy.findAll({
        attributes: ['name'], raw: true, nest: true,
        include: [{ model: Pug, attributes: ['name'], include: [{ model: Friend, attributes: ['name'], through: { attributes: ['level'] } }] }],
        order: [[Pug, Friend, 'id', 'ASC']],
      });
      assert.deepEqual((nested as unknown as Flat[])[0], { name: 'ball', pug: { name: 'Cody', friends: { id: 1, name: 'x', friendship: { friendId: 1, pugId: 1, level: 3 } } } });
      // Instances keep to what was listed, as in v6.
      const [pug] = await Pug.findAll({ where: { id: cody.get('id') }, attributes: ['name'], include: [{ model: Toy, attributes: ['name'], include: [{ model: Part, attributes: ['name'] }] }] });
      assert.deepEqual(pug!.toJSON(), { name: 'Cody', toys: [{ name: 'ball', parts: [{ name: 'bell' }] }] });
    });

    test('a separate include leaves its source key on root instances read with listed attributes, as v6', async () => {
      const [tom] = await Owner.findAll({ attributes: ['name'], include: [{ model: Pug, separate: true, attributes: ['name'], order: [['id', 'ASC']] }] });
      assert.deepEqual(tom!.toJSON(), { name: 'Tom', id: 1, pugs: [{ name: 'Cody' }, { name: 'Doug' }] });
      // Not so for a joined include, nor for the separate include's own rows.
      const [joined] = await Owner.findAll({ attributes: ['name'], include: [{ model: Pug, attributes: ['name'] }], order: [[Pug, 'id', 'ASC']] });
      assert.deepEqual(joined!.toJSON(), { name: 'Tom', pugs: [{ name: 'Cody' }, { name: 'Doug' }] });
    });

    test('include: { all } expands as v6: its kind names, after the includes given, and at any depth from where it stands', async () => {
      const tree = (value: unknown): Flat => {
        if (Array.isArray(value)) return value.length > 0 ? tree(value[0]) : {};
        const out: Flat = {};
        for (const [key, item] of Object.entries((value as Model).dataValues as Flat)) {
          if (item && typeof item === 'object' && !(item instanceof Date) && key !== 'friendship') out[key] = tree(item);
        }
        return out;
      };
      const one = async (include: unknown, model: ModelStatic = Pug) => tree(await model.findOne({ where: { id: 1 }, include: include as never }));
      assert.deepEqual(await one([{ model: Friend, include: [{ all: true }] }]), { friends: { pugs: {} } });
      assert.deepEqual(await one([{ model: Toy, include: [{ all: true, nested: true }] }]), { toys: { pug: { friends: {}, owner: {} }, parts: {} } });
      assert.deepEqual(await one([{ all: true, nested: true }], Owner), { pugs: { friends: {}, toys: { parts: {} } } });
      assert.deepEqual(await one([{ all: 'One' }]), { owner: {} });
      assert.deepEqual(await one([{ all: 'Has' }]), { toys: {} });
      assert.deepEqual(await one([{ all: 'Many' }]), { toys: {} });
      assert.deepEqual(await one([{ all: ['BelongsTo', 'HasMany'] }]), { owner: {}, toys: {} });
      await assert.rejects(Pug.findAll({ include: [{ all: 'BelongsToMany' }] }), { name: 'SequelizeEagerLoadingError' });
      const pug = (await Pug.findOne({ where: { id: 1 }, include: [{ all: true }, { model: Toy, where: { name: 'none' }, required: false }] })) as Row;
      assert.deepEqual(Object.keys(pug.toJSON()), ['id', 'name', 'createdAt', 'updatedAt', 'ownerId', 'toys', 'friends', 'owner']);
      assert.deepEqual(pug['toys'], []);
    });

    test('through: { as } sets the join row under that key, on instances and in raw rows', async () => {
      const [pug] = (await Pug.findAll({ where: { id: 1 }, include: [{ model: Friend, through: { as: 'link', attributes: ['level'] } }], order: [[Friend, 'id', 'ASC']] })) as Row[];
      const friend = (pug!['friends'] as unknown as Row[])[0]!;
      assert.deepEqual([(friend.get('link') as Model).get('level'), 'friendship' in friend.dataValues], [3, false]);
      assert.deepEqual((friend.toJSON() as Flat)['link'], { level: 3 });
      const rows = await Pug.findAll({ where: { id: 1 }, attributes: ['name'], include: [{ model: Friend, attributes: ['name'], through: { as: 'link', attributes: ['level'] } }], order: [[Friend, 'id', 'ASC']], raw: true });
      assert.deepEqual((rows as unknown as Flat[])[0], { name: 'Cody', 'friends.name': 'x', 'friends.link.friendId': 1, 'friends.link.pugId': 1, 'friends.link.level': 3 });
    });

    test("create with include lists each record's keys as v6's save does (updatedAt first, a belongsTo key last)", async () => {
      const keys = (value: unknown): unknown => (Array.isArray(value) ? value.map(keys) : value && typeof value === 'object' && !(value instanceof Date)
        ? Object.entries(value as Flat).map(([key, item]) => (item && typeof item === 'object' && !(item instanceof Date) ? [key, keys(item)] : key)) : value);
      const toy = await Toy.create({ name: 'rope', parts: [{ name: 'knot' }], pug: { name: 'Rex', owner: { name: 'Ann' } } }, { include: [Part, { model: Pug, include: [Owner] }] });
      assert.deepEqual(keys(toy.toJSON()), [
        'id', 'name', ['parts', [['id', 'name', 'toyId', 'updatedAt', 'createdAt']]],
        ['pug', ['id', 'name', ['owner', ['id', 'name', 'updatedAt', 'createdAt']], 'updatedAt', 'createdAt', 'ownerId']],
        'updatedAt', 'createdAt', 'pugId',
      ]);
      // bulkCreate writes each level at once, as v6 does: createdAt first.
      const [bulk] = await Toy.bulkCreate([{ name: 'disc', parts: [{ name: 'rim' }] }], { include: [Part] });
      assert.deepEqual((keys(bulk!.toJSON()) as unknown[]).slice(0, 3), ['id', 'name', ['parts', [['id', 'name', 'toyId', 'createdAt', 'updatedAt']]]]);
    });

    test('through: { unique: false } linking a pair twice: an include shows the target once (as v6), the getter and count see both links', async () => {
      const Cat = db.define('cat', { name: DataTypes.STRING });
      const Ball = db.define('ball', { color: DataTypes.STRING });
      const Play = db.define('play', { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, round: DataTypes.INTEGER });
      Cat.belongsToMany(Ball, { through: { model: Play, unique: false } });
      Ball.belongsToMany(Cat, { through: { model: Play, unique: false } });
      for (const model of [Cat, Ball, Play]) await model.sync({ force: true });
      const cat = (await Cat.create({ name: 'tom' })) as Row;
      const [red, blue] = await Ball.bulkCreate([{ color: 'red' }, { color: 'blue' }]);
      await Play.bulkCreate([{ catId: 1, ballId: 1, round: 1 }, { catId: 1, ballId: 1, round: 2 }, { catId: 1, ballId: 2, round: 3 }]);
      const [loaded] = (await Cat.findAll({ include: [Ball], order: [[Ball, 'id', 'ASC'], [Ball, Play, 'round', 'ASC']] })) as Row[];
      // In its first place, with the last of its join rows, as v6's merge of the joined rows leaves it.
      assert.deepEqual((loaded!['balls'] as unknown as Row[]).map((ball) => [ball.get('color'), (ball.get('play') as Model).get('round')]), [['red', 2], ['blue', 3]]);
      const [colors] = (await Cat.findAll({ include: [{ model: Ball, attributes: ['color'] }], order: [[Ball, 'id', 'ASC']] })) as Row[];
      assert.deepEqual((colors!['balls'] as unknown as Row[]).map((ball) => ball.get('color')), ['red', 'blue']);
      assert.equal(((await cat['getBalls']!()) as unknown[]).length, 3);
      assert.equal(await cat['countBalls']!(), 3);
      assert.ok(red && blue);
    });

    test("order by a join-table column through v6's join aliases sorts each pug's friends (col, literal, $path$)", async () => {
      const levels = async (item: unknown) => {
        const rows = (await Pug.findAll({ where: { id: 1 }, include: [Friend], order: [['id', 'ASC'], item] as never })) as Row[];
        return (rows[0]!['friends'] as unknown as Row[]).map((friend) => friend.get('name'));
      };
      const quote = db.getDialect() === 'postgres' ? '"' : '`';
      assert.deepEqual(await levels([db.col('friends->friendship.level'), 'DESC']), ['x', 'y']);
      assert.deepEqual(await levels([db.col('friends->friendship.level'), 'ASC']), ['y', 'x']);
      assert.deepEqual(await levels([db.literal(`${quote}friends->friendship${quote}.${quote}level${quote}`), 'ASC']), ['y', 'x']);
      assert.deepEqual(await levels(['$friends.friendship.level$', 'ASC']), ['y', 'x']);
    });

    test('reload() of a friend from getFriends keeps its join row', async () => {
      const [friend] = (await cody['getFriends']!({ order: [['id', 'ASC']] })) as Row[];
      await Friend.update({ name: 'x!' }, { where: { id: friend!.get('id') } });
      await friend!.reload();
      assert.deepEqual([friend!.get('name'), (friend!.get('friendship') as Model).get('level')], ['x!', 3]);
      assert.equal(((friend!.toJSON() as Flat)['friendship'] as Flat)['level'], 3);
      await Friend.update({ name: 'x' }, { where: { id: friend!.get('id') } });
    });

    test('add/set/create on a pug not saved yet is an error naming the accessor, before any row is written', async () => {
      const friends = await Friend.count();
      const unsaved = Pug.build({ name: 'new' }) as Row;
      for (const call of [() => unsaved['addFriend']!(1), () => unsaved['setFriends']!([1]), () => unsaved['createFriend']!({ name: 'w' })]) {
        await assert.rejects(call(), { name: 'SequelizeAssociationError', message: /pug\.(addFriend|setFriends|createFriend) was called on a pug without its id \(not saved yet\?\)/ });
      }
      assert.equal(await Friend.count(), friends);
      assert.deepEqual(await unsaved['setFriends']!([]), []);
    });

    test('create and build with include: { all: true } make and save the included values, as v6', async () => {
      const toys = await Toy.count();
      const pug = (await Pug.create({ name: 'Max', toys: [{ name: 'stick' }], owner: { name: 'Bea' } }, { include: [{ all: true }] })) as Row;
      assert.deepEqual([(pug['toys'] as unknown as Model[]).map((toy) => toy.get('pugId')), (pug['owner'] as unknown as Model).get('name')], [[pug.get('id')], 'Bea']);
      assert.equal(await Toy.count(), toys + 1);
      const built = Pug.build({ name: 'Tiny', toys: [{ name: 'ring', parts: [{ name: 'gem' }] }] }, { include: [{ all: true, nested: true }] }) as Row;
      await built.save();
      const [ring] = built['toys'] as unknown as Row[];
      assert.deepEqual([ring!.get('pugId'), ((ring!['parts'] as unknown as Model[])[0]!).get('toyId')], [built.get('id'), ring!.get('id')]);
    });

    test('declaring the same associations again without `as` replaces them (an associate run twice), as v6; an alias twice is an error', async () => {
      const Kid = db.define('kid', { name: DataTypes.STRING });
      const Game = db.define('game', { name: DataTypes.STRING });
      for (let round = 0; round < 2; round += 1) {
        Kid.belongsToMany(Game, { through: 'plays' });
        Game.belongsToMany(Kid, { through: 'plays' });
        Kid.hasMany(Toy, { foreignKey: 'kidId' });
      }
      assert.deepEqual([Object.keys(Kid.associations), Object.keys(Game.associations)], [['games', 'toys'], ['kids']]);
      assert.deepEqual(Object.keys(db.model('plays').getAttributes()), ['createdAt', 'updatedAt', 'kidId', 'gameId']);
      for (const model of [Kid, Game, db.model('plays')]) await model.sync({ force: true });
      await Toy.sync({ alter: true });
      const kid = (await Kid.create({ name: 'kim' })) as Row;
      await kid['createGame']!({ name: 'tag' });
      const [loaded] = (await Kid.findAll({ include: [Game] })) as Row[];
      assert.deepEqual((loaded!['games'] as unknown as Model[]).map((game) => game.get('name')), ['tag']);
      assert.throws(() => Kid.hasMany(Game, { as: 'games' }), { name: 'SequelizeAssociationError', message: /alias games in two separate associations/ });
    });

    test('a VIRTUAL attribute with a getter shows on included rows read with listed attributes, as on root rows', async () => {
      const Sitter = db.define('sitter', { name: DataTypes.STRING, label: { type: DataTypes.VIRTUAL, get(this: Model) { return `~${String(this.getDataValue('name' as never))}`; } } });
      const Yard = db.define('yard', { name: DataTypes.STRING });
      Yard.hasMany(Sitter);
      Sitter.belongsTo(Yard);
      for (const model of [Yard, Sitter]) await model.sync({ force: true });
      await Yard.create({ name: 'back', sitters: [{ name: 'sam' }] }, { include: [Sitter] });
      const [yard] = await Yard.findAll({ attributes: ['name'], include: [{ model: Sitter, attributes: ['name', 'label'] }] });
      assert.deepEqual(yard!.toJSON(), { name: 'back', sitters: [{ label: '~sam', name: 'sam' }] });
      const [excluded] = await Yard.findAll({ attributes: ['name'], include: [{ model: Sitter, attributes: { exclude: ['createdAt', 'updatedAt', 'yardId'] } }] });
      assert.deepEqual(excluded!.toJSON(), { name: 'back', sitters: [{ label: '~sam', id: 1, name: 'sam' }] });
      const [sitter] = await Sitter.findAll({ attributes: ['name', 'label'], include: [{ model: Yard, attributes: ['name'] }] });
      assert.deepEqual(sitter!.toJSON(), { label: '~sam', name: 'sam', yard: { name: 'back' } });
    });

    test("an include whose model's scope has a where is required, as v6 merges it into the include's where", async () => {
      const Walker = db.define('walker', { name: DataTypes.STRING, active: DataTypes.BOOLEAN }, { defaultScope: { where: { active: true } }, scopes: { listed: { attributes: ['id', 'name'] } } });
      const Dog = db.define('dog', { name: DataTypes.STRING });
      Dog.belongsToMany(Walker, { through: 'walks' });
      Dog.hasMany(Walker, { as: 'sitters', foreignKey: 'sitterOfId' });
      for (const model of [Dog, Walker, db.model('walks')]) await model.sync({ force: true });
      const [rex, fido] = await Dog.bulkCreate([{ name: 'rex' }, { name: 'fido' }]);
      const [on, off] = await Walker.bulkCreate([{ name: 'on', active: true }, { name: 'off', active: false, sitterOfId: 2 }]);
      await (rex as Row)['addWalker']!(on);
      await (fido as Row)['addWalker']!(off);
      const names = (dogs: Model[]) => dogs.map((dog) => dog.get('name'));
      assert.deepEqual(names(await Dog.findAll({ include: [Walker], order: [['id', 'ASC']] })), ['rex']);
      assert.deepEqual(names(await Dog.findAll({ include: [{ model: Walker, required: false }], order: [['id', 'ASC']] })), ['rex', 'fido']);
      assert.deepEqual(names(await Dog.findAll({ include: [Walker.unscoped()], order: [['id', 'ASC']] })), ['rex', 'fido']);
      assert.deepEqual(names(await Dog.findAll({ include: [Walker.scope('listed')], order: [['id', 'ASC']] })), ['rex', 'fido']);
      assert.deepEqual(names(await Dog.findAll({ include: [{ model: Walker, as: 'sitters' }], order: [['id', 'ASC']] })), []);
      assert.equal(await Dog.count({ include: [Walker] }), 1);
    });
  });
}
