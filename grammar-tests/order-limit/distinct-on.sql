-- ordered
-- DISTINCT ON: the first row of each key in the ORDER BY order (the largest order per customer)
SELECT DISTINCT ON (customer_id) customer_id, _id, amount
FROM orders
ORDER BY customer_id, amount DESC NULLS LAST, _id;
