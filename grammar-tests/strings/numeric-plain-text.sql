-- a numeric column without a scale as text: a value prints the decimals it was written with, and + - *
-- results PostgreSQL's result scale (0.5 * 2 is 1.0, 0.5 + 0.10 is 0.60, 0.5 * 1.10 is 0.550)
CREATE TABLE m (id int PRIMARY KEY, x numeric, q int, p numeric(8,2));
INSERT INTO m VALUES (1, 0.5, 2, 1.10), (2, 0.1, 3, 0.10), (3, -1.25, 4, NULL), (4, NULL, 1, 2.00),
  (5, 12345.678, 10, 3.5), (6, 2, 3, 0.01), (7, 0.07, 100, -0.5), (8, 1000000.5, 2, 99.99);
SELECT id,
       x::text AS x_text,
       (x * q)::text AS by_q,
       (x * 3)::text AS triple,
       (x + 0.10)::text AS plus,
       (x - x)::text AS zero,
       (x * p)::text AS with_scaled,
       (x * 1.50)::text AS with_constant,
       'x*x=' || (x * x) AS squared,
       concat(x * q, '/', x + x) AS pair,
       (-x)::text AS negated,
       CAST(x * q AS varchar(4)) AS cut
FROM m;
