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
