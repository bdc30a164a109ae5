-- integer bit operators at each width: &, |, # (xor), ~ (not), << and >> (the count modulo
-- 32 or 64, the low bits of the width kept: 1::int4 << 31 is negative, << 32 is 1), NULLs
CREATE TABLE bits (id int PRIMARY KEY, s smallint, i int, b bigint, n int);
INSERT INTO bits VALUES (1, 1, 1, 1, 31), (2, -1, -1, -1, 32), (3, 32767, 2147483647, 9007199254740991, 1),
  (4, -32768, -2147483648, -9007199254740991, -1), (5, 255, 123456789, 4503599627370496, 0), (6, NULL, NULL, NULL, NULL),
  (7, 7, 5, 3, 33), (8, 0, 0, 0, 64), (9, -6, 1073741824, 2147483648, 2);
SELECT id,
  s & 12 AS s_and, i & b AS i_and_b, b & 4294967295 AS b_low32, i | 6 AS i_or, b | 1 AS b_or, i # -1 AS i_xor, s # i AS s_xor_i,
  ~s AS s_not, ~i AS i_not, ~b AS b_not,
  s << n AS s_shl, i << n AS i_shl, i >> n AS i_shr, s >> n AS s_shr, b >> n AS b_shr, b >> 1 AS b_half, 3::bigint << (n & 31) AS three_shl,
  i << 1 AS i_double, (i::bigint) << 1 AS i_big_double, @(i / 2) AS i_abs, @ (s::int - 3) AS s_abs, '7' & 3 AS text_literal, 1 & NULL AS null_and
FROM bits ORDER BY id;
