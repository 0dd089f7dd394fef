// The seed's many-to-many walkthrough (Pug, Owner, Friend, friendship), step by step.
// `npm run demo` runs it on in-memory SQLite; `npm run demo -- postgres://postgres@127.0.0.1:5432/test` elsewhere.
// In an app the import is `import Sequelize from 'joinery'`; in this repo it is the source entry.
import Sequelize from '../src/index.js';

const url = process.argv[2] ?? 'sqlite::memory:';
const db = new Sequelize(url, { logging: false });

function step(title: string): void {
  console.log(`\n=== ${title}`);
}

// One-to-many first: a pug has an owner, an owner has many pugs.
const Pug = db.define('pugs', { name: Sequelize.STRING });
const Owner = db.define('owners', { name: Sequelize.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);

// Many-to-many, exactly as the walkthrough writes it.
const Friend = db.define('friends', {
  name: Sequelize.STRING,
});
Friend.belongsToMany(Pug, { through: 'friendship' });
Pug.belongsToMany(Friend, { through: 'friendship' });

await db.sync({ force: true });

step('1. A brand new table called "friendship" is created');
console.log('tables:', await db.getQueryInterface().showAllTables());
console.log('friendship columns:', Object.keys(await db.getQueryInterface().describeTable('friendship')).join(' | '));
console.log('pugs columns (no change from the many-to-many):', Object.keys(await db.getQueryInterface().describeTable('pugs')).join(' | '));

step('2. A model is generated for the join table');
const Friendship = db.model('friendship');
console.log('db.model("friendship") is a model:', Friendship.name, '- primary key:', Friendship.primaryKeyAttributes.join(', '));

step('3. Instance methods for pugs and for friends');
const owner = await Owner.create({ name: 'Ann' });
const cody = await Pug.create({ name: 'Cody', ownerId: owner.get('id') });
const doug = await Pug.create({ name: 'Doug' });
const [fan, walker, groomer] = await Friend.bulkCreate([{ name: 'CodyFan <3' }, { name: 'Dog walker' }, { name: 'Groomer' }]);
type Accessors = Record<string, (...args: unknown[]) => Promise<unknown>>;
const pug = cody as unknown as Accessors;
const friend = fan as unknown as Accessors;

const friendship = (await pug['addFriend']!(fan)) as Array<{ toJSON(): unknown }>;
console.log('pug.addFriend(friend) →', friendship.map((row) => row.toJSON()));
console.log('pug.addFriends([walker, groomer]) →', ((await pug['addFriends']!([walker, groomer])) as Array<{ toJSON(): unknown }>).length, 'friendship rows');
console.log('pug.getFriends() →', ((await pug['getFriends']!()) as Array<{ get(k: string): unknown }>).map((f) => f.get('name')));
console.log('pug.removeFriend(groomer) →', await pug['removeFriend']!(groomer), 'row(s) removed');
console.log('pug.removeFriends([walker]) →', await pug['removeFriends']!([walker]), 'row(s) removed');
console.log('friend.getPugs() →', ((await friend['getPugs']!()) as Array<{ get(k: string): unknown }>).map((p) => p.get('name')));
await friend['addPug']!(doug);
await (walker as unknown as Accessors)['addPugs']!([cody, doug]);
console.log('friend.setPugs([doug]) then getPugs() →', await friend['setPugs']!([doug]).then(() => friend['getPugs']!()).then((pugs) => (pugs as Array<{ get(k: string): unknown }>).map((p) => p.get('name'))));
console.log('friend.removePug(doug) →', await friend['removePug']!(doug));
await friend['addPugs']!([cody, doug]);
console.log('friend.removePugs([doug]) →', await friend['removePugs']!([doug]));
console.log('owner.getPugs() →', ((await (owner as unknown as Accessors)['getPugs']!()) as Array<{ get(k: string): unknown }>).map((p) => p.get('name')));

step("4. Include a pug's friends, or a friend's pugs");
const pugsWithFriends = await Pug.findAll({
  include: [{ model: Friend }],
});
console.log(pugsWithFriends[0]);
console.log(JSON.stringify(pugsWithFriends.map((p) => p.toJSON()), null, 2));

step('The inverse: Friend.findAll({ include: [{ model: Pug }] })');
const friendsWithPugs = await Friend.findAll({ include: [{ model: Pug }] });
console.log(friendsWithPugs.map((f) => `${String(f.get('name'))}: ${(f.get('pugs') as Array<{ get(k: string): unknown }>).map((p) => p.get('name')).join(', ') || '(none)'}`).join('\n'));

await db.close();
