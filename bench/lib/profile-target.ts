/**
 * What the CPU profile records (`node --cpu-prof`, started by run.ts): each query of a
 * job through sqletl's `run()` once, exactly as the timings in the jobs table do.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../dist/index.js';
import { loadJob, readSchema } from './jobs.js';

export async function profileTarget(jobName: string, dataDir: string): Promise<void> {
  const job = loadJob(jobName);
  const schema = readSchema();
  // a write job changes its table: it runs on a copy of the data directory
  const dir = job.kind === 'write' ? mkdtempSync(join(tmpdir(), 'sqletl-bench-prof-data-')) : dataDir;
  if (dir !== dataDir) for (const c of job.collections) copyFileSync(join(dataDir, `${c}.ndjson`), join(dir, `${c}.ndjson`));
  try {
    for (const q of job.queries) await run(q.sql, { dataDir: dir, schema });
  } finally {
    if (dir !== dataDir) rmSync(dir, { recursive: true, force: true });
  }
}
