-- ordered
-- an integer start and stop with a numeric step: numeric values
SELECT x, x + 0.25 AS later FROM generate_series(0, 3, 0.5) AS s(x) ORDER BY x;
