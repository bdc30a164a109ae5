-- OVERLAY(s PLACING t FROM n [FOR m]): past the end, FOR 0 (an insertion), a negative FOR
-- (text repeated), a FOR past the end, NULLs, non-ASCII text
CREATE TABLE overlays (id int PRIMARY KEY, s text, t text, n int, m int);
INSERT INTO overlays VALUES (1, 'abcdef', '45', 4, NULL), (2, 'yabadoo', 'daba', 5, 0), (3, 'babosa', 'ubb', 2, 4),
  (4, 'abc', 'XY', 2, -1), (5, 'abc', 'XY', 5, 1), (6, 'abc', 'XY', 2, 10), (7, 'abc', NULL, 2, 1), (8, NULL, 'x', 1, 1),
  (9, 'ñandú😀', 'é', 6, 1), (10, '', 'xyz', 1, 0), (11, 'abc', '', 1, 2), (12, 'abc', 'Z', NULL, 1);
SELECT id, overlay(s PLACING t FROM n) AS no_for, overlay(s PLACING t FROM n FOR m) AS with_for,
  OVERLAY('abcdef' PLACING '45' FROM 4) AS "abc45f", overlay(s PLACING 'Q' FROM 1 FOR 1) AS first
FROM overlays ORDER BY id;
