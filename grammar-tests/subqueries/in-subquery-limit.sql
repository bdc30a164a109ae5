-- IN over a subquery with LIMIT stays a summary (a filter by key would change which rows the LIMIT keeps);
-- in the select list IN is NULL for a NULL key, not FALSE
SELECT c._id,
       c._id IN (SELECT customer_id FROM orders WHERE amount > 100) AS big_spender
FROM customers c
WHERE c._id IN (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL ORDER BY amount DESC, _id LIMIT 3);
