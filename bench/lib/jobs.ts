/**
 * The benchmark jobs: SQL files in bench/jobs/ (sqletl's spelling and, where it
 * differs, PostgreSQL's), split into named queries at `-- query: NAME` lines, and
 * for each query the pipeline an expert would write by hand for the same result.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CollectionName } from './generate.js';
import { HAND_PIPELINES } from './hand-pipelines.js';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const JOBS_DIR = join(BENCH_DIR, 'jobs');
export const ROOT_DIR = join(BENCH_DIR, '..');

export interface Query {
  name: string;
  /** sqletl's text (a single statement) */
  sql: string;
  /** PostgreSQL's text for the same query */
  pgSql: string;
  /** the hand-written pipeline for the same result (see hand-pipelines.ts) */
  hand: Record<string, unknown>[];
}

export interface Job {
  name: string;
  /** the collection the queries scan (the upsert job: the table written) */
  collection: CollectionName;
  /** every collection the job reads (the first is `collection`) */
  collections: CollectionName[];
  /** `query`: SELECTs timed as rows; `write`: a statement that changes a table, timed on a fresh copy each time */
  kind: 'query' | 'write';
  queries: Query[];
}

/** The collections of each job; the first is the one its queries scan or write. */
export const JOB_COLLECTIONS: Record<string, CollectionName[]> = {
  'customer-analytics': ['customers'],
  flights: ['flights', 'airports'],
  upsert: ['accounts', 'account_updates'],
};
const WRITE_JOBS = new Set(['upsert']);

export function readSchema(): string {
  return readFileSync(join(JOBS_DIR, 'schema.sql'), 'utf8');
}

/** `-- query: NAME` starts a statement; text before the first marker is the file's header. */
export function splitQueries(text: string): { name: string; sql: string }[] {
  return text
    .split(/^(?=-- query: )/m)
    .filter((chunk) => chunk.startsWith('-- query: '))
    .map((chunk) => ({ name: /^-- query: (\w+)/.exec(chunk)![1], sql: chunk.trim() }));
}

export function loadJob(name: string): Job {
  const collections = JOB_COLLECTIONS[name];
  if (!collections) throw new Error(`unknown job ${name}`);
  const sqletl = splitQueries(readFileSync(join(JOBS_DIR, `${name}.sql`), 'utf8'));
  const pgFile = join(JOBS_DIR, `${name}.pg.sql`);
  const pg = existsSync(pgFile) ? splitQueries(readFileSync(pgFile, 'utf8')) : sqletl;
  const queries = sqletl.map((q) => {
    const p = pg.find((x) => x.name === q.name);
    if (!p) throw new Error(`${name}.pg.sql has no query ${q.name}`);
    const hand = HAND_PIPELINES[q.name];
    if (!hand) throw new Error(`no hand-written pipeline for ${name}/${q.name}`);
    return { name: q.name, sql: q.sql, pgSql: p.sql, hand };
  });
  return { name, collection: collections[0], collections, kind: WRITE_JOBS.has(name) ? 'write' : 'query', queries };
}

export const JOB_NAMES = Object.keys(JOB_COLLECTIONS);
