/**
 * COPY t FROM 'http://…' (issue 6): a local node:http server on 127.0.0.1 (port 0),
 * started by each test and closed after it. Rows are JSON (an array, NDJSON, or an
 * array inside a response object), optionally paginated (NEXT 'path' in the body,
 * PAGINATE 'link' headers). The loaded table must equal PostgreSQL's
 * json_populate_recordset of the same rows into the same table.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, test } from 'vitest';
import { run } from '../src/index.js';
import { fromPg } from './support/pglite.js';

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;

/** Runs `body` against a server on 127.0.0.1:<free port>; the server is closed afterwards, whatever happens. */
async function withServer<T>(handler: Handler, body: (base: string, requests: IncomingMessage[]) => Promise<T>): Promise<T> {
  const requests: IncomingMessage[] = [];
  let base = '';
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res, base);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    return await body(base, requests);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}

const TABLE = 'CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, age int, joined date, active boolean)';
const ROWS = Array.from({ length: 23 }, (_, k) => ({
  id: k + 1,
  name: `p${k + 1}`,
  ...(k % 4 === 0 ? {} : { age: String(20 + k) }),
  joined: `2024-0${1 + (k % 9)}-1${k % 10}`,
  active: k % 3 === 0,
}));

async function pgRows(rows: object[]): Promise<unknown[][]> {
  const pg = new PGlite();
  try {
    await pg.exec(`SET TIME ZONE 'UTC'; ${TABLE};`);
    await pg.query(`INSERT INTO people SELECT * FROM json_populate_recordset(NULL::people, $1::json)`, [JSON.stringify(rows)]);
    const res = await pg.query<unknown[]>('SELECT * FROM people ORDER BY id', [], { rowMode: 'array' });
    return res.rows.map((r) => r.map((v, i) => fromPg(v, res.fields[i].dataTypeID)));
  } finally {
    await pg.close();
  }
}

async function load(copy: string): Promise<{ copy: Record<string, unknown>; rows: unknown[][] }> {
  const data = mkdtempSync(join(tmpdir(), 'sqletl-http-'));
  const r = await run(`${TABLE}; ${copy}; SELECT * FROM people ORDER BY id;`, { dataDir: data });
  return { copy: r.statements[1] as unknown as Record<string, unknown>, rows: r.statements[2].rows! };
}

