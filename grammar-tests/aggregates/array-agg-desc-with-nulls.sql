-- ARRAY_AGG keeps NULLs
SELECT status, array_agg(discount ORDER BY _id DESC) AS discounts FROM orders GROUP BY status;
