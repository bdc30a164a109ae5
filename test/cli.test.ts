import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The CLI as users run it: `node bin/sqletl …` in a child process, over a temp
 * directory with a small data set. Needs `npm run build` first (`npm test` does it).
 */

const BIN = resolve('bin/sqletl');
const ANSI = /\u001b\[/;
let dir: string;

const PEOPLE = [
  { _id: 1, name: 'ann', age: 31, joined: { $date: '2024-01-31T00:00:00Z' }, profile: { city: 'Paris' } },
  { _id: 2, name: 'bob', age: 45, joined: { $date: '2023-06-15T12:30:00Z' }, profile: { city: 'Berlin' } },
  { _id: 3, name: "x'; DROP TABLE people; --", age: 7, joined: { $date: '2024-03-01T00:00:00Z' } },
];

function sqletl(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const base = { ...process.env };
  // the child must not pick up a server or colour settings from the developer's shell
  for (const k of ['SQLETL_MONGODB_URI', 'MONGODB_URI', 'NO_COLOR', 'FORCE_COLOR', 'SQLETL_DEBUG']) delete base[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

beforeAll(() => {
  if (!existsSync(resolve('dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before the CLI tests');
  dir = mkdtempSync(join(tmpdir(), 'sqletl-cli-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'people.json'), JSON.stringify(PEOPLE));
  write('select.sql', 'SELECT name, age FROM people WHERE age > 10 ORDER BY name;\n');
  write('params.sql', 'SELECT name, age FROM people WHERE age >= :min_age ORDER BY name;\n');
  write('hostile.sql', 'SELECT name FROM people WHERE name = :who;\nSELECT :who AS v;\n');
  write('dates.sql', 'SELECT name, joined, profile.city AS city FROM people WHERE name = \'ann\';\n');
  write('syntax.sql', 'SELECT 1;\n\nSELECT name\n  FROM people WHERE;\n');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sqletl run', () => {
  it('prints a psql-like table and a summary', () => {
    const r = sqletl(['run', 'select.sql']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ name \| age\n------\+-----\n ann  \|  31\n bob  \|  45\n\(2 rows\)\n/);
    expect(r.stdout).toMatch(/ # \|\s+kind\s+\| rows \| read \| written \| rejected \|\s+ms/);
    expect(r.stdout).toMatch(/ 1 \| select \|\s+2 \|/);
  });

  it('--json prints exactly one JSON object per statement per line', () => {
    const r = sqletl(['run', 'select.sql', 'dates.sql', '--json']);
    expect(r.code).toBe(0);
    const all = r.stdout.trimEnd().split('\n');
    // the statements' lines, then the run's {"summary": …} line (cli-json-summary.test.ts)
    expect(all).toHaveLength(3);
    expect(JSON.parse(all[2])).toMatchObject({ summary: { status: 'succeeded', statements: 2 } });
    const lines = all.slice(0, 2);
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ statement: 1, kind: 'select', columns: ['name', 'age'], rows: [['ann', 31], ['bob', 45]], rowCount: 2 });
    expect(typeof first.durationMs).toBe('number');
    // dates as ISO-8601 strings, nested paths as plain columns
    expect(second).toMatchObject({ columns: ['name', 'joined', 'city'], rows: [['ann', '2024-01-31T00:00:00.000Z', 'Paris']] });
  });

  it('binds --var values as numbers', () => {
    const r = sqletl(['run', 'params.sql', '--json', '--var', 'min_age=40']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.split('\n')[0])).toMatchObject({ rows: [['bob', 45]], rowCount: 1 });
  });

  it('types --var values: numbers and booleans, text otherwise (leading zeros stay text)', () => {
    write('vars.sql', 'SELECT :z AS z, :n AS n, :b AS b, :s AS s;\n');
    const r = sqletl(['run', 'vars.sql', '--json', '--var', 'z=01234', '--var', 'n=-2.5', '--var', 'b=true', '--var', 's=a=b']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.split('\n')[0])).toMatchObject({ rows: [['01234', -2.5, true, 'a=b']] });
  });

  it('keeps a hostile --var value a value, never SQL', () => {
    const r = sqletl(['run', 'hostile.sql', '--json', "--var=who=x'; DROP TABLE people; --"]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [match, echo] = r.stdout.trimEnd().split('\n').slice(0, -1).map((l) => JSON.parse(l) as { rows: unknown[][] });
    expect(match.rows).toEqual([["x'; DROP TABLE people; --"]]);
    expect(echo.rows).toEqual([["x'; DROP TABLE people; --"]]);
    // the collection is still there
    expect(sqletl(['run', 'select.sql', '--json']).stdout).toContain('"rowCount":2');
  });

  it('--dry-run prints the pipelines without running them, and checks the data directory', () => {
    const r = sqletl(['run', 'select.sql', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('db.getCollection("people").aggregate([');
    expect(r.stdout).not.toContain('(2 rows)');
    const missing = sqletl(['run', 'select.sql', '--dry-run', '--data', 'no-such-dir']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/data directory .*no-such-dir does not exist/);
  });

  it('--dry-run --json prints one line per statement with Extended JSON commands', () => {
    const r = sqletl(['run', 'select.sql', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout.split('\n')[0]) as { statement: number; commands: { aggregate: string }[] };
    expect(line).toMatchObject({ statement: 1, kind: 'select', commands: [{ aggregate: 'people' }] });
  });

  it('--quiet prints nothing on success', () => {
    const r = sqletl(['run', 'select.sql', '--quiet']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('runs the customer-analytics example', () => {
    const example = resolve('examples/customer-analytics');
    const r = sqletl(['run', join(example, 'job.sql'), '--data', join(example, 'data'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const results = r.stdout.trimEnd().split('\n').slice(0, -1).map((l) => JSON.parse(l) as { rowCount: number; columns: string[] });
    expect(results.length).toBeGreaterThanOrEqual(1);
    expect(results[0].columns).toContain('domain');
    for (const res of results) expect(res.rowCount).toBeGreaterThan(0);
  });
});

describe('sqletl explain', () => {
  it('prints mongosh code', () => {
    const r = sqletl(['explain', 'select.sql']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('db.getCollection("people").aggregate([');
    expect(r.stdout).toContain('$match');
    expect(r.stdout).toContain('// -- statement 1 (line 1)');
  });

  it('--format json prints valid JSON', () => {
    const r = sqletl(['explain', 'select.sql', '--format', 'json']);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as { statement: number; commands: { aggregate: string }[] }[];
    expect(parsed[0].statement).toBe(1);
    expect(parsed[0].commands[0].aggregate).toBe('people');
  });

  it('binds --var in explain', () => {
    const r = sqletl(['explain', 'params.sql', '--var', 'min_age=40']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\$gte: 40\b/);
  });
});

describe('errors and exit codes', () => {
  it('a syntax error exits 1 with file:line:col, the line and a caret', () => {
    const r = sqletl(['run', 'syntax.sql']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^syntax\.sql:4:\d+: /);
    expect(lines[1]).toContain('FROM people WHERE;');
    expect(lines[2]).toMatch(/^\s*\^$/);
    // the caret points at the offending token
    expect(lines[1][lines[2].length - 1]).toBe(';');
  });

  it('a missing --var is an error at its position', () => {
    const r = sqletl(['run', 'params.sql']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^params\.sql:1:\d+: .*min_age/);
  });

  it('an unknown option exits 2', () => {
    const r = sqletl(['run', 'select.sql', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
    expect(r.stdout).toBe('');
  });

  it('a missing file exits 2', () => {
    const r = sqletl(['run', 'nope.sql']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.sql');
    expect(sqletl(['explain', 'nope.sql']).code).toBe(2);
  });

  it('bad --var syntax exits 2', () => {
    expect(sqletl(['run', 'params.sql', '--var', 'min_age']).code).toBe(2);
    expect(sqletl(['run', 'params.sql', '--var', '1bad=3']).code).toBe(2);
  });

  it('no command, an unknown command or a bad --format exit 2', () => {
    expect(sqletl([]).code).toBe(2);
    expect(sqletl(['frob']).code).toBe(2);
    expect(sqletl(['explain', 'select.sql', '--format', 'xml']).code).toBe(2);
  });

  it('compiles every file before running any: bad SQL in the second file runs nothing', () => {
    const r = sqletl(['run', 'select.sql', 'syntax.sql']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^syntax\.sql:4:/);
  });
});

describe('help, version and colour', () => {
  it('--help explains options with examples', () => {
    for (const cmd of ['run', 'explain']) {
      const r = sqletl([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('--var <name=value>');
      expect(r.stdout).toContain('Examples:');
    }
    expect(sqletl(['run', '--help']).stdout).toContain('--dry-run');
    expect(sqletl(['explain', '--help']).stdout).toContain('--format');
  });

  it('--version prints the package version', () => {
    const r = sqletl(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('NO_COLOR wins over FORCE_COLOR; plain output has no ANSI codes', () => {
    // FORCE_COLOR alone colours, so the NO_COLOR checks below are not vacuous
    expect(sqletl(['explain', 'select.sql'], { FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
    expect(sqletl(['run', 'syntax.sql'], { FORCE_COLOR: '1' }).stderr).toMatch(ANSI);
    const explain = sqletl(['explain', 'select.sql'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(explain.stdout).not.toMatch(ANSI);
    const error = sqletl(['run', 'syntax.sql'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(error.stderr).not.toMatch(ANSI);
    expect(sqletl(['run', 'select.sql'], { NO_COLOR: '1' }).stdout).not.toMatch(ANSI);
  });

  it('explain --stage ir|plan shows the bound IR and the logical plan as JSON', () => {
    write('stages.sql', 'SELECT status, count(*) FROM orders WHERE amount > 5 GROUP BY status;\n');
    const plan = sqletl(['explain', 'stages.sql', '--stage', 'plan']);
    expect(plan.code).toBe(0);
    const planJson = JSON.parse(plan.stdout) as { plan: { kind: string; input: { kind: string } } }[];
    expect(planJson[0].plan.kind).toBe('project');
    expect(planJson[0].plan.input.kind).toBe('group');
    const ir = JSON.parse(sqletl(['explain', 'stages.sql', '--stage', 'ir']).stdout) as { ir: { kind: string; query: { groupBy: unknown[] } } }[];
    expect(ir[0].ir.kind).toBe('select');
    expect(ir[0].ir.query.groupBy).toHaveLength(1);
    expect(sqletl(['explain', 'stages.sql', '--stage', 'nope']).code).toBe(2);
  });
});

describe('--dialect', () => {
  it('runs T-SQL (TOP, brackets, ISNULL, @var) and reports a dialect error with its position', () => {
    write('tsql.sql', "SELECT TOP 1 [name], ISNULL(profile.city, 'n/a') AS city FROM people WHERE age > @min_age ORDER BY age DESC;\n");
    const r = sqletl(['run', 'tsql.sql', '--dialect', 'tsql', '--var', 'min_age=10', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout.trim().split('\n')[0]);
    expect(line.columns).toEqual(['name', 'city']);
    expect(line.rows).toEqual([['bob', 'Berlin']]);
    // the same file is not PostgreSQL
    expect(sqletl(['run', 'tsql.sql', '--var', 'min_age=10']).code).toBe(1);
    write('bad-tsql.sql', 'SELECT 1;\nSELECT TOP 5 PERCENT name FROM people;\n');
    const bad = sqletl(['run', 'bad-tsql.sql', '--dialect', 'tsql']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad-tsql.sql:2:14: TOP … PERCENT is not supported in T-SQL (--dialect tsql)');
  });

  it('explain --dialect mysql prints the pipeline of a backtick query; an unknown dialect exits 2', () => {
    write('mysql.sql', 'SELECT `name`, IFNULL(age, 0) AS age FROM people LIMIT 1, 1;\n');
    const r = sqletl(['explain', 'mysql.sql', '--dialect', 'mysql']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('db.getCollection("people").aggregate(');
    expect(r.stdout).toContain('$skip');
    expect(sqletl(['explain', 'mysql.sql', '--dialect', 'oracle']).code).toBe(2);
  });
});

describe('build', () => {
  it("dist/ runs mingo's ES-module build, bundled (scripts/bundle-mingo.mjs), not its CommonJS build", () => {
    const text = readFileSync(resolve('dist/engine/mingo-runtime.js'), 'utf8');
    expect(text).not.toMatch(/\brequire\(|__toCommonJS/);
    expect(text).toMatch(/export \{/);
    expect(text.length).toBeGreaterThan(50_000); // the operators themselves, not re-exports of 'mingo/…'
    expect(text).not.toMatch(/from ["']mingo\//);
  });
});
