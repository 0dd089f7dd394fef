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

async function timeOnce(workload: Workload): Promise<number> {
  await workload.setup?.();
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

/**
 * For each workload in turn: the untimed warm-up rounds, then `rounds` timed rounds, back to back, so that a
 * contender's garbage is not billed to the next one. Contenders of one workload run right after each other,
 * so load from elsewhere on the machine drifts little between them. Medians in milliseconds, in order given.
 */
export async function medians(workloads: readonly Workload[]): Promise<number[]> {
  const results: number[] = [];
  for (const workload of workloads) {
    const warmUpStarted = performance.now();
    for (let round = 0; round < warmUpRounds || performance.now() - warmUpStarted < warmUpMs; round += 1) await timeOnce(workload);
    const times: number[] = [];
    for (let round = 0; round < rounds; round += 1) times.push(await timeOnce(workload));
    results.push(middle(times));
  }
  return results;
}
