-- PostgreSQL's spellings of NaN and the infinities as float8 and numeric constants (any case, blanks around,
-- float8 also a signed NaN), their text, and casts between the two types
SELECT 'NaN'::float8 AS a, 'nan'::numeric AS b, '  -NaN '::float8 AS c, float8 '+nan' AS d,
       'Infinity'::numeric AS e, '-inf'::float8 AS f, numeric '-Infinity' AS g,
       'NaN'::float8::text AS h, 'NaN'::numeric::text AS i, '-Infinity'::float8::text AS j,
       'NaN'::numeric::float8 AS k, 'NaN'::float8::numeric AS l, 'Infinity'::float8::numeric AS m,
       'NaN'::float8 = 'nan'::float8 AS n, 'NaN'::float8 > 'Infinity'::float8 AS o, 'NaN'::numeric < 1 AS p;
