-- IN over a grouped subquery with HAVING, the outer query grouped (TPC-H q18): the key
-- types differ (integer quantity IN numeric amounts: 8 = 8.0), amount 5 is the NULL
-- customer's order, and orders without a quantity match nothing
SELECT o.customer_id, c.tier, count(*) AS n, sum(o.amount) AS total
FROM orders o JOIN customers c ON c._id = o.customer_id
WHERE o.quantity IN (SELECT amount FROM orders GROUP BY amount HAVING count(*) >= 1 AND amount < 12)
GROUP BY o.customer_id, c.tier;
