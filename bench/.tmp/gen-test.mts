import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCollection } from '/work/main/bench/lib/generate.ts';
const dir = mkdtempSync(join(tmpdir(), 'sqletl-bench-'));
for (const n of [100000]) {
  let t = performance.now();
  await writeCollection(dir, 'customers', n);
  await writeCollection(dir, 'flights', n);
  console.log(dir, n, performance.now() - t);
}
