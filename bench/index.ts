// `npm run bench`: the same workloads on the raw driver, joinery and sequelize@6, in one process, on in-memory
// SQLite and (when reachable) PostgreSQL. Prints each as a median over rounds and as a ratio to raw.
// Timings are noisy: read the ratios.
//   BENCH_ROUNDS=5                      timed rounds per workload (after the warm-up below)
//   BENCH_DIALECTS=sqlite,postgres      default: sqlite, plus postgres when BENCH_POSTGRES_URL answers
//   BENCH_POSTGRES_URL=postgres://…     default postgres://postgres@127.0.0.1:5432/test_perf
//   BENCH_WORKLOADS=include,findByPk    only workloads whose name contains one of these (case-insensitive)
//   BENCH_CONTENDERS=raw,joinery        only these contenders
//   BENCH_CLOCK=cpu                     process CPU time instead of wall time (SQLite; see harness.ts)
//   BENCH_WARMUP_MS=250                 untimed warm-up per workload and contender: at least 3 rounds and this long
//   BENCH_PROCESSES=3                   the whole bench in this many processes, one table of their medians (processes.ts)
import { createRequire } from 'node:module';
import type * as JoineryModule from '../src/index.js';
import { clock, medians, rounds, warmUpMs, warmUpRounds, type Contender } from './harness.js';
import { isChild, reportToParent, runInProcesses } from './processes.js';
import { printProcessesTable, printTable, type Results } from './report.js';
import { ormContender } from './workloads/orm.js';
import { freshSchema, rawPostgresContender } from './workloads/raw-postgres.js';
import { rawSqliteContender } from './workloads/raw-sqlite.js';

const require = createRequire(import.meta.url);
// joinery as it ships (`npm run build`'s dist/esm), as sequelize@6 is loaded from its package: the sources run
// through tsx are slower than the package (esbuild's keepNames wraps every closure created on the hot paths),
// which made create × 1,000 ~1.8x raw where the package is ~1.45x.
const distEntry = new URL('../dist/esm/index.js', import.meta.url).href;
const { Sequelize: Joinery } = (await import(distEntry)) as typeof JoineryModule;
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

/** A PostgreSQL contender in a fresh schema of its own, dropped when it closes. */
async function inSchema(schema: string, open: (schema: string) => Promise<Contender>): Promise<Contender> {
  const dropSchema = await freshSchema(postgresUrl, schema);
  const contender = await open(schema);
  return { workloads: contender.workloads, close: async () => {
    await contender.close();
    await dropSchema();
  } };
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
      raw: () => inSchema('bench_raw', (schema) => rawPostgresContender(postgresUrl, schema)),
      joinery: () => inSchema('bench_joinery', (schema) => ormContender(Joinery, postgresUrl, schema)),
      'sequelize@6': () => inSchema('bench_sequelize', (schema) => ormContender(SequelizeV6, postgresUrl, schema, true)),
    },
  },
};

const processes = Number(process.env['BENCH_PROCESSES'] ?? 3);
if (!isChild && processes > 1) {
  console.log(`median of ${rounds} rounds after at least ${warmUpRounds} warm-up rounds and ${warmUpMs} ms (${clock === 'cpu' ? 'process CPU time' : 'wall time'}) in each of ${processes} processes`);
  const runs = runInProcesses(processes);
  for (const [dialect, times] of runs.times) printProcessesTable(runs.titles.get(dialect) ?? dialect, times, processes);
  process.exit(0);
}

let dialects = list(process.env['BENCH_DIALECTS']);
if (dialects === undefined) {
  dialects = ['sqlite'];
  if (await postgresReachable()) dialects.push('postgres');
  else console.log(`(PostgreSQL at ${postgresUrl} not reachable: SQLite only)`);
}

console.log(`median of ${rounds} rounds after at least ${warmUpRounds} warm-up rounds and ${warmUpMs} ms (${clock === 'cpu' ? 'process CPU time' : 'wall time'}); ratio to the raw driver in the same run`);
for (const dialect of dialects) {
  const run = dialectRuns[dialect];
  if (!run) throw new Error(`BENCH_DIALECTS: unknown dialect "${dialect}" (known: ${Object.keys(dialectRuns).join(', ')})`);
  const names = Object.keys(run.contenders).filter((name) => !contenderFilter || contenderFilter.includes(name.toLowerCase()));
  const results: Results = new Map();
  const selected = (workload: string) => !workloadFilter || workloadFilter.some((part) => workload.toLowerCase().includes(part));
  const measure = async (group: Array<[name: string, contender: Contender]>) => {
    for (const workload of Object.keys(group[0]![1].workloads).filter(selected)) {
      const times = await medians(group.map(([, contender]) => contender.workloads[workload]!));
      if (!results.has(workload)) results.set(workload, new Map());
      group.forEach(([name], index) => results.get(workload)!.set(name, times[index]!));
    }
  };
  // Every contender has a database (in-memory SQLite) or schema (PostgreSQL) of its own: all are loaded at
  // once, and each workload is timed on all of them one right after the other.
  const group: Array<[string, Contender]> = [];
  try {
    for (const name of names) group.push([name, await run.contenders[name]!()]);
    await measure(group);
  } finally {
    for (const [, contender] of group) await contender.close();
  }
  printTable(run.title, names, results);
  if (isChild) {
    console.log(`title ${dialect}\t${run.title}`);
    reportToParent(dialect, results);
  }
}
