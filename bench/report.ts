// Prints one markdown table per dialect: each contender's median and its ratio to the raw driver.
export type Results = Map<string, Map<string, number>>; // workload → contender → ms

export function printTable(title: string, contenders: readonly string[], results: Results): void {
  const [raw, ...others] = contenders;
  console.log(`\n${title}\n`);
  console.log(`| workload | ${contenders.join(' | ')} |`);
  console.log(`|---|${contenders.map(() => '---').join('|')}|`);
  for (const [workload, times] of results) {
    const base = times.get(raw!);
    const cell = (name: string) => {
      const time = times.get(name);
      if (time === undefined) return '–';
      return base === undefined ? `${time.toFixed(1)} ms` : `${time.toFixed(1)} ms (${(time / base).toFixed(2)}x)`;
    };
    console.log(`| ${workload} | ${base === undefined ? '–' : `${base.toFixed(1)} ms`} | ${others.map(cell).join(' | ')} |`);
  }
}

const middle = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * One table over several processes (workload → contender → a time per process): the median time, the
 * median of the per-process ratios to raw, and their range.
 */
export function printProcessesTable(title: string, runs: Map<string, Map<string, number[]>>, count: number): void {
  const contenders = [...new Set([...runs.values()].flatMap((times) => [...times.keys()]))];
  const [raw, ...others] = contenders;
  console.log(`\n${title} — ${count} processes: median time, median ratio to raw (range over the processes)\n`);
  console.log(`| workload | ${contenders.join(' | ')} |`);
  console.log(`|---|${contenders.map(() => '---').join('|')}|`);
  for (const [workload, times] of runs) {
    const base = times.get(raw!);
    const cell = (name: string) => {
      const own = times.get(name);
      if (own === undefined) return '–';
      if (base === undefined || base.length !== own.length) return `${middle(own).toFixed(1)} ms`;
      const ratios = own.map((time, index) => time / base[index]!);
      const low = Math.min(...ratios).toFixed(2);
      const high = Math.max(...ratios).toFixed(2);
      return `${middle(own).toFixed(1)} ms (${middle(ratios).toFixed(2)}x, ${low}–${high})`;
    };
    console.log(`| ${workload} | ${base === undefined ? '–' : `${middle(base).toFixed(1)} ms`} | ${others.map(cell).join(' | ')} |`);
  }
}
