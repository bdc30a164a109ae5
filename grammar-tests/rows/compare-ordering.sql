-- row comparisons <, <=, >, >= are lexicographic: the first pair that is not equal
-- decides; a NULL in that pair (or before it) makes the answer NULL; all pairs equal
-- is TRUE for <= and >=. =, <> and IS [NOT] DISTINCT FROM compare pair by pair
SELECT a, b, c,
  (a, b) < (2, 20) AS lt,
  (a, b) <= (2, 20) AS le,
  (a, b) > (2, 20) AS gt,
  (a, b) >= (2, 20) AS ge,
  (a, b, c) < (2, 20, 'm') AS lt3,
  ROW(a, b, c) >= ROW(a, 20, 'b') AS ge_same_first,
  (a, b) = (2, b) AS eq_self,
  (a, b) <> (3, NULL) AS ne_null,
  (a, b) IS DISTINCT FROM (2, NULL) AS distinct_null,
  (a, b) IS NOT DISTINCT FROM (2, 20) AS not_distinct
FROM (VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'z'), (2, 30, NULL), (2, NULL, 'a'), (NULL, 20, 'a'), (3, NULL, NULL), (NULL, NULL, NULL), (2, 19, 'm')) AS v(a, b, c);
