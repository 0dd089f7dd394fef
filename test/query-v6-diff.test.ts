import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Model, Op, QueryTypes, UsageError, col, fn, json, literal, where, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Each expectation was observed on sequelize@6.37 running the same calls on the same dialect, unless it says otherwise.
for (const dialect of testDialects) {
  describe(`finder and sequelize.query results as v6 gives them on ${dialect}`, () => {
    let sequelize: Sequelize;
    let User: ModelStatic<Model>;
    let Task: ModelStatic<Model>;
    const ids = (rows: readonly Model[]) => rows.map((row) => row.get('id'));
    const quote = (name: string) => (dialect === 'mysql' || dialect === 'mariadb' ? `\`${name}\`` : `"${name}"`);

    before(async () => {
      sequelize = await connect(dialect);
      User = sequelize.define('user', {
        name: DataTypes.STRING,
        age: DataTypes.INTEGER,
        active: DataTypes.BOOLEAN,
        born: DataTypes.DATE,
        meta: DataTypes.JSON,
      }, { timestamps: false });
      Task = sequelize.define('task', { title: DataTypes.STRING, priority: DataTypes.INTEGER }, { timestamps: false });
      User.hasMany(Task, { as: 'tasks', foreignKey: 'userId' });
      await sequelize.sync({ force: true });
      await User.bulkCreate([
        { name: 'alice', age: 30, active: true, born: new Date('1990-01-01T10:00:00.000Z'), meta: { a: 1 } },
        { name: 'Bob', age: 25, active: false, born: new Date('1995-06-15T00:00:00.000Z'), meta: { a: 2 } },
        { name: 'carol', age: null, active: null, born: null, meta: null },
        { name: 'dave', age: 30, active: true, born: new Date('2000-12-31T23:59:59.000Z'), meta: { a: 3 } },
      ]);
      await Task.bulkCreate([
        { title: 't1', priority: 1, userId: 1 },
        { title: 't2', priority: 3, userId: 1 },
        { title: 't3', priority: 2, userId: 2 },
        { title: 't4', priority: 5, userId: 4 },
      ]);
    });
    after(async () => {
      await sequelize.close();
    });

    test('replacements fill the literals of findAll: named, positional in statement order, arrays as lists', async () => {
      assert.deepEqual(ids(await User.findAll({ where: literal('age > :min'), replacements: { min: 26 }, order: ['id'] })), [1, 4]);
      assert.deepEqual(ids(await User.findAll({ where: literal('age IN (:ages)'), replacements: { ages: [25, 30] }, order: ['id'] })), [1, 2, 4]);
      const rows = await User.findAll({
        attributes: ['id', [literal('?'), 'tag']],
        where: { [Op.and]: [literal('age > ?'), { name: { [Op.ne]: 'dave' } }] },
        order: [[literal('CASE WHEN name = ? THEN 0 ELSE 1 END'), 'ASC'], ['id', 'ASC']],
        replacements: ['x', 20, 'Bob'],
      });
      assert.deepEqual(rows.map((row) => [row.get('id'), row.get('tag')]), [[2, 'x'], [1, 'x']]);
      const lower = await User.findAll({ where: where(fn('lower', col('name')), literal(':name')), replacements: { name: 'bob' } });
      assert.deepEqual(ids(lower), [2]);
    });

    test('replacements and bind reach count, findAndCountAll, aggregates, include wheres and destroy', async () => {
      const older = { where: literal('age > :min'), replacements: { min: 26 } };
      assert.equal(await User.count(older), 2);
      const page = await User.findAndCountAll({ ...older, limit: 1, order: ['id'] });
      assert.deepEqual([page.count, ids(page.rows)], [2, [1]]);
      assert.equal(await User.sum('age', older), 60);
      assert.equal((await User.findOne({ where: literal('name = :name'), replacements: { name: 'Bob' } }))!.get('id'), 2);
      const withTasks = await User.findAll({ include: [{ model: Task, as: 'tasks', where: literal('priority > :p') }], replacements: { p: 2 }, order: ['id'] });
      assert.deepEqual(withTasks.map((user) => [user.get('id'), (user.get('tasks') as Model[]).map((task) => task.get('id'))]), [[1, [2]], [4, [4]]]);
      assert.deepEqual(ids(await User.findAll({ where: { name: { [Op.ne]: 'dave' }, [Op.and]: literal('age > $1') }, bind: [26], order: ['id'] })), [1]);
      assert.deepEqual(ids(await User.findAll({ where: literal('age > $min OR age = $min'), bind: { min: 25 }, order: ['id'] })), [1, 2, 4]);
      const extra = await Task.create({ title: 'gone', priority: 0 });
      assert.equal(await Task.destroy({ where: literal('title = :title'), replacements: { title: 'gone' } }), 1);
      assert.equal(await Task.findByPk(extra.get('id') as number), null);
    });

    test('a named replacement without a value is an error before any SQL', async () => {
      await assert.rejects(User.findAll({ where: literal('age > :min'), replacements: { max: 1 } }), (error: Error) => error instanceof UsageError && /:min/.test(error.message));
    });

    test('a JSON path key with a cast (v6\'s \'meta.a::integer\') compares the value as that type', async () => {
      assert.deepEqual(ids(await User.findAll({ where: { 'meta.a::integer': { [Op.gt]: 1 } }, order: ['id'] })), [2, 4]);
      assert.deepEqual(ids(await User.findAll({ where: { meta: { 'a::integer': 3 } } })), [4]);
      assert.deepEqual(ids(await User.findAll({ where: { 'meta.a::text': '2' } })), [2]);
    });

    test('a JSON path key takes an object of nested keys, and a JSON path groups as it is selected', async () => {
      await User.update({ meta: { a: 1, b: { c: 'x' } } }, { where: { id: 1 } });
      try {
        assert.deepEqual(ids(await User.findAll({ where: { 'meta.b': { c: 'x' } } })), [1]);
        const groups = await User.findAll({
          attributes: [[json('meta.a'), 'a'], [fn('COUNT', col('id')), 'n']], where: { meta: { [Op.ne]: null } },
          group: [json('meta.a')], order: [[json('meta.a'), 'ASC']], raw: true,
        });
        assert.deepEqual(groups.map((row) => String(row['a' as never])), ['1', '2', '3']);
      } finally {
        await User.update({ meta: { a: 1 } }, { where: { id: 1 } });
      }
    });

    test('JSON array elements: \'meta.list[0]\' (v6 reads it on SQLite only) and \'meta.list.1\' on every dialect', async () => {
      await User.update({ meta: { a: 2, list: [5, 6] } }, { where: { id: 2 } });
      try {
        assert.deepEqual(ids(await User.findAll({ where: { 'meta.list[0]': 5 } })), [2]);
        assert.deepEqual(ids(await User.findAll({ where: { 'meta.list.1': 6 } })), [2]);
        const [row] = await User.findAll({ attributes: [[json('meta.list[1]'), 'second']], where: { id: 2 }, raw: true });
        assert.equal(String(row!['second' as never]), '6');
      } finally {
        await User.update({ meta: { a: 2 } }, { where: { id: 2 } });
      }
    });

    test('aggregate applies order and limit, as v6 selects with the finder options', async () => {
      const rows = await User.aggregate('age', 'max', { plain: false, where: { age: { [Op.ne]: null } }, group: ['active'], attributes: ['active'], order: [[literal('max'), 'DESC']], limit: 2 } as never);
      assert.deepEqual((rows as Array<Record<string, unknown>>).map((row) => row['max']), [30, 25]);
    });

    test('aggregate reads its value as dataType, by default the attribute\'s: an INTEGER average is an integer', async () => {
      assert.equal(await User.aggregate('age', 'avg'), 28);
      const average = await User.aggregate('age', 'avg', { dataType: DataTypes.FLOAT } as never);
      assert.ok(Math.abs((average as number) - 85 / 3) < 0.001, String(average));
      assert.equal(await User.aggregate('age', 'sum', { dataType: DataTypes.INTEGER } as never), 85);
    });

    test('sequelize.query: nest without a type is a SELECT, a null replacement is NULL', async () => {
      const rows = await sequelize.query(`SELECT id, name AS ${quote('who.name')} FROM users WHERE id < 3 ORDER BY id`, { nest: true });
      assert.deepEqual(rows, [{ id: 1, who: { name: 'alice' } }, { id: 2, who: { name: 'Bob' } }]);
      const nulls = await sequelize.query('SELECT id FROM users WHERE age IS :age', { replacements: { age: null }, type: QueryTypes.SELECT });
      assert.deepEqual(nulls, [{ id: 3 }]);
    });

    test('sequelize.query: VERSION answers the version text, UPSERT v6\'s [id, created] per dialect', async () => {
      const version = dialect === 'sqlite' ? 'SELECT sqlite_version() AS version' : dialect === 'postgres' ? 'SHOW SERVER_VERSION' : 'SELECT VERSION() AS version';
      assert.match(String(await sequelize.query(version, { type: QueryTypes.VERSION })), /^\d+\.\d+/);
      assert.equal(typeof (await sequelize.query(version, { type: QueryTypes.VERSION })), 'string');
      const upsert = dialect === 'mysql' || dialect === 'mariadb'
        ? "INSERT INTO tasks (id, title) VALUES (1, 't1') ON DUPLICATE KEY UPDATE title = 'up'"
        : "INSERT INTO tasks (id, title) VALUES (1, 't1') ON CONFLICT (id) DO UPDATE SET title = 'up'";
      const [, created] = (await sequelize.query(upsert, { type: QueryTypes.UPSERT })) as unknown[];
      // v6: no created flag on SQLite and PostgreSQL; on MySQL an update of the duplicate affects two rows.
      assert.equal(created, dialect === 'sqlite' || dialect === 'postgres' ? null : false);
      await Task.update({ title: 't1' }, { where: { id: 1 } });
    });

    test('sequelize.query with a model: instances hold the attribute types\' values, as a finder\'s do', async () => {
      // v6 does so on PostgreSQL and MySQL; on SQLite it leaves the DATE text and the JSON text in the instance.
      const [alice] = (await sequelize.query('SELECT * FROM users ORDER BY id', { model: User })) as Model[];
      assert.ok(alice instanceof User);
      assert.equal(alice.get('active'), true);
      assert.equal((alice.get('born') as Date).toISOString(), '1990-01-01T10:00:00.000Z');
      assert.deepEqual(alice.get('meta'), { a: 1 });
    });

    test('sequelize.query rows carry JSON columns as the driver v6 uses parses them', async () => {
      const rows = await sequelize.query('SELECT meta FROM users WHERE id = 1', { type: QueryTypes.SELECT });
      // SQLite stores JSON as text and v6 hands the text back there.
      assert.deepEqual(rows, [{ meta: dialect === 'sqlite' ? '{"a":1}' : { a: 1 } }]);
    });
  });
}
