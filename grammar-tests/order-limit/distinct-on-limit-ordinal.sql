-- DISTINCT ON by ordinal and by output alias, two keys in another order than ORDER BY's,
-- with LIMIT/OFFSET after the distinct rows
(SELECT DISTINCT ON (1) status AS s, _id FROM orders ORDER BY 1, 2 DESC)
UNION ALL
(SELECT DISTINCT ON (st, customer_id) status AS st, _id FROM orders ORDER BY customer_id, st, _id LIMIT 6 OFFSET 2);
