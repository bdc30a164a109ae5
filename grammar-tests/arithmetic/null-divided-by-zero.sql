-- NULL / 0 and NULL % 0 are NULL (the operators are strict): an aggregate over no rows divided
-- by count(*), and NULL columns divided by zero
SELECT sum(amount) / count(*) AS a, sum(quantity) / count(*) AS b, sum(quantity) % count(*) AS c, mod(sum(quantity), count(*)) AS d,
  max(discount / 0) AS e
FROM orders WHERE discount IS NULL AND amount < -1000;
