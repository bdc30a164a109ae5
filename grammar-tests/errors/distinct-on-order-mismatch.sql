-- error at 3:21
-- postgres-error
SELECT DISTINCT ON (customer_id) customer_id, _id FROM orders ORDER BY _id;
