-- text read as float8 and numeric at run time: NaN and the infinities in PostgreSQL's spellings, NULL stays NULL
SELECT x, x::float8 AS f, x::numeric AS n, x::float8::text AS t
FROM (VALUES ('1'), ('NaN'), (' nan '), ('Infinity'), ('-inf'), (' +INF '), (NULL), ('-2.5e3')) AS v(x);
