-- IN over a grouped subquery whose HAVING keeps no group: no rows, also when grouped
-- globally outside (count(*) over nothing is 0)
SELECT count(*) AS n, sum(o.amount) AS total
FROM orders o, customers c
WHERE c._id = o.customer_id
  AND o.customer_id IN (SELECT customer_id FROM orders WHERE amount > 0 GROUP BY customer_id HAVING sum(amount) > 100000);
