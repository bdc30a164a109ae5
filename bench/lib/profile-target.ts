/**
 * What the CPU profile records (`node --cpu-prof`, started by run.ts): each query of a
 * job through sqletl's `run()` once, exactly as the timings in the jobs table do.
 */
import { run } from '../../src/index.js';
import { loadJob, readSchema } from './jobs.js';

export async function profileTarget(jobName: string, dataDir: string): Promise<void> {
  const job = loadJob(jobName);
  const schema = readSchema();
  for (const q of job.queries) await run(q.sql, { dataDir, schema });
}
