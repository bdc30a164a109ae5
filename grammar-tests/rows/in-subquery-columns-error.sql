-- error
-- postgres-error
-- the subquery of (a, b) IN (…) must return as many columns as the row has
SELECT _id FROM orders WHERE (customer_id, quantity) IN (SELECT customer_id FROM orders);
