-- UNPIVOT: one row per (order, measure); NULL measures are left out, as in SQL Server
SELECT _id, measure, value
FROM (SELECT _id, CAST(amount AS float) AS amount, CAST(discount AS float) AS discount FROM orders) AS s
UNPIVOT (value FOR measure IN (amount, discount)) AS u;
