/**
 * generate_series over timestamps and numeric on long series, against PostgreSQL
 * (PGlite): the lowering numbers the steps up to a bound computed from the distance
 * (src/mongo/lower-series.ts); these series are long enough that a bound one too small,
 * a value drifting by a double's error or a month step that forgets its clamped day
 * would change the count, the sum or the last value. The short cases, joins and errors
 * are grammar cases (grammar-tests/series/).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { run } from '../src/index.js';

const QUERIES: Record<string, string> = {
  'hours of a leap year': "SELECT count(*) AS n, extract(epoch FROM min(g)) AS first, extract(epoch FROM max(g)) AS last FROM generate_series(timestamp '2024-01-01', timestamp '2024-12-31 23:30', interval '1 hour') g",
  'every 1.5 seconds of a day': "SELECT count(*) AS n, extract(epoch FROM max(g)) AS last FROM generate_series(timestamp '2024-06-01', timestamp '2024-06-02', interval '1.5 seconds') g",
  'months from a 31st over 40 years': "SELECT count(*) AS n, sum(extract(day FROM g)) AS days, extract(epoch FROM max(g)) AS last FROM generate_series(timestamp '2000-01-31 12:00', timestamp '2039-12-31', interval '1 month') g",
  'a mixed step over 200 years': "SELECT count(*) AS n, sum(extract(day FROM g)) AS days, extract(epoch FROM max(g)) AS last FROM generate_series(timestamp '1900-02-28 23:59:59', timestamp '2100-01-01', interval '1 year 2 months 3 days 04:05:06') g",
  'weeks back over 30 years': "SELECT count(*) AS n, extract(epoch FROM min(g)) AS last FROM generate_series(date '2030-01-01', date '2000-01-01', interval '-1 week') g",
  'quarters back from a 31st': "SELECT count(*) AS n, sum(extract(day FROM g)) AS days, extract(epoch FROM min(g)) AS last FROM generate_series(date '2030-03-31', date '1990-01-01', interval '-3 months') g",
  'months from the 1st over 1,000 years': "SELECT count(*) AS n, sum(extract(month FROM g)) AS months, extract(epoch FROM max(g)) AS last FROM generate_series(date '1500-01-01', date '2499-12-31', interval '1 month') g",
  'months from the 28th at noon, back': "SELECT count(*) AS n, sum(extract(day FROM g)) AS days, extract(epoch FROM min(g)) AS last FROM generate_series(timestamp '2030-02-28 12:30', timestamp '1980-01-01', interval '-1 month') g",
  'years from the 29th': "SELECT count(*) AS n, sum(extract(day FROM g)) AS days, extract(epoch FROM max(g)) AS last FROM generate_series(timestamp '2000-01-29', timestamp '2100-01-01', interval '1 year') g",
  'cents from 0 to 100': 'SELECT count(*) AS n, sum(g) AS total, max(g) AS last FROM generate_series(0, 100, 0.01) g',
  'thousandths down': 'SELECT count(*) AS n, sum(g) AS total, min(g) AS last FROM generate_series(5.5, -4.25, -0.001) g',
};

let pg: PGlite;
let dataDir: string;

beforeAll(async () => {
  pg = new PGlite();
  await pg.exec("SET TimeZone = 'UTC'");
  dataDir = mkdtempSync(join(tmpdir(), 'sqletl-series-'));
});

afterAll(async () => {
  await pg.close();
});

describe('generate_series on long series, as PostgreSQL', () => {
  for (const [name, sql] of Object.entries(QUERIES)) {
    it(name, async () => {
      const expected = await pg.query<Record<string, unknown>>(sql, [], { rowMode: 'object' });
      const res = await run(sql, { dataDir });
      const statement = res.statements[0];
      const columns = statement.columns ?? [];
      expect(columns).toEqual(Object.keys(expected.rows[0]));
      const got = (statement.rows ?? [])[0] ?? [];
      columns.forEach((c, i) => {
        const want = Number(expected.rows[0][c]);
        const value = Number(got[i]);
        expect(Math.abs(value - want), `${c}: sqletl ${value}, PostgreSQL ${want}`).toBeLessThanOrEqual(Math.abs(want) * 1e-12);
      });
    });
  }
});
