-- UNPIVOT (node-sql-parser's BigQuery grammar rejects it: read by a pre-pass, positions kept)
SELECT _id, measure, value
FROM (SELECT _id, quantity, CAST(discount AS INT64) AS discount FROM orders)
UNPIVOT (value FOR measure IN (quantity, discount)) AS u
WHERE _id < 120;
