-- in the select list: a row per hour from each order's time (a timestamptz plus an interval)
SELECT _id, generate_series(ordered_at, ordered_at + interval '2 hours', interval '1 hour') AS h FROM orders WHERE _id < 105;
