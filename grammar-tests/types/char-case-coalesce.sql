-- ordered
-- CASE, COALESCE, NULLIF, GREATEST over character(n) of one length stay character(n) (padded);
-- with a text value first the result is text
CREATE TABLE codes (id int, c char(4), d char(4), t text);
INSERT INTO codes VALUES (1, 'a', 'b', 'x '), (2, NULL, 'b', 'y'), (3, NULL, NULL, NULL), (4, 'zz', NULL, '');
SELECT id, CASE WHEN id < 3 THEN c ELSE d END AS cs, COALESCE(c, d) AS co, COALESCE(c, d, NULL) || '|' AS co_text,
       NULLIF(c, 'a  ') AS ni, GREATEST(c, d) AS gr, LEAST(c, d) AS le, COALESCE(t, c) || '|' AS text_first
FROM codes ORDER BY id;
