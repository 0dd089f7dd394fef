import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Op, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';
import { names, seedPugs } from './setup/finder-fixtures.js';

const { col, fn, literal, where, cast } = Sequelize;

// Rows in id order: Cody (age 3), ella (5), Bob (all null), Dora_% (10). Each case: where → names found.
const cases: Array<[string, unknown, string[]]> = [
  ['plain equality', { name: 'Cody' }, ['Cody']],
  ['Op.eq', { age: { [Op.eq]: 5 } }, ['ella']],
  ['Op.ne leaves NULL out', { age: { [Op.ne]: 3 } }, ['ella', 'Dora_%']],
  ['Op.gt', { age: { [Op.gt]: 3 } }, ['ella', 'Dora_%']],
  ['Op.gte', { age: { [Op.gte]: 5 } }, ['ella', 'Dora_%']],
  ['Op.lt', { age: { [Op.lt]: 5 } }, ['Cody']],
  ['Op.lte', { age: { [Op.lte]: 5 } }, ['Cody', 'ella']],
  ['two operators on one attribute', { age: { [Op.gt]: 3, [Op.lt]: 10 } }, ['ella']],
  ['Op.between', { age: { [Op.between]: [3, 5] } }, ['Cody', 'ella']],
  ['Op.notBetween', { age: { [Op.notBetween]: [3, 5] } }, ['Dora_%']],
  ['Op.in', { age: { [Op.in]: [3, 10] } }, ['Cody', 'Dora_%']],
  ['an array means IN', { age: [5, 10] }, ['ella', 'Dora_%']],
  ['Op.notIn', { age: { [Op.notIn]: [3] } }, ['ella', 'Dora_%']],
  ['Op.in with an empty array matches nothing', { age: { [Op.in]: [] } }, []],
  ['Op.notIn with an empty array matches everything', { age: { [Op.notIn]: [] } }, ['Cody', 'ella', 'Bob', 'Dora_%']],
  ['Op.in with literal()', { age: { [Op.in]: literal('(3, 5)') } }, ['Cody', 'ella']],
  ['Op.like', { name: { [Op.like]: 'C%' } }, ['Cody']],
  ['Op.notLike', { name: { [Op.notLike]: 'C%' } }, ['ella', 'Bob', 'Dora_%']],
  ['Op.iLike is case-insensitive everywhere', { name: { [Op.iLike]: 'E%' } }, ['ella']],
  ['Op.notILike', { name: { [Op.notILike]: 'c%' } }, ['ella', 'Bob', 'Dora_%']],
  ['Op.startsWith', { name: { [Op.startsWith]: 'Do' } }, ['Dora_%']],
  ['Op.endsWith', { name: { [Op.endsWith]: 'la' } }, ['ella']],
  ['Op.substring', { name: { [Op.substring]: 'od' } }, ['Cody']],
  ['Op.substring matches % and _ literally', { name: { [Op.substring]: '_%' } }, ['Dora_%']],
  ['Op.startsWith matches _ literally', { name: { [Op.startsWith]: 'C_' } }, []],
  ['Op.regexp', { name: { [Op.regexp]: '^[CD]o' } }, ['Cody', 'Dora_%']],
  ['Op.notRegexp', { name: { [Op.notRegexp]: '^[CD]o' } }, ['ella', 'Bob']],
  ['Op.iRegexp', { name: { [Op.iRegexp]: '^E' } }, ['ella']],
  ['Op.notIRegexp', { name: { [Op.notIRegexp]: '^E' } }, ['Cody', 'Bob', 'Dora_%']],
  ['null means IS NULL', { age: null }, ['Bob']],
  ['Op.is null', { age: { [Op.is]: null } }, ['Bob']],
  ['Op.is true', { good: { [Op.is]: true } }, ['Cody', 'Dora_%']],
  ['boolean equality', { good: false }, ['ella']],
  ['Op.ne null', { age: { [Op.ne]: null } }, ['Cody', 'ella', 'Dora_%']],
  ['Op.not null', { age: { [Op.not]: null } }, ['Cody', 'ella', 'Dora_%']],
  ['Op.not true keeps NULL', { good: { [Op.not]: true } }, ['ella', 'Bob']],
  ['Op.not a value', { age: { [Op.not]: 3 } }, ['ella', 'Dora_%']],
  ['Op.not an array means NOT IN', { age: { [Op.not]: [3, 5] } }, ['Dora_%']],
  ['Op.not with operators', { age: { [Op.not]: { [Op.gt]: 4 } } }, ['Cody']],
  ['Op.or of conditions', { [Op.or]: [{ name: 'Cody' }, { age: 5 }] }, ['Cody', 'ella']],
  ['Op.or as an object', { [Op.or]: { name: 'Cody', age: 10 } }, ['Cody', 'Dora_%']],
  ['Op.or on one attribute', { age: { [Op.or]: [3, 10] } }, ['Cody', 'Dora_%']],
  ['Op.or of operators on one attribute', { age: { [Op.or]: { [Op.lt]: 4, [Op.gt]: 9 } } }, ['Cody', 'Dora_%']],
  ['Op.and of conditions', { [Op.and]: [{ age: { [Op.gt]: 2 } }, { age: { [Op.lt]: 6 } }] }, ['Cody', 'ella']],
  ['Op.and on one attribute', { age: { [Op.and]: { [Op.gt]: 2, [Op.lt]: 4 } } }, ['Cody']],
  ['Op.not of an object', { [Op.not]: { name: 'Cody' } }, ['ella', 'Bob', 'Dora_%']],
  ['Op.or inside Op.and', { [Op.and]: [{ good: true }, { [Op.or]: [{ age: 3 }, { age: 5 }] }] }, ['Cody']],
  ['an empty Op.or at the top matches nothing', { [Op.or]: [] }, []],
  ['an empty Op.and at the top matches everything', { [Op.and]: [] }, ['Cody', 'ella', 'Bob', 'Dora_%']],
  ['an empty Op.or on an attribute constrains nothing', { age: { [Op.or]: [] } }, ['Cody', 'ella', 'Bob', 'Dora_%']],
  ['{} inside Op.or is dropped', { [Op.or]: [{}, { name: 'Cody' }] }, ['Cody']],
  ['{} inside Op.and is dropped', { [Op.and]: [{}, { name: 'ella' }] }, ['ella']],
  ['Op.any', { age: { [Op.any]: [3, 5] } }, ['Cody', 'ella']],
  ['Op.eq with Op.any', { age: { [Op.eq]: { [Op.any]: [5, 10] } } }, ['ella', 'Dora_%']],
  ['Op.gt with Op.any', { age: { [Op.gt]: { [Op.any]: [4, 9] } } }, ['ella', 'Dora_%']],
  ['Op.gt with Op.all', { age: { [Op.gt]: { [Op.all]: [2, 4] } } }, ['ella', 'Dora_%']],
  ['Op.any of nothing matches nothing', { age: { [Op.any]: [] } }, []],
  ['Op.all', { age: { [Op.all]: [5] } }, ['ella']],
  ['Op.like with Op.any', { name: { [Op.like]: { [Op.any]: ['C%', 'B%'] } } }, ['Cody', 'Bob']],
  ['Op.iLike with Op.any', { name: { [Op.iLike]: { [Op.any]: ['c%', 'E%'] } } }, ['Cody', 'ella']],
  ['Op.notLike with Op.all', { name: { [Op.notLike]: { [Op.all]: ['C%', 'B%'] } } }, ['ella', 'Dora_%']],
  ['Op.eq with col()', { age: { [Op.eq]: col('otherAge') } }, ['Cody', 'ella']],
  ['col() as the value', { age: col('otherAge') }, ['Cody', 'ella']],
  ['Op.gt with col()', { age: { [Op.gt]: col('other_age') } }, ['Dora_%']],
  ['Op.col', { age: { [Op.col]: 'otherAge' } }, ['Cody', 'ella']],
  ['nested object into JSON', { meta: { a: { b: 1 } } }, ['Cody']],
  ['dotted JSON path', { 'meta.a.b': 10 }, ['Dora_%']],
  ['JSON path compared as a number', { 'meta.a.b': { [Op.gt]: 2 } }, ['Dora_%']],
  ['JSON path between numbers', { 'meta.a.b': { [Op.between]: [2, 10] } }, ['ella', 'Dora_%']],
  ['JSON path in a list', { 'meta.a.b': [1, 2] }, ['Cody', 'ella']],
  ['JSON path string', { meta: { tag: '10' } }, ['Dora_%']],
  ['JSON path true', { meta: { flag: true } }, ['Cody']],
  ['JSON path false', { 'meta.flag': false }, ['ella']],
  ['JSON path: a JSON null, a missing key or a NULL column IS NULL', { 'meta.flag': null }, ['Bob', 'Dora_%']],
  ['JSON path: Op.ne null', { meta: { flag: { [Op.ne]: null } } }, ['Cody', 'ella']],
  ['JSON path with an operator inside', { meta: { a: { b: { [Op.lt]: 2 } } } }, ['Cody']],
  ['JSON path like', { 'meta.tag': { [Op.like]: 'y%' } }, ['ella']],
  ['sequelize.json(path, value)', Sequelize.json('meta.a.b', 2), ['ella']],
  ['sequelize.json({ conditions })', { [Op.and]: [Sequelize.json({ meta: { tag: 'x' } })] }, ['Cody']],
  ['sequelize.where(sequelize.json(path), value)', where(Sequelize.json('meta.tag'), '10'), ['Dora_%']],
  ['sequelize.where(fn, value)', where(fn('lower', col('name')), 'cody'), ['Cody']],
  ['sequelize.where(fn, Op, value)', where(fn('lower', col('name')), Op.like, 'd%'), ['Dora_%']],
  ['sequelize.where(col, string comparator, value)', where(col('age'), '>', 4), ['ella', 'Dora_%']],
  ['sequelize.where(fn, { operators })', where(fn('lower', col('name')), { [Op.in]: ['cody', 'bob'] }), ['Cody', 'Bob']],
  ['sequelize.where(cast, value)', where(cast(col('age'), 'TEXT'), '5'), ['ella']],
  ['sequelize.where inside an object', { [Op.and]: [where(fn('upper', col('name')), 'ELLA'), { age: 5 }] }, ['ella']],
  ['Sequelize.or', Sequelize.or({ name: 'Cody' }, { age: 10 }), ['Cody', 'Dora_%']],
  ['Sequelize.and', Sequelize.and({ good: true }, { age: { [Op.gt]: 5 } }), ['Dora_%']],
  ['literal()', literal('age > 4'), ['ella', 'Dora_%']],
  ['an array of conditions', [{ good: true }, { age: 10 }], ['Dora_%']],
  ['$attribute$ on the root', { '$name$': 'Cody' }, ['Cody']],
  ['$model.attribute$ on the root', { '$pug.name$': 'ella' }, ['ella']],
  ['a column name', { other_age: 0 }, ['Bob', 'Dora_%']],
  ['a Date', { born: new Date('2020-01-01T00:00:00.000Z') }, ['Cody']],
  ['an ISO string on a DATE', { born: '2021-06-15T12:30:00.250Z' }, ['ella']],
  ['Op.gt on dates', { born: { [Op.gt]: new Date('2020-06-01T00:00:00Z') } }, ['ella']],
  ['Op.between on dates', { born: { [Op.between]: [new Date('1999-01-01'), new Date('2020-01-01T00:00:00Z')] } }, ['Cody', 'Dora_%']],
  ['Op.lt on doubles', { score: { [Op.lt]: 0 } }, ['Dora_%']],
];

