-- numeric NaN over a generated series: sum and avg are NaN
SELECT sum('NaN'::numeric) AS s, avg('NaN'::numeric) AS a, max('NaN'::numeric) AS mx, min(n::numeric) AS mn FROM generate_series(1, 3) AS g(n);
