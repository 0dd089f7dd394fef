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

/** One warm-up round, then the median of `rounds` timed rounds, in milliseconds. */
export async function median(workload: Workload): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round <= rounds; round += 1) {
    await workload.setup?.();
    const started = performance.now();
    await workload.run();
    const elapsed = performance.now() - started;
    await workload.teardown?.();
    if (round > 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
