-- FETCH FIRST n ROWS WITH TIES: the peers of the last row come too (eleven customers
-- share the largest count); compared as a multiset, the order among peers being free
SELECT customer_id, count(*) AS n
FROM orders
GROUP BY customer_id
ORDER BY count(*) DESC
FETCH FIRST 1 ROW WITH TIES;
