WITH ids AS (SELECT customer_id AS id FROM orders UNION SELECT user_id FROM events)
SELECT count(*) AS n FROM ids;
