-- ordered
SELECT _id, amount, status FROM orders ORDER BY 3 NULLS FIRST, 2 DESC;
