-- to_hex: the two's complement at the argument's width (integer: 8 digits, bigint: 16)
CREATE TABLE hexes (id int PRIMARY KEY, i int, b bigint);
INSERT INTO hexes VALUES (1, 0, 0), (2, 255, 255), (3, -1, -1), (4, 2147483647, 9007199254740991), (5, -2147483648, -9007199254740991),
  (6, NULL, NULL), (7, 4096, 4294967296), (8, -256, -4294967297);
SELECT id, to_hex(i) AS i_hex, to_hex(b) AS b_hex, to_hex(i::bigint) AS i_as_bigint, to_hex(256*256*256 - 1) AS "ffffff",
  to_hex(256::bigint*256::bigint*256::bigint*256::bigint - 1) AS "ffffffff"
FROM hexes ORDER BY id;
