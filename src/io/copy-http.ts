import { Readable } from 'node:stream';
import { EJSON } from 'bson';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { SqlEtlError } from '../errors.js';
import type { CopyOptions } from '../ir/statement.js';
import type { CopyRow } from './copy-row.js';
import { readCopyRows } from './copy-read.js';

/**
 * COPY t FROM 'http(s)://…': rows from a web API or a file server.
 *
 * - The response is read as a stream (FORMAT 'json': an array of documents or one
 *   document per line; ndjson, csv and text as for files).
 * - `ROWS 'data.items'`: each response is a JSON object and its rows are the array
 *   at that dotted path (the page is then parsed whole; pages are bounded by the server).
 * - Pagination, one of:
 *   `NEXT 'links.next'` — the next page's URL is the string at that path of each
 *   response object (relative URLs resolve against the page's); none, null or ''
 *   ends the sequence;
 *   `PAGINATE 'link'` — the next page is the `Link: <url>; rel="next"` response
 *   header (RFC 8288), as GitHub's and many other APIs send it.
 * - `TIMEOUT n`: seconds to wait for a response, and at most between two pieces of
 *   its body (default 30). A status other than 2xx fails the statement with the status
 *   and the URL; a URL's user:password becomes a Basic Authorization header and never
 *   appears in messages, nor do the values of query parameters that look like secrets.
 * - A row's `line` (in rejects) is its 1-based position among all rows received.
 */
export async function* readHttpRows(url: string, options: CopyOptions, columns: string[]): AsyncGenerator<CopyRow> {
  const timeoutMs = (options.timeout ?? 30) * 1000;
  const seen = new Set<string>();
  let next: string | undefined = url;
  let row = 0;
  while (next) {
    const current: string = next;
    if (seen.has(current)) throw new SqlEtlError('copy-http-loop', 'io', `GET ${redactUrl(current)}: the pagination comes back to a page it has already read`);
    seen.add(current);
    const page = await get(current, timeoutMs);
    next = options.paginate === 'link' ? nextFromLinkHeader(page.headers.get('link'), current) : undefined;
    if (options.rows !== undefined || options.next !== undefined) {
      const body = await page.json();
      const rows = options.rows !== undefined ? at(body, options.rows) : body;
      if (!Array.isArray(rows)) {
        const where = options.rows !== undefined ? ` at ${options.rows}` : '';
        throw new SqlEtlError('copy-http-body', 'io', `GET ${page.label}: expected an array of rows${where}, found ${describe(rows)}`);
      }
      for (const values of rows) {
        row++;
        if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new SqlEtlError('copy-http-body', 'io', `GET ${page.label}: row ${row} is ${describe(values)}, not a document (an object)`);
        yield { line: row, values: values as Record<string, unknown> };
      }
      if (options.next !== undefined) {
        const link = at(body, options.next);
        if (link !== undefined && link !== null && link !== '') {
          if (typeof link !== 'string') throw new SqlEtlError('copy-http-body', 'io', `GET ${page.label}: the next page's URL at ${options.next} is ${describe(link)}, not a string`);
          next = new URL(link, current).toString();
        }
      }
      continue;
    }
    for await (const r of readCopyRows(page.stream(), options, columns, `GET ${page.label}`)) {
      row++;
      yield { line: row, values: r.values };
    }
  }
}

interface Page {
  label: string;
  headers: Headers;
  json(): Promise<unknown>;
  stream(): Readable;
}

/** One GET with an idle timeout; fails on a network error, a timeout or a status other than 2xx. */
async function get(url: string, timeoutMs: number): Promise<Page> {
  const { href, headers } = credentialsToHeader(url);
  const label = redactUrl(url);
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, timeoutMs);
  };
  const failed = (err: unknown): SqlEtlError =>
    timedOut
      ? new SqlEtlError('copy-http-timeout', 'io', `GET ${label}: no response within ${timeoutMs / 1000} s (COPY option TIMEOUT)`)
      : new SqlEtlError('copy-http-failed', 'io', `GET ${label}: ${causeMessage(err)}`, { cause: err });
  arm();
  let res: Response;
  try {
    res = await fetch(href, { headers: { accept: 'application/json, application/x-ndjson;q=0.9, */*;q=0.5', ...headers }, signal: abort.signal });
  } catch (err) {
    clearTimeout(timer);
    throw failed(err);
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    clearTimeout(timer);
    const snippet = text.trim().slice(0, 200);
    throw new SqlEtlError('copy-http-status', 'io', `GET ${label}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${snippet ? ` — ${snippet}` : ''}`);
  }
  // the body's pieces re-arm the timer: a slow but steady download is fine, a stalled one is not
  async function* body(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>)) {
        arm();
        yield chunk as Uint8Array;
      }
    } catch (err) {
      throw failed(err);
    } finally {
      clearTimeout(timer);
      abort.abort(); // stops the download when the reader stops early
    }
  }
  return {
    label,
    headers: res.headers,
    json: async () => {
      const chunks: Uint8Array[] = [];
      for await (const c of body()) chunks.push(c);
      try {
        return EJSON.parse(Buffer.concat(chunks).toString('utf8'), { relaxed: true }) as unknown;
      } catch (err) {
        throw new SqlEtlError('copy-http-body', 'io', `GET ${label}: the response is not JSON (${(err as Error).message.slice(0, 120)})`, { cause: err });
      }
    },
    stream: () => Readable.from(body(), { objectMode: false }),
  };
}

/** `<url>; rel="next"` among the Link header's links (RFC 8288: comma-separated, rel may list several types). */
export function nextFromLinkHeader(header: string | null, base: string): string | undefined {
  if (!header) return undefined;
  for (const m of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    for (const p of m[2].split(';')) {
      const [k, v] = p.split('=').map((x) => x?.trim());
      if (k?.toLowerCase() === 'rel' && v && v.replace(/^"|"$/g, '').toLowerCase().split(/\s+/).includes('next')) return new URL(m[1], base).toString();
    }
  }
  return undefined;
}

/** A dotted path into a parsed JSON value: `data.items`, `links.next`, `pages.0.url`. */
function at(v: unknown, path: string): unknown {
  let cur = v;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** fetch() refuses URLs with credentials: they travel as an Authorization header instead. */
function credentialsToHeader(url: string): { href: string; headers: Record<string, string> } {
  const u = new URL(url);
  if (!u.username && !u.password) return { href: u.toString(), headers: {} };
  const auth = Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64');
  u.username = '';
  u.password = '';
  return { href: u.toString(), headers: { authorization: `Basic ${auth}` } };
}

const SECRET_PARAM = /token|key|secret|pass|sig|auth|credential/i;

/** The URL as messages show it: no user:password, and secret-looking query values masked. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
  u.username = '';
  u.password = '';
  for (const k of [...u.searchParams.keys()]) if (SECRET_PARAM.test(k)) u.searchParams.set(k, '***');
  return u.toString().replace(/%2A%2A%2A/g, '***');
}

function causeMessage(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.message ?? e.cause?.code ?? e.message ?? String(err);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
