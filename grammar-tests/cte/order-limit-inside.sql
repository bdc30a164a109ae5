-- ordered
WITH top5 AS (SELECT _id, amount FROM orders ORDER BY amount DESC, _id LIMIT 5)
SELECT _id, amount FROM top5 ORDER BY _id;
