import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, writeIn } from './support/cli-process.js';

/**
 * `run --strict-columns` (issue 20, item 3): without declared columns, a column
 * reference to a field none of the collection's sampled documents has is an error
 * at its position, with `did you mean`; without the flag it still reads as NULL.
 * Needs `npm run build` (the CLI runs from dist/).
 */

let root: string;
let dir: string;


const sqletl = (args: string[]) => runCli(args, dir);

const write = (rel: string, text: string) => writeIn(dir, rel, text);

beforeAll(() => {
  if (!existsSync(resolve('dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before the CLI tests');
  root = mkdtempSync(join(tmpdir(), 'sqletl-strict-columns-'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(() => {
  dir = mkdtempSync(join(root, 'w-'));
  // `nickname` is in one document only: it exists
  write(
    'data/customers.json',
    JSON.stringify([
      { _id: 1, email: 'ann@example.com', name: 'ann', profile: { city: 'Oslo' } },
      { _id: 2, email: 'bob@example.com', name: 'bob', nickname: 'B' },
    ]),
  );
  write('data/orders.json', JSON.stringify([{ _id: 10, customer_id: 1, amount: 5 }]));
  write('data/empty.json', '[]');
});

describe('run --strict-columns', () => {
  it('a misspelt field is an error at its position, with did you mean, exit 1', () => {
    write('job.sql', 'SELECT name,\n       emial\nFROM customers;\n');
    const r = sqletl(['run', 'job.sql', '--strict-columns']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(['job.sql:2:8: column "emial" does not exist', '         emial', '         ^', 'hint: did you mean "email"?', ''].join('\n'));
  });

  it('without the flag the typo still reads as NULL', () => {
    write('job.sql', 'SELECT name, emial FROM customers ORDER BY name;\n');
    const r = sqletl(['run', 'job.sql', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.split('\n')[0]).rows).toEqual([['ann', null], ['bob', null]]);
  });

  it('a qualified column, in WHERE, and without a close name: no hint', () => {
    write('job.sql', "SELECT c.name FROM customers c WHERE c.zzzzzz = 'x';\n");
    const r = sqletl(['run', 'job.sql', '--strict-columns']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(['job.sql:1:38: column c.zzzzzz does not exist', "  SELECT c.name FROM customers c WHERE c.zzzzzz = 'x';", '                                       ^', ''].join('\n'));
  });

  it('a nested path is checked by its first segment', () => {
    write('job.sql', 'SELECT profil.city FROM customers;\n');
    const r = sqletl(['run', 'job.sql', '--strict-columns']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('job.sql:1:8: column "profil" does not exist');
    expect(r.stderr).toContain('hint: did you mean "profile"?');
  });

  it('a correct job still runs: _id, a field of some documents, nested paths, joins, subqueries, CTEs, empty collections', () => {
    write(
      'job.sql',
      [
        'SELECT _id, name, nickname, profile.city AS city FROM customers ORDER BY _id;',
        // unqualified columns of a join: each name is in one collection's sample only
        'SELECT amount, name FROM orders o JOIN customers c ON customer_id = c._id;',
        'WITH big AS (SELECT customer_id AS who, amount * 2 AS twice FROM orders) SELECT who, twice FROM big;',
        'SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c._id);',
        'SELECT anything FROM empty;',
        // `email` is not in orders' sample: it is the outer query's, as in PostgreSQL
        'SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE customer_id = c._id AND email IS NOT NULL);',
        '',
      ].join('\n'),
    );
    const r = sqletl(['run', 'job.sql', '--strict-columns', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].rows).toEqual([[1, 'ann', null, 'Oslo'], [2, 'bob', 'B', null]]);
    expect(lines[1].rows).toEqual([[5, 'ann']]);
    expect(lines[2].rows).toEqual([[1, 10]]);
    expect(lines[3].rows).toEqual([['ann']]);
    expect(lines[4].rows).toEqual([]);
    expect(lines[5].rows).toEqual([['ann']]);
  });

  it('a collection the job writes is not checked after the write, nor one it creates', () => {
    write(
      'job.sql',
      [
        "INSERT INTO customers (_id, name, tier) VALUES (3, 'cy', 'gold');",
        'SELECT name, tier FROM customers WHERE tier IS NOT NULL;',
        'CREATE TABLE summary AS SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id;',
        'SELECT customer_id, total FROM summary;',
        '',
      ].join('\n'),
    );
    const r = sqletl(['run', 'job.sql', '--strict-columns', '--json', '--no-journal']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it("UPDATE and DELETE: the target's WHERE is checked, SET may add a field", () => {
    write('job.sql', "UPDATE customers SET tier = 'gold' WHERE nmae = 'ann';\n");
    const r = sqletl(['run', 'job.sql', '--strict-columns', '--no-journal']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(['job.sql:1:42: column "nmae" does not exist', "  UPDATE customers SET tier = 'gold' WHERE nmae = 'ann';", '                                           ^', 'hint: did you mean "name"?', ''].join('\n'));
    write('ok.sql', "UPDATE customers SET tier = 'gold' WHERE name = 'ann';\nDELETE FROM orders WHERE amount < 0;\n");
    expect(sqletl(['run', 'ok.sql', '--strict-columns', '--no-journal']).code).toBe(0);
  });

  it('a later file reads what an earlier file wrote unchecked', () => {
    write('a.sql', "INSERT INTO orders (_id, customer_id, amount, note) VALUES (11, 2, 3, 'rush');\n");
    write('b.sql', 'SELECT note FROM orders WHERE note IS NOT NULL;\n');
    const r = sqletl(['run', 'a.sql', 'b.sql', '--strict-columns', '--no-journal', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.split('\n')[1]).rows).toEqual([['rush']]);
  });

  it('--dry-run checks the columns too', () => {
    write('job.sql', 'SELECT nmae FROM customers;\n');
    const r = sqletl(['run', 'job.sql', '--strict-columns', '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('job.sql:1:8: column "nmae" does not exist');
    expect(r.stderr).toContain('hint: did you mean "name"?');
  });
});

describe('test --strict-columns', () => {
  it('a misspelt field makes the test an error (exit 1); a correct test passes', () => {
    write('tests/bad.sql', '-- customers without an email\nSELECT name FROM customers WHERE emial IS NULL;\n');
    const r = sqletl(['test', 'tests', '--strict-columns']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(['    tests/bad.sql:2:34: column "emial" does not exist', '      SELECT name FROM customers WHERE emial IS NULL;', '                                       ^', '    hint: did you mean "email"?'].join('\n'));
    write('tests/bad.sql', '-- customers without an email\nSELECT name FROM customers WHERE email IS NULL;\n');
    const ok = sqletl(['test', 'tests', '--strict-columns']);
    expect(ok.stdout).toContain('1 passed');
    expect(ok.code).toBe(0);
  });
});

describe('compile with sampledColumns (the library; no I/O)', () => {
  it('checks undeclared collections against the given names, not declared ones', async () => {
    const { compile } = await import('../src/index.js');
    const sampledColumns = { customers: ['_id', 'email', 'name'] };
    await expect(compile('SELECT emial FROM customers', { sampledColumns })).rejects.toMatchObject({ code: 'undefined-column', message: 'column "emial" does not exist', hints: ['did you mean "email"?'] });
    await expect(compile('SELECT email, _id FROM customers', { sampledColumns })).resolves.toBeDefined();
    // declared: the declaration decides; after an INSERT: unchecked
    await expect(compile('CREATE TABLE customers (id int, emial text); SELECT emial FROM customers', { sampledColumns })).resolves.toBeDefined();
    await expect(compile("INSERT INTO customers (_id, tier) VALUES (1, 'a'); SELECT tier FROM customers", { sampledColumns })).resolves.toBeDefined();
  });
});
