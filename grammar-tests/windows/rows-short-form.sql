SELECT _id, count(quantity) OVER (ORDER BY _id ROWS 3 PRECEDING) AS c FROM orders;
