/**
 * Data directories of `.ndjson` collections for tests that compare the engine reading the
 * text with it reading the column cache (src/io/collection-cache.ts): `cached` also writes
 * each file's cache. Each directory is removed by `cleanup`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { sourceStamp, writeCollectionCache } from '../../src/io/collection-cache.js';
import { readJsonLinesFile } from '../../src/io/data-files.js';

export function dataDirs(prefix: string): { make(collections: Record<string, object[]>, cached: boolean): string; cleanup(): void } {
  const dirs: string[] = [];
  return {
    make(collections, cached) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      for (const [name, docs] of Object.entries(collections)) {
        const f = join(dir, `${name}.ndjson`);
        writeFileSync(f, docs.map((d) => EJSON.stringify(d, { relaxed: true })).join('\n') + '\n');
        if (cached) writeCollectionCache(f, sourceStamp(f)!, readJsonLinesFile(f));
      }
      return dir;
    },
    cleanup() {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}
