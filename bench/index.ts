// `npm run bench`: the same workloads on the raw driver, joinery and sequelize@6, in one process, on in-memory
// SQLite. Prints each as a median over rounds and as a ratio to raw. Timings are noisy: read the ratios.
import BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import { DataTypes, Sequelize as Joinery } from '../src/index.js';

const require = createRequire(import.meta.url);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const ROWS = 10_000;
const CALLS = 1_000;

type Workloads = Record<string, () => Promise<void>>;

async function median(run: () => Promise<void>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const rows = Array.from({ length: ROWS }, (_, index) => ({ name: `pug ${index}`, age: index % 15 }));

function raw(): Workloads {
  const db = new BetterSqlite3(':memory:');
  db.exec('CREATE TABLE pugs (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255), age INTEGER, createdAt DATETIME NOT NULL, updatedAt DATETIME NOT NULL)');
  const insert = db.prepare('INSERT INTO pugs (name, age, createdAt, updatedAt) VALUES (?, ?, ?, ?)');
  const now = () => new Date().toISOString();
  db.transaction(() => rows.forEach((row) => insert.run(row.name, row.age, now(), now())))();
  const all = db.prepare('SELECT id, name, age, createdAt, updatedAt FROM pugs');
  const byPk = db.prepare('SELECT id, name, age, createdAt, updatedAt FROM pugs WHERE id = ?');
  const scratch = new BetterSqlite3(':memory:');
  scratch.exec('CREATE TABLE pugs (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255), age INTEGER, createdAt DATETIME NOT NULL, updatedAt DATETIME NOT NULL)');
  const scratchInsert = scratch.prepare('INSERT INTO pugs (name, age, createdAt, updatedAt) VALUES (?, ?, ?, ?)');
  return {
    'findAll 10,000 rows': async () => {
      all.all().map((row) => ({ ...(row as object), createdAt: new Date((row as { createdAt: string }).createdAt) }));
    },
    'findByPk x 1,000': async () => {
      for (let id = 1; id <= CALLS; id += 1) byPk.get(id);
    },
    'bulkCreate 10,000 rows': async () => {
      scratch.transaction(() => rows.forEach((row) => scratchInsert.run(row.name, row.age, now(), now())))();
    },
    'create x 1,000 in a transaction': async () => {
      scratch.transaction(() => {
        for (let index = 0; index < CALLS; index += 1) scratchInsert.run(rows[index]!.name, rows[index]!.age, now(), now());
      })();
    },
  };
}

async function orm(Sequelize: typeof Joinery): Promise<Workloads> {
  const db = new Sequelize('sqlite::memory:', { logging: false });
  const Pug = db.define('pugs', { name: DataTypes.STRING, age: DataTypes.INTEGER });
  const Scratch = db.define('scratch', { name: DataTypes.STRING, age: DataTypes.INTEGER });
  await db.sync({ force: true });
  await Pug.bulkCreate(rows);
  return {
    'findAll 10,000 rows': async () => {
      await Pug.findAll();
    },
    'findByPk x 1,000': async () => {
      for (let id = 1; id <= CALLS; id += 1) await Pug.findByPk(id);
    },
    'bulkCreate 10,000 rows': async () => {
      await Scratch.bulkCreate(rows);
    },
    'create x 1,000 in a transaction': async () => {
      await db.transaction(async (transaction) => {
        for (let index = 0; index < CALLS; index += 1) await Scratch.create(rows[index]!, { transaction });
      });
    },
  };
}

const contenders: Record<string, Workloads> = {
  raw: raw(),
  joinery: await orm(Joinery),
  'sequelize@6': await orm(require('sequelize').Sequelize as typeof Joinery),
};

console.log(`SQLite in-memory, median of ${rounds} rounds (ms, and ratio to raw better-sqlite3)\n`);
console.log('| workload | raw | joinery | sequelize@6 |');
console.log('|---|---|---|---|');
for (const workload of Object.keys(contenders['raw']!)) {
  const results: Record<string, number> = {};
  for (const [name, workloads] of Object.entries(contenders)) results[name] = await median(workloads[workload]!);
  const cell = (name: string) => `${results[name]!.toFixed(1)} (${(results[name]! / results['raw']!).toFixed(2)}x)`;
  console.log(`| ${workload} | ${results['raw']!.toFixed(1)} | ${cell('joinery')} | ${cell('sequelize@6')} |`);
}