const json = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(200, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

// each test loads PostgreSQL (PGlite) and runs COPYs of a few thousand rows: slow on a busy 2-core machine
describe('COPY FROM an http(s) URL', { timeout: 180_000 }, () => {
  test('a JSON array, and NDJSON sent in pieces: typed by the table as PostgreSQL types them', async () => {
    const expected = await pgRows(ROWS);
    await withServer(
      (req, res) => {
        if (req.url === '/people.json') return json(res, ROWS);
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        // one row per write, split mid-line: the reader must not depend on chunk boundaries
        const text = ROWS.map((r) => JSON.stringify(r)).join('\n') + '\n';
        let i = 0;
        const step = () => {
          if (i >= text.length) return res.end();
          res.write(text.slice(i, i + 37));
          i += 37;
          setImmediate(step);
        };
        step();
      },
      async (base) => {
        const a = await load(`COPY people FROM '${base}/people.json' WITH (FORMAT 'json')`);
        expect(a.copy).toMatchObject({ inserted: ROWS.length, rejected: 0 });
        expect(a.rows).toEqual(expected);
        const b = await load(`COPY people FROM '${base}/people.ndjson' WITH (FORMAT ndjson)`);
        expect(b.copy).toMatchObject({ inserted: ROWS.length, rejected: 0 });
        expect(b.rows).toEqual(expected);
      },
    );
  });

  test("NEXT 'links.next' with ROWS 'data.items': pages followed until the link is null; a reject's line is its row number", async () => {
    const rows = ROWS.map((r) => (r.id === 12 ? { ...r, age: 'twelve' } : r));
    const pages = [rows.slice(0, 10), rows.slice(10, 20), rows.slice(20)];
    const good = rows.filter((r) => r.id !== 12);
    const expected = await pgRows(good);
    await withServer(
      (req, res) => {
        const n = Number(new URL(req.url!, 'http://x').searchParams.get('page') ?? '1');
        json(res, { data: { items: pages[n - 1] }, links: { next: n < pages.length ? `/api/people?page=${n + 1}` : null } });
      },
      async (base, requests) => {
        const data = mkdtempSync(join(tmpdir(), 'sqletl-http-'));
        const r = await run(`${TABLE}; COPY people FROM '${base}/api/people' WITH (FORMAT 'json', ROWS 'data.items', NEXT 'links.next'); SELECT * FROM people ORDER BY id; SELECT line FROM people__rejects;`, { dataDir: data, batchSize: 7 });
        expect(requests.map((q) => q.url)).toEqual(['/api/people', '/api/people?page=2', '/api/people?page=3']);
        expect(r.statements[1]).toMatchObject({ inserted: good.length, rejected: 1, rowsRead: rows.length });
        expect(r.statements[2].rows).toEqual(expected);
        expect(r.statements[3].rows).toEqual([[12]]);
      },
    );
  });

  test("PAGINATE 'link': RFC 8288 Link headers (several links, quoted rel lists, relative URLs)", async () => {
    const pages = [ROWS.slice(0, 8), ROWS.slice(8, 16), ROWS.slice(16)];
    const expected = await pgRows(ROWS);
    await withServer(
      (req, res) => {
        const n = Number(req.url!.split('/').pop());
        const links = [`</items/1>; rel="first"`];
        if (n < pages.length) links.push(`<${n + 1}>; rel="next last-not"`);
        json(res, pages[n - 1], { link: links.join(', ') });
      },
      async (base, requests) => {
        const a = await load(`COPY people FROM '${base}/items/1' WITH (FORMAT 'json', PAGINATE 'link')`);
        expect(requests.map((q) => q.url)).toEqual(['/items/1', '/items/2', '/items/3']);
        expect(a.copy).toMatchObject({ inserted: ROWS.length, rejected: 0 });
        expect(a.rows).toEqual(expected);
      },
    );
  });

  test('a status other than 2xx fails with the status and the URL, without its credentials; user:password travels as Basic auth', async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no such list');
      },
      async (base, requests) => {
        const url = base.replace('http://', 'http://ann:s3cret@') + '/people?api_key=k-123&page=1';
        const err = await load(`COPY people FROM '${url}' WITH (FORMAT 'json')`).then(
          () => undefined,
          (e: Error) => e,
        );
        expect(err?.message).toContain(`GET ${base}/people?api_key=***&page=1: HTTP 404 Not Found — no such list`);
        expect(err?.message).not.toMatch(/s3cret|k-123|ann/);
        expect(requests[0].headers.authorization).toBe(`Basic ${Buffer.from('ann:s3cret').toString('base64')}`);
      },
    );
  });

  test('TIMEOUT: a server that does not answer fails the statement in time; a refused connection says so', async () => {
    await withServer(
      () => undefined, // never answers
      async (base) => {
        const started = Date.now();
        await expect(load(`COPY people FROM '${base}/slow' WITH (FORMAT 'json', TIMEOUT 0.5)`)).rejects.toThrow(`GET ${base}/slow: no response within 0.5 s`);
        expect(Date.now() - started).toBeLessThan(20_000);
      },
    );
    // a port nothing listens on (taken from a server that is closed again)
    const closed = await withServer(() => undefined, async (base) => base);
    await expect(load(`COPY people FROM '${closed}/x' WITH (FORMAT 'json')`)).rejects.toThrow(/ECONNREFUSED/);
  });

  test('HTTP options on a file source, or NEXT with PAGINATE, are errors at bind time', async () => {
    await expect(load(`COPY people FROM 'people.json' WITH (FORMAT 'json', NEXT 'next')`)).rejects.toThrow(/NEXT is for an http\(s\) source/);
    await expect(load(`COPY people FROM 'http://127.0.0.1:9/x' WITH (FORMAT 'json', NEXT 'next', PAGINATE 'link')`)).rejects.toThrow(/give one/);
  });
});
