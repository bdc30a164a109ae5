-- active is true / false / NULL; stock > 10 is true / false / NULL
SELECT _id, active, stock > 10 AS big,
       active AND stock > 10 AS a_and_b,
       active OR stock > 10 AS a_or_b,
       NOT active AS not_a,
       NOT (active AND stock > 10) AS not_and
FROM products;
