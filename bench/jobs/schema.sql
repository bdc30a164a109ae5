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
