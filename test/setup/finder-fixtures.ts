import { DataTypes, type Model, type ModelStatic, type Sequelize } from '../../src/index.js';

export interface PugRow {
  name: string;
  age: number | null;
  score: number | null;
  good: boolean | null;
  meta: unknown;
  born: Date | null;
}

/** Four pugs with a spread of values (one all-null) that the finder tests filter, sort and aggregate. */
export const pugRows: PugRow[] = [
  { name: 'Cody', age: 3, score: 1.5, good: true, meta: { a: { b: 1 }, tag: 'x', flag: true }, born: new Date('2020-01-01T00:00:00.000Z') },
  { name: 'ella', age: 5, score: 2.25, good: false, meta: { a: { b: 2 }, tag: 'y', flag: false }, born: new Date('2021-06-15T12:30:00.250Z') },
  { name: 'Bob', age: null, score: null, good: null, meta: null, born: null },
  { name: 'Dora_%', age: 10, score: -4, good: true, meta: { a: { b: 10 }, tag: '10', flag: null }, born: new Date('1999-12-31T23:59:59.999Z') },
];

export function definePug(sequelize: Sequelize, options: Record<string, unknown> = {}): ModelStatic<Model> {
  return sequelize.define('pug', {
    name: { type: DataTypes.STRING, allowNull: false },
    age: DataTypes.INTEGER,
    score: DataTypes.DOUBLE,
    good: DataTypes.BOOLEAN,
    meta: DataTypes.JSON,
    born: DataTypes.DATE,
    otherAge: { type: DataTypes.INTEGER, field: 'other_age' },
    label: { type: DataTypes.VIRTUAL, get(this: Model) { return `${String(this.getDataValue('name'))}!`; } },
  }, options);
}

/** Defines, syncs and fills the pug table; `otherAge` is age for Cody and ella, 0 for the others. */
export async function seedPugs(sequelize: Sequelize, options: Record<string, unknown> = {}): Promise<ModelStatic<Model>> {
  const Pug = definePug(sequelize, options);
  await Pug.sync({ force: true });
  for (const row of pugRows) await Pug.create({ ...row, otherAge: row.name === 'Cody' || row.name === 'ella' ? row.age : 0 });
  return Pug;
}

/** Names of the pugs a query returns, in id order unless the query orders them. */
export function names(rows: readonly Model[]): string[] {
  return rows.map((row) => row.get('name') as string);
}
