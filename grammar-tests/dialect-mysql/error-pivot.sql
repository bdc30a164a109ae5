-- error at 2:28
SELECT * FROM orders PIVOT (COUNT(_id) FOR status IN ('shipped'));
