/**
 * Timing and memory helpers shared by the benchmark phases.
 *
 * Times are CPU time of this process (`process.cpuUsage()`, user + system, all threads)
 * unless named `wall…`: the development machine has 2 cores shared with other work, and
 * there a pipeline's wall-clock time moves by ±20% from run to run while its CPU time
 * stays within a few percent. The work measured is single-threaded JavaScript or
 * WebAssembly, so CPU time is the time it takes on an idle core.
 */

export const now = (): number => performance.now();

/** CPU milliseconds used by this process since `since` (from `cpuMark()`). */
export const cpuMark = (): NodeJS.CpuUsage => process.cpuUsage();
export const cpuSince = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/** Runs `fn` once: its CPU and wall-clock milliseconds, and its result. */
export async function measure<T>(fn: () => T | Promise<T>): Promise<{ ms: number; wallMs: number; result: T }> {
  const c = cpuMark();
  const t = now();
  const result = await fn();
  return { ms: cpuSince(c), wallMs: now() - t, result };
}

/** Runs `fn` `reps` times; every duration (CPU ms, and wall ms) and the last result. */
export async function timeReps<T>(reps: number, fn: () => T | Promise<T>): Promise<{ ms: number[]; wallMs: number[]; result: T }> {
  const ms: number[] = [];
  const wallMs: number[] = [];
  let result!: T;
  for (let i = 0; i < reps; i++) {
    const m = await measure(fn);
    ms.push(m.ms);
    wallMs.push(m.wallMs);
    result = m.result;
  }
  return { ms, wallMs, result };
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

/** A full collection (node runs with --expose-gc in the benchmark's workers; otherwise nothing). */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
