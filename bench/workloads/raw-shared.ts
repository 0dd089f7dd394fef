// Shapes the raw contenders produce, so that they hand back what an ORM user gets (dates as Date, children
// grouped under their parent with the join row).
export interface FriendRecord {
  id: number;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  friendship: { pugId: number; friendId: number; createdAt: Date; updatedAt: Date };
}

export interface PugRecord {
  id: number;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  friends: FriendRecord[];
}

export const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));

/** Columns of `pugs LEFT JOIN friendship LEFT JOIN friends`, read positionally: 4 pug, 4 join, 4 friend. */
export function groupPugRows(rows: readonly unknown[][]): PugRecord[] {
  const pugs: PugRecord[] = [];
  let current: PugRecord | undefined;
  for (const row of rows) {
    if (current === undefined || current.id !== row[0]) {
      current = { id: row[0] as number, name: row[1] as string, createdAt: toDate(row[2]), updatedAt: toDate(row[3]), friends: [] };
      pugs.push(current);
    }
    if (row[8] === null) continue;
    current.friends.push({
      id: row[8] as number,
      name: row[9] as string,
      createdAt: toDate(row[10]),
      updatedAt: toDate(row[11]),
      friendship: { pugId: row[4] as number, friendId: row[5] as number, createdAt: toDate(row[6]), updatedAt: toDate(row[7]) },
    });
  }
  return pugs;
}

export function toFriendRecord(row: Record<string, unknown>): FriendRecord {
  return {
    id: row['id'] as number,
    name: row['name'] as string,
    createdAt: toDate(row['createdAt']),
    updatedAt: toDate(row['updatedAt']),
    friendship: { pugId: row['pugId'] as number, friendId: row['friendId'] as number, createdAt: toDate(row['fsCreatedAt']), updatedAt: toDate(row['fsUpdatedAt']) },
  };
}

export const includeSql = (quote: (name: string) => string): string =>
  `SELECT p.id, p.name, p.${quote('createdAt')}, p.${quote('updatedAt')}, ` +
  `fs.${quote('pugId')}, fs.${quote('friendId')}, fs.${quote('createdAt')}, fs.${quote('updatedAt')}, ` +
  `f.id, f.name, f.${quote('createdAt')}, f.${quote('updatedAt')} ` +
  `FROM pugs p LEFT JOIN friendship fs ON fs.${quote('pugId')} = p.id LEFT JOIN friends f ON f.id = fs.${quote('friendId')} ORDER BY p.id`;

export const getFriendsSql = (quote: (name: string) => string, placeholder: string): string =>
  `SELECT f.id, f.name, f.${quote('createdAt')}, f.${quote('updatedAt')}, fs.${quote('pugId')}, fs.${quote('friendId')}, ` +
  `fs.${quote('createdAt')} AS ${quote('fsCreatedAt')}, fs.${quote('updatedAt')} AS ${quote('fsUpdatedAt')} ` +
  `FROM friends f INNER JOIN friendship fs ON f.id = fs.${quote('friendId')} WHERE fs.${quote('pugId')} = ${placeholder}`;
