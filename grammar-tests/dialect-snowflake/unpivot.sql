SELECT _id, measure, value
FROM (SELECT _id, quantity, CAST(discount AS INT) AS discount FROM orders) AS s
UNPIVOT (value FOR measure IN (quantity, discount));
