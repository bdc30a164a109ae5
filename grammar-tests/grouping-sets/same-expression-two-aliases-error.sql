-- error
-- PostgreSQL groups by output columns: a2 is its own key, NULL in the rows the ROLLUP
-- adds, though it has a1's expression; sqletl would merge the two keys, so it refuses
SELECT customer_id AS a1, customer_id AS a2, count(*) AS n FROM orders GROUP BY a1, ROLLUP(a2);
