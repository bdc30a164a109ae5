/**
 * Deterministic benchmark data: a seeded PRNG (mulberry32) drives every choice, so a
 * size and a seed always give byte-identical files. Collections are written as
 * `.ndjson` in relaxed Extended JSON (dates as `{"$date": "…"}`), the embedded
 * engine's format; the same documents are loaded into PGlite.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

export type Doc = Record<string, unknown>;

import { prng } from '../../test/support/prng.js';

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
/** `xs` with weights: [[value, weight], …] */
const weighted = <T>(r: () => number, xs: readonly (readonly [T, number])[]): T => {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) if ((x -= w) < 0) return v;
  return xs[xs.length - 1][0];
};
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const FIRST = ['Amelia', 'Noah', 'Yuki', 'Olivia', 'Liam', 'Emma', 'Mateo', 'Sofía', 'Lukas', 'Chloé', 'Aarav', 'Mia', 'Kenji', 'Zoë', 'Omar', 'Ingrid', 'Leo', 'Ava', 'Hugo', 'Freya'] as const;
const LAST = ['Dubois', 'Andersson', 'García', 'Smith', 'Müller', 'Rossi', 'Kowalski', 'Tanaka', 'Nguyen', 'Silva', 'Okafor', 'Jensen', 'Novak', 'Cohen', 'Patel', 'Brown'] as const;
const DOMAINS = [['gmail.com', 30], ['outlook.com', 15], ['yahoo.com', 10], ['Proton.me', 5], ['icloud.com', 8], ['example.org', 2], ['GMX.de', 4], ['acme.co.uk', 1]] as const;
const PLACES = [['US', ['Austin', 'Boston', 'Denver', 'Seattle']], ['DE', ['Munich', 'Berlin', 'Hamburg']], ['FR', ['Paris', 'Lyon']], ['JP', ['Tokyo', 'Osaka']], ['GB', ['London', 'Leeds']], ['BR', ['São Paulo', 'Recife']], ['IN', ['Pune', 'Delhi']], ['SE', ['Malmö']]] as const;
const COUNTRY_WEIGHT = [30, 15, 10, 8, 12, 9, 12, 4];
const TIERS = [['free', 70], ['pro', 25], ['enterprise', 5]] as const;

const T_2022 = Date.UTC(2022, 0, 1);
const T_2025 = Date.UTC(2025, 0, 1);
const MINUTE = 60_000;
const DAY = 86_400_000;

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const date = (ms: number) => ({ $date: new Date(ms).toISOString().replace('.000Z', 'Z') });

/** One customer. Some fields are missing (NULL in SQL) on purpose: lifetime_value 8%, last_login 10%, address 3%. */
export function customer(r: () => number, i: number): Doc {
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  const placeIdx = weighted(r, COUNTRY_WEIGHT.map((w, k) => [k, w] as const));
  const [country, cities] = PLACES[placeIdx];
  const registered = T_2022 + Math.floor(r() * ((T_2025 - T_2022) / MINUTE)) * MINUTE;
  const doc: Doc = {
    _id: i + 1,
    first_name: first,
    last_name: last,
    email: `${ascii(first)[0]}.${ascii(last)}${i + 1}@${weighted(r, DOMAINS)}`,
    tier: weighted(r, TIERS),
  };
  if (r() >= 0.08) doc.lifetime_value = Math.round(Math.exp(r() * 8.2) * 100) / 100;
  doc.orders = int(r, 0, 60);
  const premium = r() < 0.2;
  doc.profile = r() < 0.03 ? { premium } : { address: { city: pick(r, cities), country }, premium };
  doc.registered_at = date(registered);
  if (r() >= 0.1) doc.last_login = date(registered + Math.floor(r() * 400 * DAY / MINUTE) * MINUTE);
  return doc;
}

const CARRIERS = [['AA', 14], ['DL', 14], ['UA', 12], ['WN', 16], ['B6', 5], ['AS', 4], ['NK', 3], ['F9', 2], ['LH', 6], ['AF', 5], ['BA', 5], ['KL', 4]] as const;
const AIRPORTS = ['ATL', 'LAX', 'ORD', 'DFW', 'DEN', 'JFK', 'SFO', 'SEA', 'LAS', 'MCO', 'EWR', 'CLT', 'PHX', 'IAH', 'MIA', 'BOS', 'MSP', 'DTW', 'FLL', 'PHL', 'LGA', 'BWI', 'SLC', 'SAN', 'IAD', 'DCA', 'MDW', 'TPA', 'PDX', 'HNL'] as const;
const HOURS = [[5, 2], [6, 6], [7, 7], [8, 8], [9, 7], [10, 6], [11, 6], [12, 6], [13, 6], [14, 6], [15, 7], [16, 7], [17, 8], [18, 7], [19, 6], [20, 5], [21, 4], [22, 2], [23, 1], [0, 1]] as const;
const T_2024 = Date.UTC(2024, 0, 1);

/** One flight of 2024. Cancelled flights (2%) have no delays; 1% of the others lack dep_delay. */
export function flight(r: () => number, i: number): Doc {
  const origin = pick(r, AIRPORTS);
  let dest = pick(r, AIRPORTS);
  if (dest === origin) dest = AIRPORTS[(AIRPORTS.indexOf(origin) + 1) % AIRPORTS.length];
  const day = int(r, 0, 365);
  const sched = T_2024 + day * DAY + weighted(r, HOURS) * 3_600_000 + int(r, 0, 11) * 5 * MINUTE;
  const doc: Doc = { _id: i + 1, carrier: weighted(r, CARRIERS), flight_no: int(r, 1, 9999), origin, dest, sched_dep: date(sched) };
  const cancelled = r() < 0.02;
  if (!cancelled) {
    const late = r() < 0.25;
    const dep = late ? Math.round(-Math.log(1 - r()) * 45) + 1 : int(r, -12, 5);
    if (r() >= 0.01) doc.dep_delay = dep;
    doc.arr_delay = dep + int(r, -15, 12);
  }
  doc.cancelled = cancelled;
  doc.distance = int(r, 80, 3000);
  return doc;
}

