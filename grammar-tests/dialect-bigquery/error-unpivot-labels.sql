-- error at 3:41
SELECT * FROM (SELECT _id, quantity, stock FROM orders)
UNPIVOT (value FOR measure IN (quantity AS 'q', stock));
