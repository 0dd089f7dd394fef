// The baseline on SQLite: better-sqlite3 used as well as a hand-written program would, prepared statements
// made once, writes batched in one transaction.
import BetterSqlite3 from 'better-sqlite3';
import { CALLS, friendRows, friendshipPairs, pugRows, rows, workloadNames } from '../data.js';
import type { Contender } from '../harness.js';
import { getFriendsSql, groupPugRows, includeSql, toFriendRecord } from './raw-shared.js';

const quote = (name: string) => `"${name}"`;
const now = () => new Date().toISOString();

export function rawSqliteContender(): Contender {
  const db = new BetterSqlite3(':memory:');
  for (const table of ['pets', 'scratch']) {
    db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255), age INTEGER, createdAt DATETIME NOT NULL, updatedAt DATETIME NOT NULL)`);
  }
  for (const table of ['pugs', 'friends']) {
    db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255), createdAt DATETIME NOT NULL, updatedAt DATETIME NOT NULL)`);
  }
  db.exec('CREATE TABLE friendship (createdAt DATETIME NOT NULL, updatedAt DATETIME NOT NULL, pugId INTEGER REFERENCES pugs (id), friendId INTEGER REFERENCES friends (id), PRIMARY KEY (pugId, friendId))');
  const insertPet = db.prepare('INSERT INTO pets (name, age, createdAt, updatedAt) VALUES (?, ?, ?, ?)');
  const insertScratch = db.prepare('INSERT INTO scratch (name, age, createdAt, updatedAt) VALUES (?, ?, ?, ?)');
  const insertPug = db.prepare('INSERT INTO pugs (name, createdAt, updatedAt) VALUES (?, ?, ?)');
  const insertFriend = db.prepare('INSERT INTO friends (name, createdAt, updatedAt) VALUES (?, ?, ?)');
  const insertFriendship = db.prepare('INSERT INTO friendship (pugId, friendId, createdAt, updatedAt) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const row of rows) insertPet.run(row.name, row.age, now(), now());
    for (const row of pugRows) insertPug.run(row.name, now(), now());
    for (const row of friendRows) insertFriend.run(row.name, now(), now());
    for (const [pugId, friendId] of friendshipPairs) insertFriendship.run(pugId, friendId, now(), now());
  })();

  const all = db.prepare('SELECT id, name, age, createdAt, updatedAt FROM pets');
  const byPk = db.prepare('SELECT id, name, age, createdAt, updatedAt FROM pets WHERE id = ?');
  const include = db.prepare(includeSql(quote)).raw(true);
  const friendsOf = db.prepare(getFriendsSql(quote, '?'));
  const clearScratch = db.prepare('DELETE FROM scratch');
  const pugIds = pugRows.map((_, index) => index + 1);
  let lonelyPugId = 0;

  return {
    workloads: {
      [workloadNames.findAll]: {
        run: async () => {
          all.all().map((row) => ({ ...(row as object), createdAt: new Date((row as { createdAt: string }).createdAt) }));
        },
      },
      [workloadNames.findByPk]: {
        run: async () => {
          for (let id = 1; id <= CALLS; id += 1) byPk.get(id);
        },
      },
      [workloadNames.bulkCreate]: {
        run: async () => db.transaction(() => rows.forEach((row) => insertScratch.run(row.name, row.age, now(), now())))(),
        teardown: async () => void clearScratch.run(),
      },
      [workloadNames.create]: {
        run: async () => {
          db.transaction(() => {
            for (let index = 0; index < CALLS; index += 1) insertScratch.run(rows[index]!.name, rows[index]!.age, now(), now());
          })();
        },
        teardown: async () => void clearScratch.run(),
      },
      [workloadNames.include]: { run: async () => void groupPugRows(include.all() as unknown[][]) },
      [workloadNames.addFriends]: {
        setup: async () => {
          lonelyPugId = Number(insertPug.run('lonely', now(), now()).lastInsertRowid);
        },
        run: async () => {
          db.transaction(() => {
            for (let friendId = 1; friendId <= friendRows.length; friendId += 1) insertFriendship.run(lonelyPugId, friendId, now(), now());
          })();
        },
        teardown: async () => {
          db.prepare('DELETE FROM friendship WHERE pugId = ?').run(lonelyPugId);
          db.prepare('DELETE FROM pugs WHERE id = ?').run(lonelyPugId);
        },
      },
      [workloadNames.getFriends]: {
        run: async () => {
          await Promise.all(pugIds.map(async (pugId) => (friendsOf.all(pugId) as Record<string, unknown>[]).map(toFriendRecord)));
        },
      },
    },
    close: async () => void db.close(),
  };
}
