/**
 * One fuzz worker thread (started by fuzz-runner.ts): checks inputs [from, to) of a
 * seeded run and reports each one; `begin` first, so the runner knows which input
 * a hang or a crash belongs to.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadParser } from '../../src/sql/parse.js';
import { SCHEMA_FILE } from './cases.js';
import { checkInput, FUZZ_VARS, loadCorpus, mutant, readFuzzSchema, type Profile } from './fuzz.js';

const { seed, from, to, profile } = workerData as { seed: number; from: number; to: number; profile: Profile };
await loadParser();
const corpus = loadCorpus();
const schema = readFuzzSchema(SCHEMA_FILE);
for (let i = from; i < to; i++) {
  parentPort!.postMessage({ begin: i });
  const { sql } = mutant(corpus, seed, i, profile);
  const t0 = performance.now();
  const verdict = await checkInput(sql, schema, FUZZ_VARS);
  parentPort!.postMessage({ i, ms: performance.now() - t0, verdict });
}
