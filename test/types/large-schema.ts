// Generated shape: 30 models and 40 associations, to keep the inference within TypeScript's depth and time limits.
import { DataTypes, associate, type Sequelize } from '../../src/index.js';

declare const db: Sequelize;

const schema = associate(
  {
    M00: db.define('m00s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M01: db.define('m01s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M02: db.define('m02s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M03: db.define('m03s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M04: db.define('m04s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M05: db.define('m05s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M06: db.define('m06s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M07: db.define('m07s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M08: db.define('m08s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M09: db.define('m09s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M10: db.define('m10s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M11: db.define('m11s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M12: db.define('m12s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M13: db.define('m13s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M14: db.define('m14s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M15: db.define('m15s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M16: db.define('m16s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M17: db.define('m17s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M18: db.define('m18s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M19: db.define('m19s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M20: db.define('m20s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M21: db.define('m21s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M22: db.define('m22s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M23: db.define('m23s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M24: db.define('m24s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M25: db.define('m25s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M26: db.define('m26s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M27: db.define('m27s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M28: db.define('m28s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
    M29: db.define('m29s', { label: { type: DataTypes.STRING, allowNull: false }, rank: DataTypes.INTEGER, kind: DataTypes.ENUM('a', 'b'), meta: DataTypes.JSON }),
  },
  [
    ['M00', 'belongsTo', 'M03', { as: 'rel0' }],
    ['M01', 'hasMany', 'M10', { as: 'rel1' }],
    ['M02', 'hasOne', 'M17', { as: 'rel2' }],
    ['M03', 'belongsToMany', 'M24', { through: 'link3', as: 'peers3' }],
    ['M04', 'belongsTo', 'M01', { as: 'rel4' }],
    ['M05', 'hasMany', 'M08', { as: 'rel5' }],
    ['M06', 'hasOne', 'M15', { as: 'rel6' }],
    ['M07', 'belongsToMany', 'M22', { through: 'link7', as: 'peers7' }],
    ['M08', 'belongsTo', 'M29', { as: 'rel8' }],
    ['M09', 'hasMany', 'M06', { as: 'rel9' }],
    ['M10', 'hasOne', 'M13', { as: 'rel10' }],
    ['M11', 'belongsToMany', 'M20', { through: 'link11', as: 'peers11' }],
    ['M12', 'belongsTo', 'M27', { as: 'rel12' }],
    ['M13', 'hasMany', 'M04', { as: 'rel13' }],
    ['M14', 'hasOne', 'M11', { as: 'rel14' }],
    ['M15', 'belongsToMany', 'M18', { through: 'link15', as: 'peers15' }],
    ['M16', 'belongsTo', 'M25', { as: 'rel16' }],
    ['M17', 'hasMany', 'M02', { as: 'rel17' }],
    ['M18', 'hasOne', 'M09', { as: 'rel18' }],
    ['M19', 'belongsToMany', 'M16', { through: 'link19', as: 'peers19' }],
    ['M20', 'belongsTo', 'M23', { as: 'rel20' }],
    ['M21', 'hasMany', 'M00', { as: 'rel21' }],
    ['M22', 'hasOne', 'M07', { as: 'rel22' }],
    ['M23', 'belongsToMany', 'M14', { through: 'link23', as: 'peers23' }],
    ['M24', 'belongsTo', 'M21', { as: 'rel24' }],
    ['M25', 'hasMany', 'M28', { as: 'rel25' }],
    ['M26', 'hasOne', 'M05', { as: 'rel26' }],
    ['M27', 'belongsToMany', 'M12', { through: 'link27', as: 'peers27' }],
    ['M28', 'belongsTo', 'M19', { as: 'rel28' }],
    ['M29', 'hasMany', 'M26', { as: 'rel29' }],
    ['M00', 'hasOne', 'M03', { as: 'rel30' }],
    ['M01', 'belongsToMany', 'M10', { through: 'link31', as: 'peers31' }],
    ['M02', 'belongsTo', 'M17', { as: 'rel32' }],
    ['M03', 'hasMany', 'M24', { as: 'rel33' }],
    ['M04', 'hasOne', 'M01', { as: 'rel34' }],
    ['M05', 'belongsToMany', 'M08', { through: 'link35', as: 'peers35' }],
    ['M06', 'belongsTo', 'M15', { as: 'rel36' }],
    ['M07', 'hasMany', 'M22', { as: 'rel37' }],
    ['M08', 'hasOne', 'M29', { as: 'rel38' }],
    ['M09', 'belongsToMany', 'M06', { through: 'link39', as: 'peers39' }],
  ],
);

const { M00, M03 } = schema;
const first = await M00.findOne({ where: { label: 'x', rank: 1 }, include: [{ model: M03, as: 'rel0', include: ['peers3'] }] });
if (first) {
  const related = await first.getRel0();
  if (related) await related.getPeers3();
  const peers: string[] | undefined = first.rel0?.peers3.map((peer) => peer.label);
  void peers;
}
// @ts-expect-error misspelt attribute on a model of the large schema
await schema.M29.findAll({ where: { lable: 'x' } });
// @ts-expect-error no include, no property
void (await M00.findAll())[0]?.rel0;
// Include-level where/attributes and order paths are checked on the large schema too, two levels deep.
await M00.findAll({
  include: [{ model: M03, as: 'rel0', where: { rank: 2 }, attributes: ['label'], include: [{ association: 'peers3', where: { kind: 'a' } }] }],
  order: [[M03, 'label', 'DESC'], ['rel0', 'peers3', 'rank', 'ASC']],
});
// @ts-expect-error misspelt attribute in a nested include's where on the large schema
await M00.findAll({ include: [{ model: M03, as: 'rel0', include: [{ association: 'peers3', where: { knd: 'a' } }] }] });
// @ts-expect-error misspelt column at the end of a two-step order path
await M00.findAll({ order: [['rel0', 'peers3', 'rnak', 'ASC']] });
