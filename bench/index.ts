// `npm run bench`: the same workloads on the raw driver, joinery and sequelize@6, in one process, on in-memory
// SQLite and (when reachable) PostgreSQL. Prints each as a median over rounds and as a ratio to raw.
// Timings are noisy: read the ratios.
//   BENCH_ROUNDS=5                      timed rounds per workload (after one warm-up)
//   BENCH_DIALECTS=sqlite,postgres      default: sqlite, plus postgres when BENCH_POSTGRES_URL answers
//   BENCH_POSTGRES_URL=postgres://…     default postgres://postgres@127.0.0.1:5432/test_perf
//   BENCH_WORKLOADS=include,findByPk    only workloads whose name contains one of these (case-insensitive)
//   BENCH_CONTENDERS=raw,joinery        only these contenders
import { createRequire } from 'node:module';
import { Sequelize as Joinery } from '../src/index.js';
import { median, rounds, type Contender } from './harness.js';
import { printTable, type Results } from './report.js';
import { ormContender } from './workloads/orm.js';
import { rawPostgresContender } from './workloads/raw-postgres.js';
import { rawSqliteContender } from './workloads/raw-sqlite.js';

const require = createRequire(import.meta.url);
const SequelizeV6 = require('sequelize').Sequelize as typeof Joinery;
const postgresUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test_perf';
const list = (value: string | undefined) => value?.split(',').map((item) => item.trim().toLowerCase()).filter(Boolean);
const workloadFilter = list(process.env['BENCH_WORKLOADS']);
const contenderFilter = list(process.env['BENCH_CONTENDERS']);

async function postgresReachable(): Promise<boolean> {
  const { Client } = require('pg') as typeof import('pg');
  const client = new Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

interface DialectRun {
  title: string;
  contenders: Record<string, () => Promise<Contender>>;
}

const dialectRuns: Record<string, DialectRun> = {
  sqlite: {
    title: 'SQLite in memory (raw = better-sqlite3)',
    contenders: {
      raw: async () => rawSqliteContender(),
      joinery: () => ormContender(Joinery, 'sqlite::memory:'),
      'sequelize@6': () => ormContender(SequelizeV6, 'sqlite::memory:'),
    },
  },
  postgres: {
    title: `PostgreSQL ${postgresUrl.replace(/\/\/[^@]*@/, '//')} (raw = pg)`,
    contenders: {
      raw: () => rawPostgresContender(postgresUrl),
      joinery: () => ormContender(Joinery, postgresUrl),
      'sequelize@6': () => ormContender(SequelizeV6, postgresUrl),
    },
  },
};

let dialects = list(process.env['BENCH_DIALECTS']);
if (dialects === undefined) {
  dialects = ['sqlite'];
  if (await postgresReachable()) dialects.push('postgres');
  else console.log(`(PostgreSQL at ${postgresUrl} not reachable: SQLite only)`);
}

console.log(`median of ${rounds} rounds after one warm-up; ratio to the raw driver in the same run`);
for (const dialect of dialects) {
  const run = dialectRuns[dialect];
  if (!run) throw new Error(`BENCH_DIALECTS: unknown dialect "${dialect}" (known: ${Object.keys(dialectRuns).join(', ')})`);
  const names = Object.keys(run.contenders).filter((name) => !contenderFilter || contenderFilter.includes(name.toLowerCase()));
  const results: Results = new Map();
  // One contender at a time: on PostgreSQL they share a database, so each seeds, runs and drops its tables.
  for (const name of names) {
    const contender = await run.contenders[name]!();
    try {
      for (const [workload, body] of Object.entries(contender.workloads)) {
        if (workloadFilter && !workloadFilter.some((part) => workload.toLowerCase().includes(part))) continue;
        if (!results.has(workload)) results.set(workload, new Map());
        results.get(workload)!.set(name, await median(body));
      }
    } finally {
      await contender.close();
    }
  }
  printTable(run.title, names, results);
}
