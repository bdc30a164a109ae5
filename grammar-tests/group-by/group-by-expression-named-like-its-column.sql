-- no-schema
SELECT upper(status) AS status, count(*) AS n
FROM orders
GROUP BY upper(status);
