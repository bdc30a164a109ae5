-- a row as a result column: PostgreSQL prints the record, a NULL field as nothing, a
-- field with a comma, blank, quote, backslash or parenthesis (or empty) in double
-- quotes with its quotes and backslashes doubled, a nested row quoted; booleans t/f
SELECT a, b, c,
  (a, b) AS pair,
  ROW(a, b, c) AS triple,
  ROW(a) AS single,
  ROW(b, ROW(a, c)) AS nested,
  ROW(a, b)::text AS as_text,
  ROW(a > 1, NULL) AS flags
FROM (VALUES (1, 'x', true), (2, 'a b', false), (3, '', NULL), (NULL, 'say "hi"', true), (5, 'p(1,2)', false), (6, 'back\slash', true), (NULL, NULL, NULL)) AS v(a, b, c);
