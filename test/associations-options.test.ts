import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, UniqueConstraintError, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Accessors = Record<string, (...args: unknown[]) => Promise<unknown>>;
type Row = Model & Accessors;

/** The foreign-key clause of `column` in the CREATE TABLE of `table`, whatever the dialect's quotes and layout. */
function foreignKeyClause(statements: string[], table: string, column: string): string | undefined {
  const create = statements.find((statement) => new RegExp(`^CREATE TABLE (IF NOT EXISTS )?\\W${table}\\W`).test(statement));
  return create?.match(new RegExp(`\\W${column}\\W[^,]*?REFERENCES [^,]*?(?=,|\\)\\s*(ENGINE|;|$)|$)`))?.[0];
}

for (const dialect of testDialects) {
  describe(`association options: keys, constraints and ON DELETE/ON UPDATE on ${dialect}`, () => {
    let db: Sequelize;
    const sql = captureSql();
    let Owner: ModelStatic;
    let Pug: ModelStatic;
    let Toy: ModelStatic;
    let Leaf: ModelStatic;
    let Friend: ModelStatic;

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Owner = db.define('owner', { name: DataTypes.STRING });
      Pug = db.define('pug', { name: DataTypes.STRING });
      Toy = db.define('toy', { name: DataTypes.STRING });
      const Collar = db.define('collar', {});
      Friend = db.define('friend', { name: DataTypes.STRING });
      const Tree = db.define('tree', {});
      Leaf = db.define('leaf', {});
      const Pen = db.define('pen', {});
      const Ink = db.define('ink', {});
      const Cup = db.define('cup', {});
      const Saucer = db.define('saucer', {});
      Pug.belongsTo(Owner);
      Pug.hasMany(Toy);
      Pug.hasOne(Collar);
      Pug.belongsToMany(Friend, { through: 'friendship' });
      Friend.belongsToMany(Pug, { through: 'friendship' });
      Tree.hasMany(Leaf, { foreignKey: { allowNull: false } });
      Pen.belongsTo(Ink, { foreignKey: { allowNull: false } });
      Pen.belongsTo(Saucer, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' });
      Cup.belongsTo(Saucer, { constraints: false });
      sql.statements.length = 0;
      await db.sync({ force: true });
    });
    after(async () => {
      await db.close();
    });

    test('defaults per kind, as Sequelize v6 writes them in the DDL', () => {
      const clause = (table: string, column: string) => foreignKeyClause(sql.statements, table, column) ?? '';
      assert.match(clause('pugs', 'ownerId'), /REFERENCES \Wowners\W \(\Wid\W\) ON DELETE SET NULL ON UPDATE CASCADE/);
      assert.match(clause('toys', 'pugId'), /ON DELETE SET NULL ON UPDATE CASCADE/);
      assert.match(clause('collars', 'pugId'), /ON DELETE SET NULL ON UPDATE CASCADE/);
      assert.match(clause('leafs', 'treeId'), /ON DELETE CASCADE ON UPDATE CASCADE/, 'a NOT NULL hasMany key cascades');
      assert.match(clause('pens', 'inkId'), /ON DELETE NO ACTION ON UPDATE CASCADE/, 'a NOT NULL belongsTo key does nothing');
      assert.match(clause('pens', 'saucerId'), /ON DELETE RESTRICT ON UPDATE NO ACTION/);
      assert.match(clause('friendship', 'pugId'), /REFERENCES \Wpugs\W \(\Wid\W\) ON DELETE CASCADE ON UPDATE CASCADE/);
      assert.match(clause('friendship', 'friendId'), /REFERENCES \Wfriends\W \(\Wid\W\) ON DELETE CASCADE ON UPDATE CASCADE/);
      assert.equal(foreignKeyClause(sql.statements, 'cups', 'saucerId'), undefined, 'constraints: false adds the column without a reference');
    });

    test('the database holds the references, and the rules act', async () => {
      const qi = db.getQueryInterface();
      const references = (await qi.getForeignKeyReferencesForTable('friendship')).map((reference) => `${reference.columnName}->${reference.referencedTableName}.${reference.referencedColumnName}`).sort();
      assert.deepEqual(references, ['friendId->friends.id', 'pugId->pugs.id']);
      assert.deepEqual(await qi.getForeignKeyReferencesForTable('cups'), []);
      assert.ok(Object.keys(await qi.describeTable('cups')).includes('saucerId'));

      const owner = await Owner.create({ name: 'Ann' });
      const pug = (await Pug.create({ name: 'Cody', ownerId: owner.get('id') })) as Row;
      const friend = await Friend.create({ name: 'Rex' });
      await pug['addFriend']!(friend);
      await Owner.destroy({ where: { id: owner.get('id') } });
      await pug.reload();
      assert.equal(pug.get('ownerId'), null, 'SET NULL on the owner going away');
      await Pug.update({ id: 500 }, { where: { id: pug.get('id') } });
      const Friendship = db.model('friendship');
      assert.deepEqual((await Friendship.findAll({ raw: true, attributes: ['pugId'] })).map((row) => (row as unknown as { pugId: number }).pugId), [500], 'ON UPDATE CASCADE');
      await Pug.destroy({ where: { id: 500 } });
      assert.equal(await Friendship.count(), 0, 'join rows go with the pug');
    });
  });

  describe(`the join model on ${dialect}`, () => {
    let db: Sequelize;

    before(async () => {
      db = await connect(dialect);
    });
    after(async () => {
      await db.close();
    });

    test("through: 'friendship' defines a model of that name with a composite key, adding nothing to either side", async () => {
      const Pug = db.define('pug', { name: DataTypes.STRING });
      const Friend = db.define('friend', { name: DataTypes.STRING });
      Pug.belongsToMany(Friend, { through: 'friendship' });
      Friend.belongsToMany(Pug, { through: 'friendship' });
      const Friendship = db.model('friendship');
      assert.equal(Friendship.tableName, 'friendship');
      assert.deepEqual(Friendship.primaryKeyAttributes, ['pugId', 'friendId']);
      assert.deepEqual(Object.keys(Friendship.rawAttributes), ['createdAt', 'updatedAt', 'pugId', 'friendId']);
      assert.deepEqual(Object.keys(Pug.rawAttributes), ['id', 'name', 'createdAt', 'updatedAt']);
      assert.deepEqual(Object.keys(Friend.rawAttributes), ['id', 'name', 'createdAt', 'updatedAt']);
      await db.sync({ force: true });
      const description = await db.getQueryInterface().describeTable('friendship');
      assert.deepEqual(['pugId', 'friendId', 'createdAt'].map((column) => description[column]!.primaryKey), [true, true, false]);

      const pug = await Pug.create({ name: 'Cody' });
      const friend = await Friend.create({ name: 'Rex' });
      const link = await Friendship.create({ pugId: pug.get('id'), friendId: friend.get('id') });
      assert.ok(link.get('createdAt') instanceof Date);
      assert.equal(await Friendship.count({ where: { pugId: pug.get('id') } }), 1);
      await assert.rejects(Friendship.create({ pugId: pug.get('id'), friendId: friend.get('id') }), UniqueConstraintError);
    });

    test('a user-defined through model keeps its own attributes; sync creates it after the tables it references', async () => {
      // Defined first, so only a foreign-key-ordered sync can create it on PostgreSQL and MySQL.
      const Enrolment = db.define('enrolment', { grade: DataTypes.STRING });
      const Student = db.define('student', { name: DataTypes.STRING });
      const Course = db.define('course', { name: DataTypes.STRING });
      Student.belongsToMany(Course, { through: Enrolment });
      Course.belongsToMany(Student, { through: Enrolment });
      assert.deepEqual(Enrolment.primaryKeyAttributes, ['studentId', 'courseId']);
      await db.sync({ force: true });
      const student = (await Student.create({ name: 'Ann' })) as Row;
      const course = await Course.create({ name: 'Maths' });
      await student['addCourse']!(course, { through: { grade: 'A' } });
      const [found] = (await student['getCourses']!()) as Model[];
      assert.equal((found!.get('enrolment') as Model).get('grade'), 'A');
      assert.ok((found!.get('enrolment') as Model) instanceof Enrolment);
    });

    test('a through model with its own id: uniqueKey names the pair constraint; unique: false allows repeated pairs', async () => {
      const Author = db.define('author', {});
      const Book = db.define('book', {});
      const Authorship = db.define('authorship', { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, role: DataTypes.STRING });
      Author.belongsToMany(Book, { through: Authorship, uniqueKey: 'authorship_pair' });
      const Reader = db.define('reader', {});
      const Reading = db.define('reading', { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true } });
      Reader.belongsToMany(Book, { through: { model: Reading, unique: false } });
      await db.sync({ force: true });
      assert.deepEqual(Authorship.primaryKeyAttributes, ['id']);
      const indexes = await db.getQueryInterface().showIndex(Authorship.tableName);
      assert.deepEqual(Authorship.uniqueKeys['authorship_pair']?.fields, ['authorId', 'bookId']);
      const pair = indexes.find((index) => index.unique && !index.primary && index.fields.map((field) => field.attribute).sort().join() === 'authorId,bookId');
      assert.ok(pair, JSON.stringify(indexes));
      const author = await Author.create({});
      const book = await Book.create({});
      await Authorship.create({ authorId: author.get('id'), bookId: book.get('id') });
      await assert.rejects(Authorship.create({ authorId: author.get('id'), bookId: book.get('id') }), UniqueConstraintError);
      const reader = await Reader.create({});
      await Reading.bulkCreate([{ readerId: reader.get('id'), bookId: book.get('id') }, { readerId: reader.get('id'), bookId: book.get('id') }]);
      assert.equal(await Reading.count(), 2);
    });

    test('timestamps: false and through paranoid shape the join table; a paranoid link is soft-removed', async () => {
      const Pug = db.define('pug2', {});
      const Friend = db.define('friend2', {});
      const Cat = db.define('cat', {});
      Pug.belongsToMany(Friend, { through: 'plain_link', timestamps: false });
      Pug.belongsToMany(Cat, { through: { model: 'soft_link', paranoid: true } });
      await db.sync({ force: true });
      assert.deepEqual(Object.keys(await db.getQueryInterface().describeTable('plain_link')).sort(), ['friend2Id', 'pug2Id']);
      assert.deepEqual(Object.keys(await db.getQueryInterface().describeTable('soft_link')).sort(), ['catId', 'createdAt', 'deletedAt', 'pug2Id', 'updatedAt']);
      const pug = (await Pug.create({})) as Row;
      const cat = await Cat.create({});
      await pug['addCat']!(cat);
      assert.equal(await pug['removeCat']!(cat), 1);
      assert.deepEqual(await pug['getCats']!(), []);
      assert.equal(await db.model('soft_link').count({ paranoid: false }), 1, 'the row stays, marked deleted');
    });
  });

  describe(`association scope and hooks on ${dialect}`, () => {
    let db: Sequelize;
    before(async () => {
      db = await connect(dialect);
    });
    after(async () => {
      await db.close();
    });

    test('hasMany scope filters reads and sets its values on create/add', async () => {
      const Post = db.define('post', {});
      const Image = db.define('image', {});
      const Comment = db.define('comment', { body: DataTypes.STRING, commentable: DataTypes.STRING, commentableId: DataTypes.INTEGER });
      Post.hasMany(Comment, { foreignKey: 'commentableId', constraints: false, scope: { commentable: 'post' } });
      Image.hasMany(Comment, { foreignKey: 'commentableId', constraints: false, scope: { commentable: 'image' } });
      await db.sync({ force: true });
      const post = (await Post.create({})) as Row;
      const image = (await Image.create({})) as Row;
      const created = (await post['createComment']!({ body: 'nice' })) as Model;
      assert.equal(created.get('commentable'), 'post');
      const loose = await Comment.create({ body: 'loose' });
      await image['addComment']!(loose);
      await loose.reload();
      assert.deepEqual([loose.get('commentable'), loose.get('commentableId')], ['image', image.get('id')]);
      assert.deepEqual(((await post['getComments']!()) as Model[]).map((comment) => comment.get('body')), ['nice']);
      assert.equal(await image['countComments']!(), 1);
      assert.equal(await post['hasComment']!(loose), false);
    });

    test('belongsToMany: scope filters targets, through.scope is written to and required of join rows', async () => {
      const Pug = db.define('pug', {});
      const Friend = db.define('friend', { name: DataTypes.STRING, kind: DataTypes.STRING });
      const Tie = db.define('tie', { strength: DataTypes.STRING });
      Pug.belongsToMany(Friend, { through: { model: Tie, scope: { strength: 'best' } }, as: 'bestFriends' });
      Pug.belongsToMany(Friend, { through: { model: Tie, unique: false }, as: 'dogFriends', scope: { kind: 'dog' } });
      await db.sync({ force: true });
      const pug = (await Pug.create({})) as Row;
      const [rex, tom] = await Friend.bulkCreate([{ name: 'Rex', kind: 'dog' }, { name: 'Tom', kind: 'cat' }]);
      await pug['addBestFriend']!(rex);
      assert.equal((await Tie.findOne({ where: { friendId: rex!.get('id') } }))!.get('strength'), 'best');
      await Tie.create({ pugId: pug.get('id'), friendId: tom!.get('id'), strength: 'weak' });
      assert.deepEqual(((await pug['getBestFriends']!()) as Model[]).map((friend) => friend.get('name')), ['Rex']);
      assert.deepEqual(((await pug['getDogFriends']!()) as Model[]).map((friend) => friend.get('name')), ['Rex']);
      assert.equal(await pug['countDogFriends']!(), 1);
    });

    test('hooks: true runs beforeAssociate and afterAssociate', () => {
      const seen: string[] = [];
      const A = db.define('alpha', {}, { hooks: { beforeAssociate: () => void seen.push('before'), afterAssociate: () => void seen.push('after') } });
      const B = db.define('beta', {});
      A.hasMany(B);
      assert.deepEqual(seen, []);
      A.hasOne(B, { hooks: true, as: 'onlyBeta' });
      assert.deepEqual(seen, ['before', 'after']);
    });
  });
}
