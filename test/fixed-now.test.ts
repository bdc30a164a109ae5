/**
 * $$NOW is one instant for a whole command on MongoDB; the embedded engine writes it into
 * the pipeline before running (src/engine/fixed-now.ts). Before, compiled expressions read
 * mingo's clock per row: `timestamp 'now' = now()` was false for about 1 row in 1,000.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { fixNow } from '../src/engine/fixed-now.js';

describe('$$NOW on the embedded engine', () => {
  it('replaces every $$NOW expression by the instant, leaving $literal data alone', () => {
    const now = new Date('2026-12-07T02:00:00Z');
    const pipeline = [{ $set: { a: '$$NOW', b: { $eq: ['$t', '$$NOW'] }, c: { $literal: '$$NOW' }, d: ['$$NOW', 1] } }, { $lookup: { from: 'x', pipeline: [{ $match: { $expr: { $lt: ['$t', '$$NOW'] } } }], as: 'j' } }];
    const out = fixNow(pipeline, now);
    expect(out).toEqual([
      { $set: { a: { $literal: now }, b: { $eq: ['$t', { $literal: now }] }, c: { $literal: '$$NOW' }, d: [{ $literal: now }, 1] } },
      { $lookup: { from: 'x', pipeline: [{ $match: { $expr: { $lt: ['$t', { $literal: now }] } } }], as: 'j' } },
    ]);
    expect((pipeline[0] as { $set: { a: unknown } }).$set.a).toBe('$$NOW');
  });

  it('every row of one statement sees the same now()', async () => {
    const res = await run("SELECT count(*) FILTER (WHERE timestamp 'now' = now()) AS same, count(DISTINCT now()) AS instants, count(*) AS n FROM generate_series(1, 100000) g", { dataDir: mkdtempSync(join(tmpdir(), 'sqletl-now-')) });
    expect(res.statements[0].rows).toEqual([[100000, 1, 100000]]);
  });
});
