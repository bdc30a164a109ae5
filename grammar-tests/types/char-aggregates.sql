-- min/max of character(n) return the padded value; string_agg reads it as text (no blanks);
-- count(DISTINCT) ignores trailing blanks; an empty input gives NULLs
CREATE TABLE codes (g int, c char(3));
INSERT INTO codes VALUES (1, 'b'), (1, 'a  '), (1, NULL), (2, 'b '), (2, 'b'), (3, NULL);
SELECT g, min(c) AS lo, max(c) AS hi, max(c) || '|' AS hi_text, string_agg(c, ',' ORDER BY c) AS agg,
       count(DISTINCT c) AS kinds, count(c) AS n
FROM codes GROUP BY g
UNION ALL
SELECT NULL, min(c), max(c), max(c) || '|', string_agg(c, ','), count(DISTINCT c), count(c) FROM codes WHERE g > 5
ORDER BY 1 NULLS LAST;
