/** Timing and memory helpers shared by the benchmark phases. */

export const now = (): number => performance.now();

/** Runs `fn` `reps` times; returns every duration (ms) and the last result. */
export async function timeReps<T>(reps: number, fn: () => T | Promise<T>): Promise<{ ms: number[]; result: T }> {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < reps; i++) {
    const t = now();
    result = await fn();
    ms.push(now() - t);
  }
  return { ms, result };
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Rounds to `d` decimals (for JSON output). */
export const round = (x: number, d = 1): number => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

/** Peak resident set size of this process so far, in MB (a high-water mark: it never goes down). */
export const peakRssMb = (): number => round(process.resourceUsage().maxRSS / 1024, 0);
export const rssMb = (): number => round(process.memoryUsage().rss / 2 ** 20, 0);

/** Encourages a full collection between phases when node runs with --expose-gc. */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
