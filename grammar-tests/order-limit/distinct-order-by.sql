-- ordered
SELECT DISTINCT tier FROM customers ORDER BY tier NULLS FIRST;
