// What every contender provides: named workloads, each timed as a median over rounds. `setup`/`teardown`
// run around every round untimed (a workload that writes puts the tables back as it found them).
export interface Workload {
  run: () => Promise<void>;
  setup?: () => Promise<void>;
  teardown?: () => Promise<void>;
}

export type Workloads = Record<string, Workload>;

/** A contender on one dialect: its workloads, built against freshly seeded tables, and how to close it. */
export interface Contender {
  workloads: Workloads;
  close: () => Promise<void>;
}

export const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
/**
 * Untimed rounds first, at least `warmUpRounds` and for at least `warmUpMs`: a workload of a few milliseconds is
 * otherwise timed while V8 is still optimizing it (addFriends ran 2–5x slower in its first ~10 rounds), and
 * the previous workload's garbage collection gets time to finish. Slow contenders stop after the rounds.
 */
export const warmUpRounds = 3;
export const warmUpMs = Number(process.env['BENCH_WARMUP_MS'] ?? 250);
/**
 * `BENCH_CLOCK=cpu` times this process's CPU (user + system) instead of the wall clock: steadier on a busy
 * machine, meaningful for in-process SQLite only (a database server's work is not counted).
 */
export const clock = process.env['BENCH_CLOCK'] === 'cpu' ? 'cpu' : 'wall';

function now(): number {
  if (clock === 'wall') return performance.now();
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Short-lived garbage of a random size, made untimed before each round. Two contenders timed in turn allocate
 * the same amount every cycle, so without it the young-generation collections fall at the same point of every
 * cycle: either while one contender's results are alive (every collection copies them, ~1.5x slower) or while
 * they are not, decided once per process. Shifting the phase at random makes every round pay the collections
 * its allocation costs on average, the same in every process.
 */
let seed = 0x2545f491;
let sink: unknown;
function shiftCollectionPhase(): void {
  seed = (seed * 1103515245 + 12345) >>> 0;
  const chunks = seed % 16_384;
  for (let index = 0; index < chunks; index += 1) sink = new Array(128);
}

async function timeOnce(workload: Workload): Promise<number> {
  await workload.setup?.();
  shiftCollectionPhase();
  const started = now();
  await workload.run();
  const elapsed = now() - started;
  await workload.teardown?.();
  return elapsed;
}

function middle(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function warmUp(workload: Workload): Promise<void> {
  const started = performance.now();
  for (let round = 0; round < warmUpRounds || performance.now() - started < warmUpMs; round += 1) await timeOnce(workload);
}

/**
 * Medians in milliseconds, in the order given. The first `alternating` workloads (the raw driver's and
 * joinery's: the ratio the targets are about) are warmed up, then timed round by round in turn, so load from
 * elsewhere on the machine that drifts during the run shifts both alike; their garbage is small. The others
 * (sequelize@6, whose garbage would be billed to whoever runs next) follow, each warmed up and timed back to back.
 */
export async function medians(workloads: readonly Workload[], alternating = 2): Promise<number[]> {
  const together = workloads.slice(0, alternating);
  for (const workload of together) await warmUp(workload);
  const times: number[][] = together.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, workload] of together.entries()) times[index]!.push(await timeOnce(workload));
  }
  const results = times.map(middle);
  for (const workload of workloads.slice(alternating)) {
    await warmUp(workload);
    const own: number[] = [];
    for (let round = 0; round < rounds; round += 1) own.push(await timeOnce(workload));
    results.push(middle(own));
  }
  return results;
}