/**
 * The airport dimension of the flights job's join: one document per airport of AIRPORTS
 * except HNL (so the inner join drops HNL's departures), plus two airports no flight
 * uses. A fixed table whatever the size.
 */
const AIRPORT_INFO: readonly (readonly [string, string, string, string])[] = [
  ['ATL', 'Atlanta', 'GA', 'South'], ['LAX', 'Los Angeles', 'CA', 'West'], ['ORD', 'Chicago', 'IL', 'Midwest'], ['DFW', 'Dallas', 'TX', 'South'],
  ['DEN', 'Denver', 'CO', 'West'], ['JFK', 'New York', 'NY', 'Northeast'], ['SFO', 'San Francisco', 'CA', 'West'], ['SEA', 'Seattle', 'WA', 'West'],
  ['LAS', 'Las Vegas', 'NV', 'West'], ['MCO', 'Orlando', 'FL', 'South'], ['EWR', 'Newark', 'NJ', 'Northeast'], ['CLT', 'Charlotte', 'NC', 'South'],
  ['PHX', 'Phoenix', 'AZ', 'West'], ['IAH', 'Houston', 'TX', 'South'], ['MIA', 'Miami', 'FL', 'South'], ['BOS', 'Boston', 'MA', 'Northeast'],
  ['MSP', 'Minneapolis', 'MN', 'Midwest'], ['DTW', 'Detroit', 'MI', 'Midwest'], ['FLL', 'Fort Lauderdale', 'FL', 'South'], ['PHL', 'Philadelphia', 'PA', 'Northeast'],
  ['LGA', 'New York', 'NY', 'Northeast'], ['BWI', 'Baltimore', 'MD', 'South'], ['SLC', 'Salt Lake City', 'UT', 'West'], ['SAN', 'San Diego', 'CA', 'West'],
  ['IAD', 'Washington', 'VA', 'South'], ['DCA', 'Washington', 'VA', 'South'], ['MDW', 'Chicago', 'IL', 'Midwest'], ['TPA', 'Tampa', 'FL', 'South'],
  ['PDX', 'Portland', 'OR', 'West'], ['ANC', 'Anchorage', 'AK', 'West'], ['BNA', 'Nashville', 'TN', 'South'],
];
const HUBS = new Set(['ATL', 'ORD', 'DFW', 'DEN', 'LAX', 'JFK']);

export function airport(_r: () => number, i: number): Doc {
  const [code, city, state, region] = AIRPORT_INFO[i];
  return { _id: i + 1, code, city, state, region, hub: HUBS.has(code) };
}

/**
 * The upsert job's tables: `accounts` (the existing table, `_id` = its key `id`) and
 * `account_updates` (the batch: a fifth of the table's size, half of it keys that exist,
 * half new ones; keys unique within the batch, as ON CONFLICT DO UPDATE requires).
 */
const REGIONS = ['north', 'south', 'east', 'west'] as const;
export function account(r: () => number, i: number): Doc {
  const id = 2 * i + 1; // odd ids: the batch's new keys are even
  return { _id: id, id, owner: `${pick(r, FIRST)} ${pick(r, LAST)}`, region: pick(r, REGIONS), balance: Math.round(r() * 1_000_000) / 100, visits: int(r, 0, 500), updated_at: date(T_2024 + Math.floor(r() * 300) * DAY) };
}
export function accountUpdate(r: () => number, i: number, n: number): Doc {
  // i-th update of a batch for a table of n accounts: even i → an existing (odd) id, odd i → a new (even) id
  const id = i % 2 === 0 ? 2 * ((i * 2654435761) % n) + 1 : 2 * (n + i);
  return { _id: i + 1, id, region: pick(r, REGIONS), amount: Math.round((r() - 0.3) * 50_000) / 100, visits: int(r, 1, 5), seen_at: date(T_2024 + (300 + Math.floor(r() * 60)) * DAY) };
}

export const GENERATORS = { customers: customer, flights: flight, airports: airport, accounts: account, account_updates: accountUpdate } as const;
export type CollectionName = keyof typeof GENERATORS;
const SEED_SALT: Record<CollectionName, number> = { customers: 0x11, flights: 0x22, airports: 0x33, accounts: 0x44, account_updates: 0x55 };

/** How many documents a collection gets for a benchmark size `n`. */
export function collectionSize(name: CollectionName, n: number): number {
  if (name === 'airports') return AIRPORT_INFO.length;
  if (name === 'account_updates') return Math.max(1, Math.floor(n / 5));
  return n;
}

/** Writes `<dir>/<name>.ndjson` for benchmark size `n` (see collectionSize; the seed depends on the name). */
export async function writeCollection(dir: string, name: CollectionName, n: number, seed = 20240901): Promise<void> {
  const r = prng(seed ^ SEED_SALT[name]);
  const gen = GENERATORS[name] as (r: () => number, i: number, n: number) => Doc;
  const out = createWriteStream(join(dir, `${name}.ndjson`));
  let buf: string[] = [];
  const count = collectionSize(name, n);
  for (let i = 0; i < count; i++) {
    buf.push(JSON.stringify(gen(r, i, n)));
    if (buf.length === 5000) {
      if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
      buf = [];
    }
  }
  if (buf.length) out.write(buf.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}
