-- GROUP BY and DISTINCT put all NaNs in one group (PostgreSQL: NaN = NaN)
SELECT val, count(*) AS n, min(_id) AS first_id FROM readings GROUP BY val
UNION ALL
SELECT DISTINCT amt::float8, NULL::bigint, NULL::int FROM readings;
