/**
 * COPY at scale: a deterministic CSV of at least 1 GB (by default) is generated into
 * bench/.tmp, then loaded with `COPY … FROM` twice, each in its own child process so
 * peak RSS is the load's own: by sqletl's embedded engine, and by PostgreSQL (PGlite)
 * as the reference of the same run. Reports wall time, rows/s, MB/s and peak RSS
 * (process.resourceUsage().maxRSS), checks that both loaded every row, and deletes
 * the generated file and data afterwards.
 *
 *   npm run bench:copy                       # 1 GB (1024 MiB)
 *   npm run bench:copy -- --mb 64            # a smaller file
 *   npm run bench:copy -- --only sqletl      # skip the PGlite reference
 *   npm run bench:copy -- --batch-size 5000  # sqletl's COPY batch size (default 1000)
 *   npm run bench:copy -- --note-bytes 40    # narrow rows (default 1900: rows of about 1.6 KB)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { prng } from '../test/support/prng.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const TMP = join(HERE, '.tmp');
const COLUMNS = 'id bigint, name text, email text, amount numeric, active boolean, signup date, seen_at timestamp, note text';

interface Args {
  mb: number;
  only?: 'sqletl' | 'pglite';
  batchSize: number;
  keep: boolean;
  /** average length of the free-text column: rows are about 110 bytes plus this */
  noteBytes: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { mb: 1024, batchSize: 1000, keep: false, noteBytes: 1900 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--mb') a.mb = Number(argv[++i]);
    else if (k === '--only') a.only = argv[++i] as Args['only'];
    else if (k === '--batch-size') a.batchSize = Number(argv[++i]);
    else if (k === '--keep') a.keep = true;
    else if (k === '--note-bytes') a.noteBytes = Number(argv[++i]);
    else throw new Error(`unknown option ${k}`);
  }
  return a;
}

/**
 * The CSV: one header line, then rows until the size is reached; same options, same
 * bytes. A row is about 110 bytes plus a free-text note of `noteBytes` on average
 * (quoted, with commas; empty — NULL — in one row of ten).
 */
async function generate(file: string, bytes: number, noteBytes: number): Promise<{ rows: number; bytes: number }> {
  const r = prng(20261122);
  const out = createWriteStream(file);
  const header = 'id,name,email,amount,active,signup,seen_at,note\n';
  out.write(header);
  let written = Buffer.byteLength(header);
  let rows = 0;
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];
  const day = 86_400_000;
  const t0 = Date.UTC(2020, 0, 1);
  while (written < bytes) {
    const lines: string[] = [];
    for (let k = 0; k < 10_000; k++) {
      rows++;
      const name = `${words[Math.floor(r() * 12)]} ${words[Math.floor(r() * 12)]}`;
      const email = `user${rows}@example.org`;
      const amount = (Math.floor(r() * 10_000_000) / 100).toFixed(2);
      const active = r() < 0.7 ? 'true' : 'false';
      const signup = new Date(t0 + Math.floor(r() * 1800) * day).toISOString().slice(0, 10);
      const seen = new Date(t0 + Math.floor(r() * 1800 * 86_400) * 1000).toISOString().slice(0, 19).replace('T', ' ');
      let note = '';
      if (r() >= 0.1) {
        const target = Math.floor(r() * 2 * noteBytes);
        const parts: string[] = [];
        for (let len = 0; len < target; len += 8) parts.push(words[Math.floor(r() * 12)]);
        note = `"${parts.join(', ')}"`;
      }
      lines.push(`${rows},${name},${email},${amount},${active},${signup},${seen},${note}`);
    }
    const chunk = lines.join('\n') + '\n';
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows, bytes: written };
}

interface ChildResult {
  engine: string;
  ms: number;
  rows: number;
  maxRssMb: number;
  /** sqletl: rows/s over the first and the last tenth of the rows (equal when batches cost the same however full the collection) */
  firstTenthRowsPerSec?: number;
  lastTenthRowsPerSec?: number;
  /** sqletl: resident memory when a quarter, half, three quarters and all of the rows were read */
  rssAtQuartersMb?: number[];
}

