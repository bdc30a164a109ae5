/**
 * Bad input to the CLI (issue 10): malformed collection files, bad options, missing
 * files and directories. Each gives one clear message on stderr — naming the file
 * and line when a data file is at fault — no stack trace, the documented exit code
 * (1 bad data or SQL, 2 bad usage), and leaves every data file byte-for-byte as it
 * was. Runs `node bin/sqletl` as a child process (needs `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';

const BIN = resolve('bin/sqletl');
let dir: string;
let before: Map<string, Buffer>;

function sqletl(args: string[], cwd = dir): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  for (const k of ['SQLETL_MONGODB_URI', 'MONGODB_URI', 'FORCE_COLOR', 'SQLETL_DEBUG']) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under the data directory, with its bytes. */
function snapshot(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(p, readFileSync(p));
    }
  };
  walk(root);
  return out;
}

/** One clear message: no stack frames, no "internal error". */
function expectCleanError(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('internal error');
  expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(4);
}

const FILES: Record<string, string | Buffer> = {
  'good.json': '[{"_id": 1, "name": "ann"}, {"_id": 2, "name": "bob"}]\n',
  'ragged.csv': 'a,b\n1,2\n3,4,5\n6,7\n',
  'badquote.csv': 'a,b\n1,x"y"\n',
  'unclosed.csv': 'a,b\n1,"open\n2,z\n',
  'duphead.csv': 'a,b,a\n1,2,3\n',
  'latin1.csv': Buffer.concat([Buffer.from('name,city\nann,Paris\nbob,K'), Buffer.from([0xf6]), Buffer.from('ln\n')]),
  'latin1.ndjson': Buffer.concat([Buffer.from('{"a": 1}\n{"a": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]),
  'broken.json': '[\n  {"_id": 1},\n  {"_id": 2,, "x": 1}\n]\n',
  'trailcomma.json': '[\n  {"_id": 1},\n]\n',
  'object.json': '{"_id": 1}\n',
  'scalars.json': '[{"_id": 1}, 42]\n',
  'broken.ndjson': '{"_id": 1}\n{"_id": 2}\n{"_id": 3, oops}\n{"_id": 4}\n',
  'arrayline.jsonl': '{"_id": 1}\n\n[1, 2]\n',
};

beforeAll(() => {
  if (!existsSync(resolve('dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before the CLI tests');
  dir = mkdtempSync(join(tmpdir(), 'sqletl-bad-input-'));
  mkdirSync(join(dir, 'data'));
  for (const [name, content] of Object.entries(FILES)) writeFileSync(join(dir, 'data', name), content);
  for (const name of Object.keys(FILES)) {
    const coll = name.replace(/\.[a-z]+$/, '');
    writeFileSync(join(dir, `${coll}.sql`), `SELECT 1 AS one;\nSELECT * FROM ${coll};\n`);
  }
  writeFileSync(join(dir, 'missing-coll.sql'), 'SELECT count(*) AS n FROM no_such_collection;\n');
  before = snapshot(join(dir, 'data'));
});

afterEach(() => {
  // whatever happened, no data file was touched
  expect(snapshot(join(dir, 'data'))).toEqual(before);
});

afterAll(() => {
  if (dir) {
    chmodSync(join(dir, 'data'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('malformed collection files: exit 1, the message names the file and line', () => {
  test.each([
    ['ragged', 'ragged.csv:3', /columns length is 2, got 3/],
    ['badquote', 'badquote.csv:2', /quote/i],
    ['unclosed', 'unclosed.csv:', /quote not closed/i],
    ['duphead', 'duphead.csv:1', /"a" appears twice in the header row/],
    ['latin1', 'latin1.csv:3:6', /invalid UTF-8/],
    ['latin1', 'latin1.ndjson:2:8', /invalid UTF-8/],
    ['broken', 'broken.json:3:13', /Expected double-quoted property name/],
    ['trailcomma', 'trailcomma.json:3:1', /Unexpected token ']'/],
    ['object', 'object.json:', /expected a JSON array of documents, found an object/],
    ['scalars', 'scalars.json:', /element 2 of the array is 42, not a document/],
    ['broken', 'broken.ndjson:3:12', /Expected double-quoted property name/],
    ['arrayline', 'arrayline.jsonl:3', /expected a document \(an object\), found an array/],
  ])('%s → %s', (coll, where, message) => {
    // each malformed file alone in its own data directory
    const file = where.split(':')[0];
    const data = join(dir, `data-${file.replace(/\W/g, '_')}`);
    mkdirSync(data);
    writeFileSync(join(data, file), FILES[file]);
    // --json for a few (the outcome does not depend on the file), plain output for all
    for (const json of coll === 'ragged' || coll === 'broken' ? [false, true] : [false]) {
      const r = sqletl(['run', `${coll}.sql`, '--data', data, ...(json ? ['--json'] : [])]);
      expect(r.code, r.stderr).toBe(1);
      expectCleanError(r.stderr);
      const first = r.stderr.split('\n')[0];
      // the failing statement (line 2 of the script), then the data file and line
      expect(first).toMatch(new RegExp(`^${coll}\\.sql:2:1: .*${where.replace(/[.]/g, '\\.')}`));
      expect(first).toMatch(message);
      // the first statement completed and was reported; nothing of the failed one
      if (json) expect(r.stdout.trim().split('\n').slice(0, -1).map((l) => (JSON.parse(l) as { statement: number }).statement)).toEqual([1]);
      else expect(r.stdout).toContain('(1 row)');
    }
    expect(readFileSync(join(data, file))).toEqual(Buffer.from(FILES[file]));
  });
});

describe('usage errors: exit 2, one line (more in cli.test.ts)', () => {
  test.each([
    [['run', 'good.sql', '--data'], /option '--data <dir>' argument missing/],
    [['run', 'good.sql', '--percentiles', 'median'], /argument 'median' is invalid/],
    [['explain', 'good.sql', '--json'], /unknown option '--json'/],
    [['run', 'good.sql', 'no-such-file.sql'], /no-such-file\.sql: no such file/],
    [['run', 'good.sql', '--schema', 'no-such-schema.sql'], /no-such-schema\.sql: no such file/],
    [['run', 'good.sql', '--data', 'no-such-dir'], /--data no-such-dir: no such directory/],
    [['run', 'good.sql', '--data', 'good.sql'], /--data good\.sql: not a directory/],
  ])('sqletl %j', (args, message) => {
    const r = sqletl(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expectCleanError(r.stderr);
  });

  test('nothing runs when a later file is missing', () => {
    const r = sqletl(['run', 'good.sql', 'no-such-file.sql', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('missing things that are not errors, or are errors of the run', () => {
  test('a collection that does not exist is an error at its name (issue 20)', () => {
    const r = sqletl(['run', 'missing-coll.sql']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^missing-coll\.sql:\d+:\d+: relation "no_such_collection" does not exist\n/);
    expectCleanError(r.stderr);
  });

  test('with --allow-missing a collection that does not exist is empty, with a warning on stderr', () => {
    const r = sqletl(['run', 'missing-coll.sql', '--json', '--allow-missing']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.split('\n')[0])).toMatchObject({ columns: ['n'], rows: [[0]] });
    expect(r.stderr).toMatch(/^warning: statement 1: collection "no_such_collection" does not exist in .*data: read as empty\n$/);
  });

  test('SELECT * over a collection that does not exist prints an empty table', () => {
    writeFileSync(join(dir, 'nothing.sql'), 'SELECT * FROM nothing_here;\n');
    const r = sqletl(['run', 'nothing.sql', '--allow-missing']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--\n\(0 rows\)\n/);
  });

  test('without --data, a missing ./data is an error of the statement that reads a collection', () => {
    const empty = mkdtempSync(join(tmpdir(), 'sqletl-no-data-'));
    try {
      writeFileSync(join(empty, 'q.sql'), 'SELECT 1 AS one;\nSELECT * FROM orders;\n');
      const r = sqletl(['run', 'q.sql', '--json'], empty);
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toMatch(/^q\.sql:2:1: data directory .*data does not exist/);
      expectCleanError(r.stderr);
      // a statement that reads no collection needs no data directory
      expect(JSON.parse(r.stdout.split('\n')[0])).toMatchObject({ rows: [[1]] });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('a SQL file that is not UTF-8 is bad SQL at the bad byte, not a silently changed literal', () => {
    writeFileSync(join(dir, 'latin1-sql.sql'), Buffer.concat([Buffer.from("SELECT 1;\nSELECT 'K"), Buffer.from([0xf6]), Buffer.from("ln' AS city;\n")]));
    const r = sqletl(['run', 'latin1-sql.sql']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^latin1-sql\.sql:2:10: invalid UTF-8/);
    expect(lines[2]).toMatch(/^\s+\^$/);
    expectCleanError(r.stderr);
  });
});

describe('a read-only data directory', () => {
  test('reads still work and nothing changes', () => {
    const ro = join(dir, 'data');
    for (const f of readdirSync(ro)) chmodSync(join(ro, f), 0o444);
    chmodSync(ro, 0o555);
    try {
      const r = sqletl(['run', 'good.sql', '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { rows: unknown[][] });
      expect(lines[1].rows).toEqual([[1, 'ann'], [2, 'bob']]);
    } finally {
      chmodSync(ro, 0o755);
    }
  });
});
