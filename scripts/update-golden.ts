/**
 * Rewrites the expected files of every grammar case (DESIGN §7):
 * `<case>.pipeline.json` from compile(), and for `-- error` cases `<case>.error.txt`
 * from the SqlEtlError's format(). Stale files are removed (no pipeline.json when the
 * case does not compile, no error.txt for a case that is not an error case).
 * Review the diff before committing; CI never runs this.
 *
 *   npm run golden:update            # all cases
 *   npm run golden:update -- strings # only areas/cases whose path contains "strings"
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT, discoverCases, readSchema } from '../test/support/cases.js';
import { describeError, loadSqletl, runCase } from '../test/support/sqletl.js';

const filters = process.argv.slice(2);
const schema = readSchema();
const { errors } = await loadSqletl();

let written = 0;
let unchanged = 0;
let removed = 0;
const failures: string[] = [];

function write(path: string, text: string | undefined): void {
  const rel = relative(ROOT, path);
  if (text === undefined) {
    if (existsSync(path)) {
      rmSync(path);
      removed++;
      console.log(`removed  ${rel}`);
    }
    return;
  }
  if (existsSync(path) && readFileSync(path, 'utf8') === text) {
    unchanged++;
    return;
  }
  writeFileSync(path, text);
  written++;
  console.log(`wrote    ${rel}`);
}

const cases = discoverCases().filter((c) => filters.length === 0 || filters.some((f) => c.file.includes(f)));
for (const c of cases) {
  // error cases also run, since some errors only surface at run time
  const out = await runCase(c, schema, true);
  write(c.pipelinePath, out.pipeline);
  if (c.error) {
    const err = out.error;
    if (err instanceof errors.SqlEtlError) write(c.errorPath, err.format() + '\n');
    else {
      write(c.errorPath, undefined);
      failures.push(`${c.file}: ${err === undefined ? 'expected an error, but it compiled and ran' : `not a SqlEtlError: ${describeError(err)}`}`);
    }
  } else {
    write(c.errorPath, undefined);
    if (out.compileError !== undefined) failures.push(`${c.file}: does not compile: ${describeError(out.compileError).split('\n')[0]}`);
  }
}

console.log(`${cases.length} cases: ${written} files written, ${unchanged} unchanged, ${removed} removed`);
if (failures.length > 0) {
  console.log(`\n${failures.length} cases without a golden pipeline or error (the tests will fail on them):`);
  for (const f of failures) console.log(`  ${f}`);
}
