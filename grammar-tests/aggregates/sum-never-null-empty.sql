-- ... still NULL over no rows
SELECT sum(1) AS s, sum(CASE WHEN quantity > 1 THEN 2 ELSE 0 END) AS t, count(*) AS c FROM orders WHERE amount > 1000000;
