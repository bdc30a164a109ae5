/**
 * Long fuzz runs of the compiler (issue 10). Every input is a seeded mutation of the
 * grammar-test corpus (test/support/fuzz.ts); each must compile, or throw a
 * SqlEtlError with a position, within a second. Worker threads use every core and
 * catch hangs (test/support/fuzz-runner.ts).
 *
 *   node --import tsx scripts/fuzz.ts --count 100000 --seed 1 [--workers 2] [--profile full|ci]
 *        [--slow-ms 1000] [--timeout-ms 10000] [--out report.json] [--no-minimize]
 *
 * Prints inputs, outcomes and one (minimised) example per distinct failure; exits 1
 * when anything failed. The same (seed, count, profile, corpus) gives the same inputs.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { loadParser } from '../src/sql/parse.js';
import { SCHEMA_FILE } from '../test/support/cases.js';
import { checkInput, FUZZ_VARS, readFuzzSchema, tokenize, type Profile } from '../test/support/fuzz.js';
import { runFuzz, type FuzzOptions } from '../test/support/fuzz-runner.js';

function parseArgs(argv: string[]): FuzzOptions & { out?: string; minimize: boolean } {
  const a: FuzzOptions & { out?: string; minimize: boolean } = {
    count: 10_000,
    seed: 1,
    workers: Math.max(1, availableParallelism()),
    profile: 'full',
    slowMs: 1000,
    timeoutMs: 10_000,
    minimize: true,
  };
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k];
    const num = (): number => {
      const v = Number(argv[++k]);
      if (!Number.isFinite(v)) throw new Error(`${flag} needs a number`);
      return v;
    };
    if (flag === '--count') a.count = num();
    else if (flag === '--seed') a.seed = num();
    else if (flag === '--workers') a.workers = num();
    else if (flag === '--slow-ms') a.slowMs = num();
    else if (flag === '--timeout-ms') a.timeoutMs = num();
    else if (flag === '--profile') a.profile = argv[++k] as Profile;
    else if (flag === '--out') a.out = argv[++k];
    else if (flag === '--no-minimize') a.minimize = false;
    else throw new Error(`unknown option ${flag} (see the header of scripts/fuzz.ts)`);
  }
  if (a.profile !== 'ci' && a.profile !== 'full') throw new Error('--profile is ci or full');
  return a;
}

/** Delta debugging over tokens: a short text (greedy) that still shows the same failure. */
async function minimize(sql: string, fails: (sql: string) => Promise<boolean>): Promise<string> {
  let toks = tokenize(sql);
  if (sql.length > 20_000) return sql;
  for (let chunk = Math.max(1, toks.length >> 1); chunk >= 1; chunk >>= 1) {
    for (let i = 0; i + chunk <= toks.length; ) {
      const candidate = [...toks.slice(0, i), ...toks.slice(i + chunk)];
      if (await fails(candidate.join(''))) toks = candidate;
      else i += chunk;
    }
  }
  return toks.join('');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let last = 0;
  const report = await runFuzz({
    ...args,
    onProgress: (done) => {
      if (performance.now() - last < 15_000) return;
      last = performance.now();
      process.stderr.write(`  ${done}/${args.count} inputs\n`);
    },
  });

  const minimal = new Map<string, string>();
  if (args.minimize) {
    await loadParser();
    const schema = readFuzzSchema(SCHEMA_FILE);
    for (const f of report.findings) {
      if (/^(hang|slow|worker)/.test(f.signature)) continue; // not reproducible in-process
      minimal.set(f.signature, await minimize(f.first.sql, async (sql) => {
        const v = await checkInput(sql, schema, FUZZ_VARS);
        return !v.ok && v.signature === f.signature;
      }));
    }
  }

  const lines = [
    `fuzz: seed ${args.seed}, profile ${args.profile}, ${report.inputs} inputs in ${report.seconds.toFixed(1)} s (${args.workers} workers)`,
    `  compiled ${report.compiled}, rejected with a positioned SqlEtlError ${report.rejected}, failed ${report.failed}` +
      ` (slow > ${args.slowMs} ms: ${report.slow}, hung > ${args.timeoutMs} ms: ${report.hung}); slowest ${report.maxMs.toFixed(0)} ms (input ${report.maxAt})`,
    `  distinct failures: ${report.findings.length}`,
  ];
  for (const f of report.findings) {
    const sql = minimal.get(f.signature) ?? f.first.sql;
    lines.push('', `× ${f.count}  ${f.signature}`, `  first: input ${f.first.i} (${f.first.origin}): ${f.first.message.slice(0, 200)}`);
    lines.push(`  sql${minimal.has(f.signature) ? ' (minimised)' : ''}: ${JSON.stringify(sql.length > 400 ? sql.slice(0, 400) + '…' : sql)}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (args.out) writeFileSync(args.out, JSON.stringify({ args: { ...args, onProgress: undefined }, report, minimal: Object.fromEntries(minimal) }, null, 2));
  process.exitCode = report.findings.length ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`fuzz: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 2;
});
