import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Sequelize, fn, col, where } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown>;

for (const dialect of testDialects.filter((name) => name === 'mysql' || name === 'mariadb')) {
  describe(`GEOMETRY on ${dialect}`, () => {
    let sequelize: Sequelize;
    before(async () => {
      sequelize = await connect(dialect);
    });
    after(async () => {
      await sequelize.close();
    });

    function definePlace() {
      return sequelize.define('place', {
        any: DataTypes.GEOMETRY, point: DataTypes.GEOMETRY('POINT'), line: DataTypes.GEOMETRY('LINESTRING'), area: DataTypes.GEOMETRY('POLYGON', 4326),
      }, { timestamps: false });
    }

    test('columns are GEOMETRY or the named kind, as v6 declares them', async () => {
      await definePlace().sync({ force: true });
      const columns = await sequelize.getQueryInterface().describeTable('places');
      assert.deepEqual([columns['any']!.type, columns['point']!.type, columns['line']!.type, columns['area']!.type], ['GEOMETRY', 'POINT', 'LINESTRING', 'POLYGON']);
      const Odd = sequelize.define('odd', { shape: DataTypes.GEOMETRY('CIRCLE') }, { timestamps: false });
      await assert.rejects(Odd.sync({ force: true }), /GEOMETRY\('CIRCLE'\) is not supported .*POINT, LINESTRING, POLYGON/);
    });

    test('GeoJSON values round-trip through create, finders, raw rows and sequelize.query', async () => {
      const Place = definePlace();
      await Place.sync({ force: true });
      const values = {
        any: { type: 'MultiPoint', coordinates: [[1, 1], [2.5, -2]] },
        point: { type: 'Point', coordinates: [3, 4] },
        line: { type: 'LineString', coordinates: [[0, 0], [1, 1], [2, 0]] },
        area: { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 0]]] },
      };
      const created = (await Place.create(values)) as unknown as Row;
      const found = (await Place.findByPk(created['id'] as number)) as unknown as { get(options: { plain: true }): Row };
      assert.deepEqual(found.get({ plain: true }), { id: created['id'], ...values });
      const raw = (await Place.findOne({ raw: true })) as unknown as Row;
      assert.deepEqual(raw['point'], values.point);
      const [rows] = await sequelize.query('SELECT line FROM places');
      assert.deepEqual((rows as Row[])[0]!['line'], values.line);
      const collection = { type: 'GeometryCollection', geometries: [values.point, values.line] };
      const other = (await Place.create({ any: collection })) as unknown as Row;
      assert.deepEqual(((await Place.findByPk(other['id'] as number)) as unknown as Row)['any'], collection);
    });

    test('where compares geometries and takes spatial functions; a non-GeoJSON value is a ValidationError', async () => {
      const Place = definePlace();
      await Place.sync({ force: true });
      await Place.bulkCreate([{ point: { type: 'Point', coordinates: [3, 4] } }, { point: { type: 'Point', coordinates: [5, 6] } }]);
      assert.equal(await Place.count({ where: { point: { type: 'Point', coordinates: [5, 6] } } }), 1);
      assert.equal(await Place.count({ where: where(fn('ST_X', col('point')), 3) }), 1);
      await assert.rejects(Place.create({ point: 'POINT(1 2)' }), /place\.point: "POINT\(1 2\)" is not a valid GeoJSON geometry/);
      assert.equal(await Place.count(), 2);
    });
  });
}
