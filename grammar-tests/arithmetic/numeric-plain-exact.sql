-- a numeric column without a scale holds the decimals its values were written with:
-- 0.1 * 3 is 0.3 and 1.15 * 7 is 8.05 in PostgreSQL (doubles give 0.30000000000000004 and 8.049999999999999)
CREATE TABLE m (id int PRIMARY KEY, x numeric, y numeric, q int, p numeric(8,2));
INSERT INTO m VALUES (1, 0.1, 0.2, 3, 0.10), (2, 1.15, 7, 7, 1.15), (3, -0.7, 0.1, 1, -0.70), (4, NULL, 0.3, 2, 2.5),
  (5, 123456789.12, 0.01, 3, 19.99), (6, 0.000123, 1000, 1, NULL), (7, 2.675, -2.675, 10, 0.05), (8, 33.33, 66.67, 3, 0.01);
SELECT id,
       x * 3 AS triple,
       x * 3 = 0.3 AS is_03,
       x * q AS by_q,
       x * q = 8.05 AS is_805,
       x + y AS plus,
       x + y = 0.3 AS plus_03,
       x - y AS minus,
       x * y AS product,
       x * y = 0.02 AS product_002,
       (x + y) * q - x AS mixed,
       x * p AS with_scaled,
       x * p = 0.01 AS with_scaled_001,
       p + x AS scaled_plus,
       -x * 3 AS negated,
       x * 1.1 AS with_constant
FROM m
WHERE x * 3 IN (0.3, 3.45, -2.1) OR x * q = 8.05 OR x + y = 0.3 OR x IS NULL OR id > 4;
