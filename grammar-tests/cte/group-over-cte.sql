WITH lines AS (SELECT status, amount * quantity AS value FROM orders)
SELECT status, sum(value) AS total, count(*) AS n FROM lines GROUP BY status HAVING count(*) > 1;
