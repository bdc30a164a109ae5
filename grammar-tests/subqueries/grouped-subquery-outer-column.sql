-- an outer column inside a grouped correlated subquery is one value per outer row, not an ungrouped column
SELECT c._id,
       (SELECT c._id * 10 + count(*) FROM orders o WHERE o.customer_id = c._id GROUP BY o.customer_id) AS tagged,
       (SELECT count(*) FROM orders o GROUP BY () HAVING c._id > 2) AS when_big,
       (SELECT max(o.amount) FROM orders o WHERE o.customer_id = c._id GROUP BY o.status ORDER BY 1 DESC NULLS LAST LIMIT 1) AS best
FROM customers c;
