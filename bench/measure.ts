/** Median and throughput of an async operation, interleaved with its baseline so both see the same machine. */
export interface Measured {
  medianMs: number;
  opsPerSecond: number;
}

export async function compare(
  subject: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  iterations: number,
): Promise<{ subject: Measured; baseline: Measured }> {
  for (let i = 0; i < 20; i++) await Promise.all([subject(), baseline()]);
  const times = { subject: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < iterations; i++) {
    // Alternate which goes first, so neither always runs on a warmer cache.
    const order = i % 2 === 0 ? (["subject", "baseline"] as const) : (["baseline", "subject"] as const);
    for (const which of order) {
      const started = performance.now();
      await (which === "subject" ? subject() : baseline());
      times[which].push(performance.now() - started);
    }
  }
  const summarise = (samples: number[]): Measured => {
    const sorted = [...samples].sort((a, b) => a - b);
    const total = samples.reduce((sum, t) => sum + t, 0);
    return { medianMs: sorted[Math.floor(sorted.length / 2)]!, opsPerSecond: (samples.length / total) * 1000 };
  };
  return { subject: summarise(times.subject), baseline: summarise(times.baseline) };
}
