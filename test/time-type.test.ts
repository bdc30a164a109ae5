/**
 * The type `time` (src/ir/time-of-day.ts, src/mongo/lower-time.ts): the text sqletl
 * holds for a time, and what PostgreSQL would not show in a result (it aborts where
 * sqletl sends rows to the rejects). Results are compared with PostgreSQL in
 * grammar-tests/time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../src/index.js';
import { formatTime, readTime, roundTime } from '../src/ir/time-of-day.js';

describe('time text', () => {
  test('read as PostgreSQL reads it, printed as it prints it', () => {
    const shown = (t: string) => {
      const r = readTime(t);
      return 'micros' in r ? formatTime(r.micros) : r;
    };
    expect(shown('8:00')).toBe('08:00:00');
    expect(shown('8:00 PM')).toBe('20:00:00');
    expect(shown('12:00 am')).toBe('00:00:00');
    expect(shown('12:15pm')).toBe('12:15:00');
    expect(shown('1:2:3')).toBe('01:02:03');
    expect(shown('08:00:00.')).toBe('08:00:00');
    expect(shown('24:00')).toBe('24:00:00');
    expect(shown('23:59:59.9999995')).toBe('24:00:00');
    expect(shown('23:59:59.0000005')).toBe('23:59:59'); // half to even, as PostgreSQL's rint
    expect(shown('10:11:12.500')).toBe('10:11:12.5');
    expect(shown('2024-01-02 03:04:05.06')).toEqual({ unsupported: '2024-01-02 03:04:05.06' });
    expect(shown('03:04:05-07:30')).toBe('03:04:05');
    expect(shown('allballs')).toBe('00:00:00');
    expect(shown('25:00')).toEqual({ error: 'out-of-range' });
    expect(shown('24:00:00.000001')).toEqual({ error: 'out-of-range' });
    expect(shown('13:00 PM')).toEqual({ error: 'out-of-range' });
    expect(shown('10:60')).toEqual({ error: 'out-of-range' });
    expect(shown('noon')).toEqual({ error: 'invalid' });
    expect(shown('now')).toEqual({ unsupported: 'now' });
    expect(shown('040506')).toEqual({ unsupported: '040506' });
    expect(shown('08:00 PST')).toEqual({ unsupported: '08:00 PST' });
  });

  test('time(p) rounds half up, and past 23:59:59 to 24:00:00', () => {
    expect(formatTime(roundTime(45_296_789_000, 2))).toBe('12:34:56.79');
    expect(formatTime(roundTime(86_399_500_000, 0))).toBe('24:00:00');
    expect(formatTime(roundTime(36_000_250_000, 1))).toBe('10:00:00.3');
  });

  test('the text of times sorts as the times do', () => {
    const times = ['24:00:00', '00:00:00.000001', '00:00:00', '12:00:00.5', '12:00:00.25', '12:00:00.05', '12:00:00', '09:59:59.999999'];
    const micros = (t: string) => (readTime(t) as { micros: number }).micros;
    expect([...times].sort()).toEqual([...times].sort((a, b) => micros(a) - micros(b)));
  });
});

describe('time columns', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'sqletl-time-'));

  test('INSERT: text PostgreSQL refuses goes to the rejects with its messages; text sqletl does not read fails the statement', async () => {
    const result = await run(
      `CREATE TABLE shifts (id int, starts time);
       INSERT INTO shifts VALUES (1, '08:00'), (2, '25:00'), (3, 'soon'), (4, '24:00:00.5'), (5, NULL);
       SELECT id, starts FROM shifts ORDER BY id;
       SELECT row, reasons FROM shifts__rejects;`,
      { dataDir: dir() },
    );
    expect(result.statements[1]).toMatchObject({ kind: 'insert', inserted: 2, rejected: 3 });
    expect(result.statements[2].rows).toEqual([[1, '08:00:00'], [5, null]]);
    const rejects = result.statements[3].rows!.map(([row, reasons]) => [(row as { id: unknown }).id, reasons]);
    expect(rejects).toEqual(
      expect.arrayContaining([
        [2, ['date/time field value out of range: "25:00"']],
        [3, ['invalid input syntax for type time: "soon"']],
        [4, ['date/time field value out of range: "24:00:00.5"']],
      ]),
    );
    await expect(run(`CREATE TABLE t (id int, at time); INSERT INTO t VALUES (1, '040506');`, { dataDir: dir() })).rejects.toThrow(/reading "040506" as time is not supported yet/);
  });

  test('COPY FROM a CSV file into a time(p) column: rounded, rejects with their lines', async () => {
    const d = dir();
    writeFileSync(join(d, 'in.csv'), 'id,at\n1,08:00:00.123456\n2,1:30 pm\n3,24:00:01\n4,\n5,later\n');
    const result = await run(
      `CREATE TABLE visits (id int, at time(3));
       COPY visits FROM '${join(d, 'in.csv')}' WITH (FORMAT csv, HEADER true);
       SELECT id, at FROM visits ORDER BY id;
       SELECT line, reasons FROM visits__rejects ORDER BY line;`,
      { dataDir: d },
    );
    expect(result.statements[2].rows).toEqual([[1, '08:00:00.123'], [2, '13:30:00'], [4, null]]);
    expect(result.statements[3].rows).toEqual([
      [4, ['date/time field value out of range: "24:00:01"']],
      [6, ['invalid input syntax for type time: "later"']],
    ]);
  });

  test('a data file holding PostgreSQL\'s text of times, declared by --schema', async () => {
    const d = dir();
    writeFileSync(join(d, 'slots.json'), JSON.stringify([{ _id: 1, at: '09:30:00' }, { _id: 2, at: '17:00:00.5' }, { _id: 3 }]));
    const result = await run(`SELECT _id, at + interval '30 minutes' AS later, extract(epoch FROM at) AS s FROM slots WHERE at > '09:00' ORDER BY at DESC;`, {
      dataDir: d,
      schema: 'CREATE TABLE slots (_id int, at time);',
    });
    expect(result.statements[0].rows).toEqual([[2, '17:30:00.5', 61200.5], [1, '10:00:00', 34200]]);
  });
});
