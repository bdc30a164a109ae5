/**
 * Running `bin/sqletl` as a process, as a CI step would, for the CLI tests (they need
 * `npm run build`: the CLI runs from dist/). The environment leaves out what would
 * change the output or point at a server.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BIN = resolve('bin/sqletl');

export const CLI_ENV = (() => {
  const e = { ...process.env };
  for (const k of ['SQLETL_MONGODB_URI', 'MONGODB_URI', 'NO_COLOR', 'FORCE_COLOR', 'SQLETL_DEBUG']) delete e[k];
  return e;
})();

/** `sqletl ...args` in `cwd`: exit code and both outputs. */
export function runCli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: CLI_ENV, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `text` to `dir/rel`, creating its folders. */
export function writeIn(dir: string, rel: string, text: string): void {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
}
