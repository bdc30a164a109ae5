WITH t AS (SELECT DISTINCT tier FROM customers)
SELECT count(*) AS n, count(tier) AS non_null FROM t;
