-- error at 2:43
SELECT array_agg(DISTINCT status ORDER BY amount) AS s FROM orders;
