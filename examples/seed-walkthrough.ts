// The seed's many-to-many walkthrough (Pug, Owner, Friend, friendship), step by step.
// `npm run demo` runs it on in-memory SQLite; `npm run demo -- postgres://postgres@127.0.0.1:5432/test` elsewhere.
// In an app the import is `import Sequelize, { associate } from 'joinery'`; in this repo it is the source entry.
import Sequelize, { associate } from '../src/index.js';

const url = process.argv[2] ?? 'sqlite::memory:';
const db = new Sequelize(url, { logging: false });

function step(title: string): void {
  console.log(`\n=== ${title}`);
}

// The models, defined as the walkthrough defines them.
const models = {
  Pug: db.define('pugs', { name: Sequelize.STRING }),
  Owner: db.define('owners', { name: Sequelize.STRING }),
  Friend: db.define('friends', {
    name: Sequelize.STRING,
  }),
};
// The associations, in the walkthrough's order. In JavaScript the four plain calls work as written:
//   Pug.belongsTo(Owner); Owner.hasMany(Pug);
//   Friend.belongsToMany(Pug, { through: 'friendship' }); Pug.belongsToMany(Friend, { through: 'friendship' });
// `associate` makes exactly those calls and lets TypeScript see the accessors they add (getFriends, ownerId…).
const { Pug, Owner, Friend } = associate(models, [
  ['Pug', 'belongsTo', 'Owner'],
  ['Owner', 'hasMany', 'Pug'],
  ['Friend', 'belongsToMany', 'Pug', { through: 'friendship' }],
  ['Pug', 'belongsToMany', 'Friend', { through: 'friendship' }],
]);

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
const pug = await Pug.create({ name: 'Cody', ownerId: owner.id });
const doug = await Pug.create({ name: 'Doug' });
const [friend, walker, groomer] = await Friend.bulkCreate([{ name: 'CodyFan <3' }, { name: 'Dog walker' }, { name: 'Groomer' }]);
if (!friend || !walker || !groomer) throw new Error('bulkCreate returned fewer friends than it was given');
const names = (list: ReadonlyArray<{ name: string | null }>) => list.map((item) => item.name);

const friendship = await pug.addFriend(friend);
console.log('pug.addFriend(friend) →', friendship?.map((row) => row.toJSON()));
console.log('pug.addFriends([walker, groomer]) →', (await pug.addFriends([walker, groomer]))?.length, 'friendship rows');
console.log('pug.getFriends() →', names(await pug.getFriends()));
console.log('pug.removeFriend(groomer) →', await pug.removeFriend(groomer), 'row(s) removed');
console.log('pug.removeFriends([walker]) →', await pug.removeFriends([walker]), 'row(s) removed');
console.log('friend.getPugs() →', names(await friend.getPugs()));
await friend.addPug(doug);
await walker.addPugs([pug, doug]);
await friend.setPugs([doug]);
console.log('friend.setPugs([doug]) then getPugs() →', names(await friend.getPugs()));
console.log('friend.removePug(doug) →', await friend.removePug(doug));
await friend.addPugs([pug, doug]);
console.log('friend.removePugs([doug]) →', await friend.removePugs([doug]));
console.log('owner.getPugs() →', names(await owner.getPugs()));

step("4. Include a pug's friends, or a friend's pugs");
const pugsWithFriends = await Pug.findAll({
  include: [{ model: Friend }],
});
console.log(pugsWithFriends[0]);
console.log(JSON.stringify(pugsWithFriends.map((p) => p.toJSON()), null, 2));

step('The inverse: Friend.findAll({ include: [{ model: Pug }] })');
const friendsWithPugs = await Friend.findAll({ include: [{ model: Pug }] });
console.log(friendsWithPugs.map((f) => `${f.name ?? ''}: ${f.pugs.map((p) => p.name).join(', ') || '(none)'}`).join('\n'));

await db.close();
