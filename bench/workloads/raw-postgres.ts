// The baseline on PostgreSQL: the `pg` driver with a pool of 5 (joinery's and sequelize@6's default), writes
// as multi-row INSERTs, the 1,000 creates on one client inside BEGIN/COMMIT. Each contender works in a schema
// of its own (bench_raw, bench_joinery, …) so that all three can be loaded at once and timed in turn.
import { createRequire } from 'node:module';
import type Pg from 'pg';
import { CALLS, friendRows, friendshipPairs, pugRows, rows, workloadNames } from '../data.js';
import type { Contender } from '../harness.js';
import { getFriendsSql, groupPugRows, includeSql, toFriendRecord } from './raw-shared.js';

const require = createRequire(import.meta.url);
const quote = (name: string) => `"${name}"`;

/** `INSERT INTO table (columns) VALUES ($1, $2), ($3, $4)…` for `rows` rows of `columns.length` values. */
function multiRowInsert(table: string, columns: readonly string[], rowCount: number): string {
  const tuples: string[] = [];
  for (let row = 0; row < rowCount; row += 1) {
    tuples.push(`(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(', ')})`);
  }
  return `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`;
}

/** Creates (empty) the schema a contender works in; `close` of the returned function drops it. */
export async function freshSchema(url: string, schema: string): Promise<() => Promise<void>> {
  const { Client } = require('pg') as typeof Pg;
  const run = async (statement: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  return () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

export async function rawPostgresContender(url: string, schema: string): Promise<Contender> {
  const { Pool } = require('pg') as typeof Pg;
  const pool = new Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` });
  await pool.query('DROP TABLE IF EXISTS friendship, friends, pugs, pets, scratch CASCADE');
  for (const table of ['pets', 'scratch']) {
    await pool.query(`CREATE TABLE ${table} (id SERIAL PRIMARY KEY, name VARCHAR(255), age INTEGER, "createdAt" TIMESTAMPTZ NOT NULL, "updatedAt" TIMESTAMPTZ NOT NULL)`);
  }
  for (const table of ['pugs', 'friends']) {
    await pool.query(`CREATE TABLE ${table} (id SERIAL PRIMARY KEY, name VARCHAR(255), "createdAt" TIMESTAMPTZ NOT NULL, "updatedAt" TIMESTAMPTZ NOT NULL)`);
  }
  await pool.query('CREATE TABLE friendship ("createdAt" TIMESTAMPTZ NOT NULL, "updatedAt" TIMESTAMPTZ NOT NULL, "pugId" INTEGER REFERENCES pugs (id), "friendId" INTEGER REFERENCES friends (id), PRIMARY KEY ("pugId", "friendId"))');
  const rowColumns = ['name', 'age', 'createdAt', 'updatedAt'];
  const insertRows = multiRowInsert('scratch', rowColumns, rows.length);
  const rowValues = () => {
    const now = new Date();
    return rows.flatMap((row) => [row.name, row.age, now, now]);
  };
  await pool.query(insertRows.replace('scratch', 'pets'), rowValues());
  const seedNow = new Date();
  await pool.query(multiRowInsert('pugs', ['name', 'createdAt', 'updatedAt'], pugRows.length), pugRows.flatMap((row) => [row.name, seedNow, seedNow]));
  await pool.query(multiRowInsert('friends', ['name', 'createdAt', 'updatedAt'], friendRows.length), friendRows.flatMap((row) => [row.name, seedNow, seedNow]));
  const friendshipColumns = ['pugId', 'friendId', 'createdAt', 'updatedAt'];
  await pool.query(multiRowInsert('friendship', friendshipColumns, friendshipPairs.length), friendshipPairs.flatMap(([pugId, friendId]) => [pugId, friendId, seedNow, seedNow]));

  const insertFriendships = multiRowInsert('friendship', friendshipColumns, friendRows.length);
  const friendsOf = getFriendsSql(quote, '$1');
  const include = { text: includeSql(quote), rowMode: 'array' as const };
  const pugIds = pugRows.map((_, index) => index + 1);
  let lonelyPugId = 0;

  return {
    workloads: {
      [workloadNames.findAll]: { run: async () => void (await pool.query('SELECT id, name, age, "createdAt", "updatedAt" FROM pets')).rows },
      [workloadNames.findByPk]: {
        run: async () => {
          for (let id = 1; id <= CALLS; id += 1) await pool.query('SELECT id, name, age, "createdAt", "updatedAt" FROM pets WHERE id = $1', [id]);
        },
      },
      [workloadNames.bulkCreate]: {
        run: async () => void (await pool.query(`${insertRows} RETURNING id`, rowValues())),
        teardown: async () => void (await pool.query('DELETE FROM scratch')),
      },
      [workloadNames.create]: {
        run: async () => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            for (let index = 0; index < CALLS; index += 1) {
              const now = new Date();
              await client.query('INSERT INTO scratch (name, age, "createdAt", "updatedAt") VALUES ($1, $2, $3, $4) RETURNING id', [rows[index]!.name, rows[index]!.age, now, now]);
            }
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        },
        teardown: async () => void (await pool.query('DELETE FROM scratch')),
      },
      [workloadNames.include]: { run: async () => void groupPugRows((await pool.query<unknown[]>(include)).rows) },
      [workloadNames.addFriends]: {
        setup: async () => {
          const now = new Date();
          lonelyPugId = (await pool.query<{ id: number }>('INSERT INTO pugs (name, "createdAt", "updatedAt") VALUES ($1, $2, $3) RETURNING id', ['lonely', now, now])).rows[0]!.id;
        },
        run: async () => {
          const now = new Date();
          await pool.query(insertFriendships, friendRows.flatMap((_, index) => [lonelyPugId, index + 1, now, now]));
        },
        teardown: async () => {
          await pool.query('DELETE FROM friendship WHERE "pugId" = $1', [lonelyPugId]);
          await pool.query('DELETE FROM pugs WHERE id = $1', [lonelyPugId]);
        },
      },
      [workloadNames.getFriends]: {
        run: async () => {
          await Promise.all(pugIds.map(async (pugId) => (await pool.query(friendsOf, [pugId])).rows.map(toFriendRecord)));
        },
      },
    },
    close: async () => {
      await pool.query('DROP TABLE IF EXISTS friendship, friends, pugs, pets, scratch CASCADE');
      await pool.end();
    },
  };
}
