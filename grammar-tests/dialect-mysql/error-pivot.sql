-- error
SELECT * FROM orders PIVOT (COUNT(_id) FOR status IN ('shipped'));
