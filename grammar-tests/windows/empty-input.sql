SELECT _id, row_number() OVER (ORDER BY _id) AS rn, sum(amount) OVER () AS s FROM orders WHERE amount > 1000000;
