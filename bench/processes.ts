// `BENCH_PROCESSES=n`: the whole bench in n child processes, one after the other, and one table of their
// medians. A process settles into one of a few speeds for its whole life (how V8 laid out its heap, when its
// young-generation collections fall, what it chose to optimize), and both raw and joinery move with it, not
// always alike; a single process can land on either side. Every ratio is still raw and joinery measured in
// the same process; the table shows the middle process's ratio and the range over all of them.
import { spawnSync } from 'node:child_process';
import type { Results } from './report.js';

const marker = 'BENCH_RESULT ';

export const isChild = process.env['BENCH_CHILD'] === '1';

/** In a child: hands one dialect's results to the parent as one line. */
export function reportToParent(dialect: string, results: Results): void {
  const plain = [...results].map(([workload, times]) => [workload, [...times]]);
  console.log(`${marker}${JSON.stringify({ dialect, results: plain })}`);
}

export interface ProcessRuns {
  /** dialect → workload → contender → one time per process, in ms */
  times: Map<string, Map<string, Map<string, number[]>>>;
  titles: Map<string, string>;
}

export function runInProcesses(count: number): ProcessRuns {
  const runs: ProcessRuns = { times: new Map(), titles: new Map() };
  for (let index = 1; index <= count; index += 1) {
    console.log(`process ${index} of ${count}…`);
    const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      env: { ...process.env, BENCH_CHILD: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`bench process ${index} failed (exit ${child.status}):\n${child.stdout}`);
    for (const line of child.stdout.split('\n')) {
      if (line.startsWith('title ')) {
        const [dialect, ...title] = line.slice(6).split('\t');
        runs.titles.set(dialect!, title.join('\t'));
      }
      if (!line.startsWith(marker)) continue;
      const { dialect, results } = JSON.parse(line.slice(marker.length)) as { dialect: string; results: Array<[string, Array<[string, number]>]> };
      const byWorkload = runs.times.get(dialect) ?? new Map<string, Map<string, number[]>>();
      runs.times.set(dialect, byWorkload);
      for (const [workload, times] of results) {
        const byContender = byWorkload.get(workload) ?? new Map<string, number[]>();
        byWorkload.set(workload, byContender);
        for (const [contender, time] of times) byContender.set(contender, [...(byContender.get(contender) ?? []), time]);
      }
    }
  }
  return runs;
}
