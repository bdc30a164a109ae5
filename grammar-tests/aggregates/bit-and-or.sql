-- bit_and / bit_or over smallint, integer and bigint (negative values in two's complement),
-- NULLs skipped, a group of only NULLs and an empty input give NULL; FILTER
CREATE TABLE bitwise_rows (id int PRIMARY KEY, g int, s smallint, i int, b bigint);
INSERT INTO bitwise_rows VALUES (1, 1, 1, 1, 1), (2, 1, 3, 7, 9007199254740991), (3, 1, 5, -1, 4503599627370497),
  (4, 2, -2, -8, -4503599627370497), (5, 2, -3, 6, -2), (6, 2, NULL, NULL, NULL), (7, 3, NULL, NULL, NULL), (8, 4, 7, 12, 1099511627776);
SELECT g, bit_and(s) AS s_and, bit_or(s) AS s_or, bit_and(i) AS i_and, bit_or(i) AS i_or, bit_and(b) AS b_and, bit_or(b) AS b_or,
  bit_or(i) FILTER (WHERE id > 1) AS i_or_filtered, bit_and(i + 1) AS expr_and
FROM bitwise_rows GROUP BY g;
