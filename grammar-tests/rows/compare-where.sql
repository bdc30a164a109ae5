-- ordered
-- a row comparison as a WHERE condition (keyset pagination): the rows after (3, 2)
-- in (customer_id, quantity) order
SELECT _id, customer_id, quantity FROM orders
WHERE (customer_id, quantity) > (3, 2) AND (customer_id, quantity) <= (11, 6)
ORDER BY customer_id, quantity;
