/**
 * DocumentDB (../shared/documentdb: MongoDB's query language on PostgreSQL, regexes by
 * PCRE2) reached through psql and its SQL API, for tests that check single pipelines
 * on an engine other than mingo. `available()` says why not when it cannot be reached
 * (no psql, no server on 127.0.0.1:$DOCUMENTDB_PORT or 9712, no extension).
 */
import { execFileSync } from 'node:child_process';
import { EJSON } from 'bson';

const PORT = process.env.DOCUMENTDB_PORT ?? '9712';

function psql(sql: string): string {
  return execFileSync('psql', ['-h', '127.0.0.1', '-p', PORT, '-U', 'postgres', '-d', 'postgres', '-AtqX', '-v', 'ON_ERROR_STOP=1', '-f', '-'], {
    input: sql,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 60_000,
    env: { ...process.env, PGCONNECT_TIMEOUT: '3' },
  });
}

const firstLine = (err: unknown): string => {
  const e = err as { stderr?: string; message?: string };
  return String(e.stderr || e.message || err).trim().split('\n')[0];
};

let cached: { ok: true } | { ok: false; why: string } | undefined;

export function available(): { ok: true } | { ok: false; why: string } {
  if (cached) return cached;
  try {
    const out = psql("SELECT count(*) FROM pg_extension WHERE extname = 'documentdb';").trim();
    cached = out === '1' ? { ok: true } : { ok: false, why: `the documentdb extension is not installed on 127.0.0.1:${PORT}` };
  } catch (err) {
    const e = err as { code?: string };
    cached = { ok: false, why: e.code === 'ENOENT' ? 'no psql on PATH' : `DocumentDB not reachable on 127.0.0.1:${PORT} (${firstLine(err)})` };
  }
  return cached;
}

/** The server restarting after a backend crashed (DocumentDB's own crashes, possibly another test's query): not this query's answer. */
const RESTARTING = /terminating connection because of crash|server closed the connection|recovery mode|not yet accepting connections|Connection refused|the database system is (starting up|shutting down)/;
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `{aggregate: 1, pipeline}` (a pipeline starting with $documents); its first batch, or the server's error. */
export function aggregate(pipeline: unknown[], db = 'sqletl_test'): { docs: Record<string, unknown>[] } | { error: string } {
  const cmd = EJSON.stringify({ aggregate: 1, pipeline, cursor: { batchSize: 100000 } }, { relaxed: false });
  for (let attempt = 1; ; attempt++) {
    try {
      const out = psql(`SELECT documentdb_core.bson_to_json_string(cursorpage) FROM documentdb_api.aggregate_cursor_first_page('${db}', $sqletl$${cmd}$sqletl$);`);
      const reply = EJSON.parse(out.trim(), { relaxed: true }) as { cursor: { firstBatch: Record<string, unknown>[] } };
      return { docs: reply.cursor.firstBatch };
    } catch (err) {
      const message = firstLine(err);
      if (!RESTARTING.test(String((err as { stderr?: string }).stderr ?? message)) || attempt === 6) return { error: message };
      sleep(5000); // the server recovers in a few seconds; ask again
    }
  }
}