/** Runs this file as a child in `mode`; its last stdout line is its JSON result. */
async function child(mode: string, csv: string, dir: string, batchSize: number, rows: number): Promise<ChildResult> {
  const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, csv, dir, String(batchSize)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, COPY_BENCH_ROWS: String(rows) },
  });
  let out = '';
  p.stdout.on('data', (d) => (out += d));
  const [code] = await once(p, 'exit');
  if (code !== 0) throw new Error(`${mode} child exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

/** sqletl: `COPY t FROM 'file'` into the embedded engine; the loaded rows are counted from the collection file afterwards. */
async function childSqletl(csv: string, dir: string, batchSize: number): Promise<ChildResult> {
  const { run } = await import('../src/index.js');
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  const total = Number(process.env.COPY_BENCH_ROWS);
  const progress: { ms: number; rows: number }[] = [];
  const quarters: number[] = [];
  const started = performance.now();
  const r = await run(`CREATE TABLE big (${COLUMNS}); COPY big FROM '${csv}' WITH (FORMAT csv, HEADER);`, {
    dataDir: data,
    batchSize,
    onProgress: (e) => {
      if (e.statement !== 2) return;
      if (e.phase === 'start') progress.push({ ms: performance.now() - started, rows: 0 });
      if (e.rowsRead === undefined) return;
      progress.push({ ms: performance.now() - started, rows: e.rowsRead });
      if (e.rowsRead >= ((quarters.length + 1) * total) / 4) quarters.push(process.memoryUsage().rss / 1048576);
    },
  });
  const ms = performance.now() - started;
  const copy = r.statements[1];
  if ((copy.rejected ?? 0) > 0) throw new Error(`${copy.rejected} rows rejected`);
  const rate = (from: number, to: number): number | undefined => {
    const a = progress.find((p) => p.rows >= from);
    const b = progress.find((p) => p.rows >= to);
    return a && b && b.ms > a.ms ? Math.round((b.rows - a.rows) / ((b.ms - a.ms) / 1000)) : undefined;
  };
  return {
    engine: 'sqletl (embedded)',
    ms,
    rows: await countLines(join(data, 'big.ndjson')),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    firstTenthRowsPerSec: rate(total * 0.0, total * 0.1),
    lastTenthRowsPerSec: rate(total * 0.9, total * 0.999),
    rssAtQuartersMb: quarters.map(Math.round),
  };
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const _ of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) n++;
  return n;
}

/**
 * PGlite: the same file through `COPY t FROM '/dev/blob'`, in chunks of 32 MB cut at
 * line ends (a 1 GB blob would itself sit in memory), into a database on disk.
 */
async function childPglite(csv: string, dir: string): Promise<ChildResult> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(join(dir, 'pg'));
  await db.waitReady;
  await db.exec(`SET TIME ZONE 'UTC'; CREATE TABLE big (${COLUMNS});`);
  const started = performance.now();
  const fh = await open(csv);
  const CHUNK = 32 * 1024 * 1024;
  let carry = Buffer.alloc(0);
  let first = true;
  for (;;) {
    const buf = Buffer.alloc(CHUNK);
    const { bytesRead } = await fh.read(buf, 0, CHUNK);
    const data = Buffer.concat([carry, buf.subarray(0, bytesRead)]);
    const end = bytesRead === 0 ? data.length : data.lastIndexOf(0x0a) + 1;
    if (end > 0) {
      await db.query(`COPY big FROM '/dev/blob' WITH (FORMAT csv${first ? ', HEADER' : ''})`, [], { blob: new Blob([data.subarray(0, end)]) });
      first = false;
    }
    carry = Buffer.from(data.subarray(end));
    if (bytesRead === 0) break;
  }
  await fh.close();
  const ms = performance.now() - started;
  const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM big');
  await db.close();
  return { engine: 'PostgreSQL (PGlite)', ms, rows: count.rows[0].n, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function dirSize(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return total;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const [, mode, csv, dir, batch] = argv;
    const res = mode === 'sqletl' ? await childSqletl(csv, dir, Number(batch)) : await childPglite(csv, dir);
    process.stdout.write(JSON.stringify(res) + '\n');
    return;
  }
  const args = parseArgs(argv);
  mkdirSync(TMP, { recursive: true });
  const csv = resolve(TMP, `copy-${args.mb}mb.csv`);
  const runDir = join(TMP, `copy-run-${process.pid}`);
  try {
    const g0 = performance.now();
    const gen = await generate(csv, args.mb * 1024 * 1024, args.noteBytes);
    console.error(`generated ${csv}: ${(gen.bytes / 1048576).toFixed(0)} MiB, ${gen.rows.toLocaleString('en')} rows in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
    const results: ChildResult[] = [];
    for (const mode of ['sqletl', 'pglite'] as const) {
      if (args.only && args.only !== mode) continue;
      const dir = join(runDir, mode);
      mkdirSync(dir, { recursive: true });
      console.error(`loading with ${mode}…`);
      const res = await child(mode, csv, dir, args.batchSize, gen.rows);
      if (res.rows !== gen.rows) throw new Error(`${mode} loaded ${res.rows} rows, the file has ${gen.rows}`);
      console.error(`  ${mode}: ${(res.ms / 1000).toFixed(1)} s, stored ${(dirSize(dir) / 1048576).toFixed(0)} MiB`);
      results.push(res);
      rmSync(dir, { recursive: true, force: true });
    }
    const mib = gen.bytes / 1048576;
    console.log(`\nCOPY FROM a ${mib.toFixed(0)} MiB CSV (${gen.rows.toLocaleString('en')} rows of 8 columns, notes of ${args.noteBytes} bytes on average), batch size ${args.batchSize}; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}\n`);
    console.log('| engine | wall time | rows/s | MiB/s | peak RSS |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of results) {
      const s = r.ms / 1000;
      console.log(`| ${r.engine} | ${s.toFixed(1)} s | ${Math.round(r.rows / s).toLocaleString('en')} | ${(mib / s).toFixed(1)} | ${r.maxRssMb.toFixed(0)} MiB |`);
    }
    for (const r of results) {
      if (r.firstTenthRowsPerSec === undefined) continue;
      console.log(`\n${r.engine}: ${r.firstTenthRowsPerSec.toLocaleString('en')} rows/s over the first tenth of the rows, ${r.lastTenthRowsPerSec?.toLocaleString('en')} over the last; resident memory at 1/4, 1/2, 3/4, all rows read: ${r.rssAtQuartersMb?.join(', ')} MiB`);
    }
  } finally {
    if (!args.keep) rmSync(csv, { force: true });
    rmSync(runDir, { recursive: true, force: true });
  }
}

await main();
