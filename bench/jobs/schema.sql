-- Column declarations of the benchmark collections: sqletl's `schema` option and
-- PGlite's DDL, the same text for both.

CREATE TABLE customers (
  _id int,
  first_name text,
  last_name text,
  email text,
  tier text,
  lifetime_value numeric,
  orders int,
  profile jsonb,
  registered_at timestamptz,
  last_login timestamptz
);

CREATE TABLE flights (
  _id int,
  carrier text,
  flight_no int,
  origin text,
  dest text,
  sched_dep timestamptz,
  dep_delay int,
  arr_delay int,
  cancelled boolean,
  distance int
);

CREATE TABLE airports (
  _id int,
  code text,
  city text,
  state text,
  region text,
  hub boolean
);

-- the upsert job: ON CONFLICT (id) needs the key; sqletl keeps a table's key in _id
CREATE TABLE accounts (
  id int PRIMARY KEY,
  owner text,
  region text,
  balance numeric,
  visits int,
  updated_at timestamptz
);

CREATE TABLE account_updates (
  _id int,
  id int,
  region text,
  amount numeric,
  visits int,
  seen_at timestamptz
);
