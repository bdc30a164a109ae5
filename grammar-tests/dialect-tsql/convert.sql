-- CONVERT(type, value) with T-SQL type names
SELECT _id, CONVERT(varchar(20), amount) AS amount_text, CONVERT(int, quantity) AS qty, CONVERT(DECIMAL(10, 1), amount) AS rounded
FROM orders;
