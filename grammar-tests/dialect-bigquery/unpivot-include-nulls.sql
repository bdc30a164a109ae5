-- INCLUDE NULLS keeps the rows whose value is NULL
SELECT _id, measure, value
FROM (SELECT _id, note, status FROM orders WHERE _id < 110) AS s
UNPIVOT INCLUDE NULLS (value FOR measure IN (note, status));
