-- int2 and int4 results overflow at their width (PostgreSQL's integer out of range);
-- a bigint operand, or a constant beyond int4, makes the arithmetic bigint
CREATE TABLE widths (id int PRIMARY KEY, s smallint, i int, b bigint);
INSERT INTO widths VALUES (1, 32767, 2147483647, 9007199254740990), (2, -32768, -2147483648, -9007199254740990), (3, NULL, NULL, NULL), (4, 0, 0, 0);
SELECT id,
  s::int + 1 AS s_plus, s * 2::bigint AS s_times, i::bigint * 2 AS i_times, i + 3000000000 AS i_plus_big,
  i - 1::bigint AS i_minus, b - 1 AS b_minus, b / 2 AS b_half, -s::int AS neg_s, i * 1.5 AS i_numeric
FROM widths ORDER BY id;
