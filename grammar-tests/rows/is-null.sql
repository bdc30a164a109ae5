-- ROW(…) IS NULL: every field NULL; IS NOT NULL: every field non-NULL, so a row with
-- some NULL fields is neither
SELECT a, b,
  (a, b) IS NULL AS is_null,
  (a, b) IS NOT NULL AS is_not_null,
  NOT (ROW(a, b) IS NULL) AS not_is_null,
  ROW(a, NULL) IS NULL AS one_null
FROM (VALUES (1, 'x'), (1, NULL), (NULL, 'x'), (NULL, NULL)) AS v(a, b);
