-- numeric(p, s) arithmetic is PostgreSQL's exact decimal: 0.10 * 3 = 0.30, 1.15 * 7 = 8.05, 0.1 + 0.2 = 0.3
-- (doubles give 0.30000000000000004 and 8.049999999999999: the equalities below were false)
CREATE TABLE lines (id int PRIMARY KEY, price numeric(10,2), qty int, rate numeric(6,3));
INSERT INTO lines VALUES (1, 0.10, 3, 0.125), (2, 1.15, 7, 1.115), (3, 0.20, 1, 2.500), (4, 19.99, 3, NULL), (5, NULL, 2, 0.001), (6, 0.70, 1, 0.100);
SELECT id,
       price * qty AS total,
       price * qty = 0.3 AS is_030,
       price * qty = 8.05 AS is_805,
       price * qty = 59.97 AS is_5997,
       price + rate AS plus_rate,
       (price + rate) * 2 - rate AS mixed,
       -price * qty AS negated,
       CASE WHEN price * rate = 1.28225 THEN 'exact' ELSE 'other' END AS product_check,
       price * 1.1 AS with_constant
FROM lines
WHERE price * qty IN (0.3, 8.05, 59.97, 0.2, 0.7) OR price IS NULL;
