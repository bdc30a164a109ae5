-- error at 3:8
-- postgres-error
SELECT j._id FROM (customers c JOIN orders o ON o.customer_id = c._id) AS j;