for (const dialect of testDialects) {
  describe(`where operators on ${dialect}`, () => {
    let sequelize: Sequelize;
    let Pug: ModelStatic<Model>;
    const sql = captureSql();

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
      Pug = await seedPugs(sequelize);
    });
    after(async () => {
      await sequelize.close();
    });

    for (const [label, condition, expected] of cases) {
      test(label, async () => {
        const rows = await Pug.findAll({ where: condition as never, order: [['id', 'ASC']] });
        assert.deepEqual(names(rows), expected);
        assert.equal(await Pug.count({ where: condition as never }), expected.length, 'count agrees with findAll');
      });
    }

    test('every value is a bound parameter', async () => {
      sql.statements.length = 0;
      await Pug.findAll({ where: { name: "O'Reilly; DROP TABLE pugs", 'meta.tag': 'x', age: { [Op.in]: [1, 2] } } });
      const select = sql.statements.find((statement) => statement.startsWith('SELECT'))!;
      assert.doesNotMatch(select, /O'Reilly|DROP/);
    });

    const mistakes: Array<[string, unknown, RegExp]> = [
      ['an unknown attribute', { nope: 1 }, /pug has no attribute "nope".*Known attributes: id, name/],
      ['a value of the wrong type', { age: 'abc' }, /pug\.age.*"abc" is not a valid integer/],
      ['Op.gt with an array', { age: { [Op.gt]: [1, 2] } }, /pug\.age with Op\.gt: expected a single value/],
      ['Op.between with one value', { age: { [Op.between]: [1] } }, /pug\.age with Op\.between: expected an array of two values/],
      ['Op.in with a non-array', { age: { [Op.in]: 3 } }, /pug\.age with Op\.in: expected an array/],
      ['an unknown operator symbol', { age: { [Symbol('wat')]: 1 } }, /Invalid operator Symbol\(wat\) for pug\.age/],
      ['an operator spelt as a string', { age: { gt: 1 } }, /pug\.age: got an object with keys gt/],
      ['undefined', { age: undefined }, /WHERE parameter "age" has invalid "undefined" value/],
      ['Op.is with a number', { age: { [Op.is]: 3 } }, /Op\.is: expected null, true or false/],
      ['Op.like with a number', { name: { [Op.like]: 3 } }, /Op\.like: expected a string pattern/],
      ['a comparison operator at the top', { [Op.gt]: 3 }, /Invalid operator Op\.gt at the top of a where on pug/],
      ['Op.contains on JSON', { meta: { [Op.contains]: { a: 1 } } }, /Op\.contains on pug\.meta/],
      ['a VIRTUAL attribute', { label: 'x' }, /pug\.label is a VIRTUAL attribute/],
      ['a raw string', 'age > 3', /A string where on pug is not supported.*literal\(/],
      ['sequelize.where on an unknown attribute', where('nope', 1), /pug has no attribute "nope"/],
    ];
    for (const [label, condition, message] of mistakes) {
      test(`${label} is an error before any SQL`, async () => {
        sql.statements.length = 0;
        await assert.rejects(Pug.findAll({ where: condition as never }), message);
        assert.deepEqual(sql.statements, [], 'nothing was sent');
      });
    }
  });

  describe(`array and JSONB operators on ${dialect}`, () => {
    let sequelize: Sequelize;
    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    test('Op.contains / contained / overlap where the dialect has arrays and JSONB, a clear error elsewhere', async (t) => {
      if (!sequelize.dialect.supports.ARRAY) {
        const Doc = sequelize.define('doc', { tags: DataTypes.JSON });
        await assert.rejects(Doc.findAll({ where: { tags: { [Op.overlap]: ['a'] } } }), /Op\.overlap on doc\.tags: the \w+ dialect has no array, range or JSONB columns/);
        t.diagnostic('no arrays on this dialect');
        return;
      }
      const Doc = sequelize.define('doc', { tags: DataTypes.ARRAY(DataTypes.STRING), body: DataTypes.JSONB });
      await Doc.sync({ force: true });
      await Doc.bulkCreate([{ tags: ['a', 'b'], body: { kind: 'x', n: 1 } }, { tags: ['b', 'c'], body: { kind: 'y', n: 2 } }]);
      const ids = async (condition: unknown) => (await Doc.findAll({ where: condition as never, order: [['id', 'ASC']] })).map((doc) => doc.get('id'));
      assert.deepEqual(await ids({ tags: { [Op.contains]: ['b', 'c'] } }), [2]);
      assert.deepEqual(await ids({ tags: { [Op.contained]: ['a', 'b', 'z'] } }), [1]);
      assert.deepEqual(await ids({ tags: { [Op.overlap]: ['a', 'c'] } }), [1, 2]);
      assert.deepEqual(await ids({ body: { [Op.contains]: { kind: 'y' } } }), [2]);
      assert.deepEqual(await ids({ 'body.n': { [Op.gte]: 2 } }), [2]);
    });
  });
}
