-- numeric(p, s) rounds to s decimals, half away from zero; numeric(p) rounds to a whole number
SELECT _id, price,
       CAST(price AS numeric(8, 1))         AS one_place,
       price::numeric(6)                    AS whole,
       CAST(price / 3 AS numeric(10, 2))    AS third,
       CAST(price * -1.005 AS decimal(10, 2)) AS negative,
       CAST('2.675' AS numeric(5, 2))       AS literal,
       CAST(NULL AS numeric(5, 2))          AS none
FROM products;
