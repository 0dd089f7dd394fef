// The workloads through an ORM with Sequelize v6's API: joinery and sequelize@6 run this same code.
import type { Sequelize as Joinery } from '../../src/index.js';
import { CALLS, friendRows, friendshipPairs, pugRows, rows, workloadNames } from '../data.js';
import type { Contender, Workload } from '../harness.js';

type Instance = { get(key: string): unknown } & Record<string, unknown>;
type Accessor = (...args: unknown[]) => Promise<unknown>;

function accessor(instance: Instance, name: string): Accessor {
  return (instance[name] as Accessor).bind(instance);
}

/**
 * `schema`: a PostgreSQL schema of its own (as the search_path), so contenders can share one database.
 * `qualify` also names it on every model: sequelize@6 looks for existing tables in `public` whatever the path.
 */
export async function ormContender(Sequelize: typeof Joinery, url: string, schema?: string, qualify = false): Promise<Contender> {
  // Each contender's own data types: sequelize@6 is not handed joinery's.
  const { DataTypes } = Sequelize;
  const db = new Sequelize(url, {
    logging: false,
    ...(schema ? { dialectOptions: { options: `-c search_path=${schema}` } } : {}),
    ...(schema && qualify ? { define: { schema } } : {}),
  });
  const Pet = db.define('pets', { name: DataTypes.STRING, age: DataTypes.INTEGER });
  const Scratch = db.define('scratch', { name: DataTypes.STRING, age: DataTypes.INTEGER }, { freezeTableName: true });
  const Pug = db.define('pugs', { name: DataTypes.STRING });
  const Friend = db.define('friends', { name: DataTypes.STRING });
  Pug.belongsToMany(Friend, { through: 'friendship' });
  Friend.belongsToMany(Pug, { through: 'friendship' });
  // Fresh database or schema: a plain sync (force would look for other contenders' constraints on PostgreSQL).
  await db.sync();
  await Pet.bulkCreate(rows);
  await Pug.bulkCreate(pugRows);
  await Friend.bulkCreate(friendRows);
  await db.model('friendship').bulkCreate(friendshipPairs.map(([pugId, friendId]) => ({ pugId, friendId })));

  const allFriends = (await Friend.findAll({ order: [['id', 'ASC']] })) as unknown as Instance[];
  const allPugs = (await Pug.findAll({ order: [['id', 'ASC']] })) as unknown as Instance[];
  let lonelyPug: Instance | undefined;

  const addFriends: Workload = {
    setup: async () => {
      lonelyPug = (await Pug.create({ name: 'lonely' })) as unknown as Instance;
    },
    run: async () => {
      await accessor(lonelyPug!, 'addFriends')(allFriends);
    },
    teardown: async () => {
      await db.query('DELETE FROM friendship WHERE "pugId" = ?', { replacements: [lonelyPug!.get('id')] });
      await db.query('DELETE FROM pugs WHERE id = ?', { replacements: [lonelyPug!.get('id')] });
    },
  };

  return {
    workloads: {
      [workloadNames.findAll]: { run: async () => void (await Pet.findAll()) },
      [workloadNames.findByPk]: {
        run: async () => {
          for (let id = 1; id <= CALLS; id += 1) await Pet.findByPk(id);
        },
      },
      [workloadNames.bulkCreate]: {
        run: async () => void (await Scratch.bulkCreate(rows)),
        teardown: async () => void (await db.query('DELETE FROM scratch')),
      },
      [workloadNames.create]: {
        run: async () => {
          await db.transaction(async (transaction) => {
            for (let index = 0; index < CALLS; index += 1) await Scratch.create(rows[index]!, { transaction });
          });
        },
        teardown: async () => void (await db.query('DELETE FROM scratch')),
      },
      [workloadNames.include]: { run: async () => void (await Pug.findAll({ include: [{ model: Friend }] })) },
      [workloadNames.addFriends]: addFriends,
      [workloadNames.getFriends]: {
        run: async () => void (await Promise.all(allPugs.map((pug) => accessor(pug, 'getFriends')()))),
      },
    },
    close: () => db.close(),
  };
}
