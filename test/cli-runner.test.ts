import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from './support/cli-process.js';

/**
 * The batch-runner side of `sqletl run` (issue 6) as users see it, in child
 * processes: progress on stderr (a real terminal through util-linux `script`, and a
 * pipe), the summary, --report, --continue-on-error, --resume with the hint the
 * error prints, `sqletl history`, and --dry-run's checks writing nothing.
 * Needs `npm run build` (the CLI runs from dist/).
 */

let root: string;
let dir: string;

const sqletl = (args: string[]) => runCli(args, dir);

/** Runs the CLI with stdin/stdout/stderr on a pseudo-terminal; returns what the terminal showed. */
function onTerminal(args: string[]): { code: number | null; screen: string } {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qefc', command, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, TERM: 'xterm', NO_COLOR: '1' } });
  return { code: r.status, screen: r.stdout };
}

const JOB = `CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY, name text NOT NULL, qty int);
COPY items FROM 'items.csv' WITH (FORMAT csv, HEADER true);
UPDATE items SET qty = qty + 1 WHERE id <= 2;
SELECT count(*) AS n, sum(qty) AS qty FROM items;
`;

beforeAll(() => {
  if (!existsSync(resolve('dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before the CLI tests');
  root = mkdtempSync(join(tmpdir(), 'sqletl-runner-'));
});

beforeEach(() => {
  dir = mkdtempSync(join(root, 'w-'));
  mkdirSync(join(dir, 'data'));
  const rows = ['id,name,qty', ...Array.from({ length: 2500 }, (_, i) => `${i + 1},item ${i + 1},${i % 7}`)];
  writeFileSync(join(dir, 'items.csv'), rows.join('\n') + '\n');
  writeFileSync(join(dir, 'job.sql'), JOB);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('progress and summary', () => {
  it('on a terminal: a live line per statement with a spinner and COPY rows, ending in ✓ lines', () => {
    const r = onTerminal(['run', 'job.sql', '--data', 'data', '--batch-size', '500']);
    expect(r.code).toBe(0);
    expect(r.screen).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] job\.sql statement 2 \(copy\) \d+\.\d s {2}[\d,]+ rows, [\d.]+ KB/);
    expect(r.screen).toMatch(/\r\u001b\[2K✓ job\.sql statement 2 \(copy\): done in \d+\.\d s/);
    expect(r.screen).toMatch(/✓ job\.sql statement 4 \(select\): done in/);
    expect(r.screen).toMatch(/ # \|\s+kind\s+\| rows \| read \| written \| rejected \|\s+ms/);
  });

  it('not on a terminal: nothing on stderr by default, plain lines with --progress, never on stdout', () => {
    const quiet = sqletl(['run', 'job.sql', '--data', 'data']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).not.toMatch(/statement \d \(/);
    expect(quiet.stdout).toMatch(/ 2 \| copy\s+\|\s+2500 \|\s+2500 \|\s+2500 \|\s+0 \|/);

    const lines = sqletl(['run', 'job.sql', '--data', 'data', '--progress']);
    expect(lines.code).toBe(0);
    expect(lines.stderr).toMatch(/^job\.sql statement 1 \(create\): started\njob\.sql statement 1 \(create\): done in \d+\.\d s\n/);
    expect(lines.stderr).not.toMatch(/\r|\u001b/);
    expect(lines.stdout).not.toMatch(/started|done in/);
  });

  it('--report writes the run as JSON, --json puts the counts in per-statement lines', () => {
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--report', 'out/report.json', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
    expect(report).toMatchObject({ status: 'succeeded', files: ['job.sql'], totals: { rowsWritten: 2502, rejected: 0 } });
    expect(report.runId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(report.statements.map((s: { kind: string }) => s.kind)).toEqual(['create', 'copy', 'update', 'select']);
    expect(report.statements[1]).toMatchObject({ rowsRead: 2500, inserted: 2500, rejected: 0 });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[1]).toMatchObject({ statement: 2, kind: 'copy', rowsRead: 2500, inserted: 2500 });
  });
});

describe('failures, resume and history', () => {
  const BROKEN = JOB.replace("'items.csv'", "'later.csv'");

  it('a failure names the run and the --resume command; resuming skips what completed', () => {
    writeFileSync(join(dir, 'job.sql'), BROKEN);
    const first = sqletl(['run', 'job.sql', '--data', 'data']);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/^job\.sql:2:1: cannot read .*later\.csv: no such file/);
    const m = /continue with: sqletl run job\.sql --resume (\d{8}-\d{6}-[0-9a-f]{4}) --data data/.exec(first.stderr);
    expect(m).not.toBeNull();
    expect(first.stdout).toMatch(/ 1 \| create \|/); // the summary shows what completed

    writeFileSync(join(dir, 'later.csv'), readFileSync(join(dir, 'items.csv')));
    const again = sqletl(['run', 'job.sql', '--data', 'data', '--resume', m![1]]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/ 1 \| create \| skipped \|/);
    expect(again.stdout).toMatch(/ 2 \| copy\s+\| done\s+\|\s+2500 \|/);

    const h = sqletl(['history', '--data', 'data']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(new RegExp(`${m![1]} \\| job\\.sql \\| \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ \\|\\s+\\d+\\.\\d s \\| succeeded \\(resumed 1×\\) \\|\\s+4/4 \\|\\s+2502 \\|\\s+0`));
    const json = sqletl(['history', '--data', 'data', '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(json[0]).toMatchObject({ id: m![1], status: 'succeeded', rowsWritten: 2502 });
    expect(json[0].statements).toHaveLength(4);
  });

  it('--continue-on-error runs the rest and exits 1; --fail-fast with it is a usage error', () => {
    writeFileSync(join(dir, 'job.sql'), BROKEN);
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--continue-on-error']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ 2 \| copy\s+\| failed \|/);
    expect(r.stdout).toMatch(/ 4 \| select \| done\s+\|/);
    expect(r.stderr).toMatch(/later\.csv: no such file/);
    expect(r.stderr).toMatch(/1 of 4 statements failed in run \d{8}-\d{6}-[0-9a-f]{4}/);
    expect(sqletl(['run', 'job.sql', '--data', 'data', '--continue-on-error', '--fail-fast']).code).toBe(2);
  });

  it('--resume of an unknown run is a usage error (exit 2)', () => {
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--resume', '20990101-000000-0000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no run 20990101-000000-0000 in the journal/);
  });
});

describe('--dry-run', () => {
  it('checks COPY sources and collections, prints the plan, and writes nothing', () => {
    writeFileSync(join(dir, 'job.sql'), `${JOB}INSERT INTO items SELECT id + 100000, name, qty FROM staging;\nCOPY missing FROM 'nope.csv' WITH (FORMAT csv, HEADER true);\n`);
    const before = readdirSync(join(dir, 'data'));
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/db\.getCollection\("items"\)|items/);
    expect(r.stderr).toMatch(/job\.sql:5:1: collection "staging" does not exist/);
    expect(r.stderr).toMatch(/job\.sql:6:1: COPY source .*nope\.csv is not readable: no such file/);
    expect(r.stderr).toMatch(/dry run: 2 problems found; nothing was written/);
    expect(r.stderr).not.toMatch(/"items" does not exist/); // created by statement 1
    expect(readdirSync(join(dir, 'data'))).toEqual(before);

    writeFileSync(join(dir, 'job.sql'), JOB);
    const ok = sqletl(['run', 'job.sql', '--data', 'data', '--dry-run']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/dry run: sources readable, collections present; nothing was written/);
    expect(readdirSync(join(dir, 'data'))).toEqual(before);
  });
});
