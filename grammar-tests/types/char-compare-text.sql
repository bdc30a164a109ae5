-- character(n) against a quoted constant compares as character (trailing blanks ignored),
-- against text as text: PostgreSQL's operator resolution
SELECT 'ab'::char(4) = 'ab  ' AS c_unknown, 'ab'::char(4) = 'ab  '::text AS c_text,
       'ab'::char(4) = 'ab'::text AS c_text2, 'ab '::text = 'ab'::char(3) AS text_c,
       'a'::char(2) = 'a'::char(5) AS lengths, 'ab'::char(4) IS DISTINCT FROM 'ab ' AS dist,
       'a'::char(3) BETWEEN 'a' AND 'a  ' AS btw, CASE 'a'::char(3) WHEN 'a ' THEN 1 ELSE 0 END AS simple_case,
       'ab'::char(3) IN ('ab '::text) AS in_text, 'abc'::char(3) LIKE 'ab_' AS like3, 'ab'::char(3) LIKE 'ab_' AS like_pad,
       'a'::char(3) ILIKE 'A' AS ilike, 'a '::char(3) ~ '^a  $' AS regex;
