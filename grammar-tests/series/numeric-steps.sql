-- ordered
-- numeric steps are exact decimals in PostgreSQL: 0.1 + 2 × 0.1 is 0.3, and 0.9 is reached
SELECT g, g * 10 AS tenfold FROM generate_series(0.1, 0.9, 0.1) AS g ORDER BY g;
