-- GREATEST/LEAST ignore NULLs
SELECT _id, greatest(amount, discount, 10) AS g, least(amount, discount, 10) AS l, greatest(discount, NULL) AS gn FROM orders;
