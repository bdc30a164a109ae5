/**
 * Runs a seeded fuzz campaign on worker threads (fuzz-worker.ts): both cores are
 * used, and an input that hangs or exhausts memory is caught — its worker is ended
 * and a new one goes on after it. Used by test/fuzz.test.ts and scripts/fuzz.ts.
 */
import { Worker } from 'node:worker_threads';
import { loadCorpus, mutant, type Profile, type Verdict } from './fuzz.js';

export interface FuzzOptions {
  seed: number;
  count: number;
  workers: number;
  profile: Profile;
  /** an input slower than this is a finding */
  slowMs: number;
  /** an input still running after this is a hang: its worker is ended */
  timeoutMs: number;
  /** heap limit of each worker, so a blow-up ends one worker, not the process */
  heapMb?: number;
  onProgress?: (done: number) => void;
}

export interface Finding {
  signature: string;
  count: number;
  first: { i: number; sql: string; origin: string; message: string; stack?: string };
}

export interface FuzzReport {
  inputs: number;
  compiled: number;
  rejected: number;
  failed: number;
  slow: number;
  hung: number;
  maxMs: number;
  maxAt: number;
  seconds: number;
  findings: Finding[];
}

/** Workers do not inherit a TypeScript loader: the boot module registers tsx, then loads fuzz-worker.ts. */
const BOOT = new URL('./fuzz-worker-boot.mjs', import.meta.url);

export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const corpus = loadCorpus();
  const findings = new Map<string, Finding>();
  const r: FuzzReport = { inputs: 0, compiled: 0, rejected: 0, failed: 0, slow: 0, hung: 0, maxMs: 0, maxAt: -1, seconds: 0, findings: [] };
  const started = performance.now();
  let fatal: Error | undefined;

  const record = (signature: string, i: number, message: string, stack?: string): void => {
    r.failed++;
    const f = findings.get(signature);
    if (f) f.count++;
    else {
      const { sql, origin } = mutant(corpus, o.seed, i, o.profile);
      findings.set(signature, { signature, count: 1, first: { i, sql, origin, message, stack } });
    }
  };

  const per = Math.ceil(o.count / o.workers);
  const ranges = Array.from({ length: o.workers }, (_, w) => ({ from: w * per, to: Math.min(o.count, (w + 1) * per) })).filter((x) => x.from < x.to);

  const runRange = (range: { from: number; to: number }): Promise<void> =>
    new Promise((resolveRange) => {
      const start = (from: number): void => {
        if (from >= range.to || fatal) return resolveRange();
        const worker = new Worker(BOOT, {
          workerData: { seed: o.seed, from, to: range.to, profile: o.profile },
          resourceLimits: { maxOldGenerationSizeMb: o.heapMb ?? 768 },
        });
        let current = from;
        let began = performance.now();
        let begun = false;
        let ended = false;
        const finish = (next: number | undefined): void => {
          if (ended) return;
          ended = true;
          clearInterval(watchdog);
          void worker.terminate();
          if (next === undefined) resolveRange();
          else start(next);
        };
        const failInput = (signature: string, message: string, stack?: string): void => {
          if (ended) return; // ending a finished worker makes it exit too
          if (!begun) {
            // the worker never started: every input would fail the same way
            fatal = new Error(`fuzz worker failed to start: ${message}`);
            return finish(undefined);
          }
          r.inputs++;
          record(signature, current, message, stack);
          finish(current + 1);
        };
        const watchdog = setInterval(() => {
          if (begun && performance.now() - began > o.timeoutMs) {
            r.hung++;
            failInput(`hang: no answer within ${o.timeoutMs} ms`, 'timed out');
          }
        }, 100);
        worker.on('message', (m: { begin: number } | { i: number; ms: number; verdict: Verdict }) => {
          if ('begin' in m) {
            begun = true;
            current = m.begin;
            began = performance.now();
            return;
          }
          r.inputs++;
          if (m.ms > r.maxMs) {
            r.maxMs = m.ms;
            r.maxAt = m.i;
          }
          if (m.ms > o.slowMs) {
            r.slow++;
            record(`slow: over ${o.slowMs} ms`, m.i, `${Math.round(m.ms)} ms`);
          }
          if (m.verdict.ok) {
            if (m.verdict.compiled) r.compiled++;
            else r.rejected++;
          } else record(m.verdict.signature, m.i, m.verdict.message, m.verdict.stack);
          o.onProgress?.(r.inputs);
          if (m.i === range.to - 1) finish(undefined);
        });
        worker.on('error', (err) => failInput(`worker crashed: ${err.message.slice(0, 80)}`, err.message, err.stack));
        worker.on('exit', (code) => failInput(`worker exited (${code})`, `exit code ${code}`));
      };
      start(range.from);
    });

  await Promise.all(ranges.map(runRange));
  if (fatal) throw fatal;
  r.seconds = (performance.now() - started) / 1000;
  r.findings = [...findings.values()].sort((a, b) => b.count - a.count);
  return r;
}
