-- hypothetical-set aggregates: where a row with the given key would rank in each group
-- (ascending and descending, NULLS FIRST/LAST, a NULL hypothetical value, FILTER), and over no rows
SELECT status, rank(3) WITHIN GROUP (ORDER BY quantity) AS r, dense_rank(3) WITHIN GROUP (ORDER BY quantity) AS dr,
  percent_rank(50) WITHIN GROUP (ORDER BY amount NULLS FIRST) AS pr, cume_dist(50) WITHIN GROUP (ORDER BY amount DESC) AS cd,
  rank(50) WITHIN GROUP (ORDER BY amount DESC NULLS LAST) AS rd, cume_dist(NULL::numeric) WITHIN GROUP (ORDER BY amount) AS cn,
  rank(2) WITHIN GROUP (ORDER BY quantity) FILTER (WHERE _id > 110) AS rf
FROM orders
GROUP BY status
UNION ALL
SELECT 'none', rank(3) WITHIN GROUP (ORDER BY quantity), dense_rank(3) WITHIN GROUP (ORDER BY quantity),
  percent_rank(50) WITHIN GROUP (ORDER BY amount), cume_dist(50) WITHIN GROUP (ORDER BY amount), 0, 0, 0
FROM orders WHERE _id < 0;
