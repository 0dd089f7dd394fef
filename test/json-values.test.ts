import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

for (const dialect of testDialects) {
  describe(`JSON values on ${dialect}`, () => {
    let sequelize: Sequelize;
    let Doc: ModelStatic<Model>;

    before(async () => {
      sequelize = await connect(dialect);
      Doc = sequelize.define('doc', { data: DataTypes.JSON });
      await sequelize.sync({ force: true });
    });
    after(async () => {
      await sequelize.close();
    });

    test('strings that read as other JSON stay strings (parsed once, not twice)', async () => {
      const values = ['0', '1.5', 'true', 'null', '"quoted"', '[1]', '{"a":1}', ' 0', ''];
      for (const data of values) {
        const created = await Doc.create({ data });
        const found = await Doc.findByPk(created.get('id') as number);
        assert.equal(found!.get('data'), data, `the JSON string ${JSON.stringify(data)} reads back as itself`);
      }
    });

    test('objects, arrays, numbers, booleans and null read back as stored', async () => {
      for (const data of [{ a: [1, 'x', null], b: { c: true } }, [0, '0'], 0, 12.5, false, null]) {
        const created = await Doc.create({ data });
        const found = await Doc.findByPk(created.get('id') as number);
        assert.deepEqual(found!.get('data'), data);
      }
    });
  });
}
