-- ordered
-- numeric values print with their scale: the start's (0.10) is the sums' too here
SELECT g::text AS t FROM generate_series(0.10, 0.3, 0.1) AS g ORDER BY g;
