// The data every contender loads, identical across contenders and dialects.
export const ROWS = 10_000;
export const CALLS = 1_000;
export const PUGS = 1_000;
export const FRIENDS = 1_000;
export const FRIENDS_PER_PUG = 10;

/** The 10,000 rows of the core workloads (`pets`: findAll, findByPk) and of the write workloads (`scratch`). */
export const rows = Array.from({ length: ROWS }, (_, index) => ({ name: `pug ${index}`, age: index % 15 }));

export const pugRows = Array.from({ length: PUGS }, (_, index) => ({ name: `pug ${index + 1}` }));
export const friendRows = Array.from({ length: FRIENDS }, (_, index) => ({ name: `friend ${index + 1}` }));

/** Pug i (1-based) is friends with 10 distinct friends spread over the whole friends table. */
export const friendshipPairs: Array<[pugId: number, friendId: number]> = pugRows.flatMap((_, pugIndex) =>
  Array.from({ length: FRIENDS_PER_PUG }, (_, k) => [pugIndex + 1, ((pugIndex + k * (FRIENDS / FRIENDS_PER_PUG)) % FRIENDS) + 1] as [number, number]),
);

export const workloadNames = {
  findAll: 'findAll 10,000 rows',
  findByPk: 'findByPk × 1,000',
  bulkCreate: 'bulkCreate 10,000 rows',
  create: 'create × 1,000 in a transaction',
  include: '1,000 pugs × 10 friends via include',
  addFriends: 'addFriends of 1,000 friends',
  getFriends: 'Promise.all of 1,000 getFriends()',
} as const;
